import { escapeMrkdwn, renderContext, renderSection, type SlackMessage } from './block-kit.js';

export interface RunTarget {
  readonly module: string;
  readonly version: string | null;
}

function describeTarget(target: RunTarget): string {
  return `${target.module}@${target.version ?? 'latest'}`;
}

/** The channel message as soon as the run is queued. */
export function renderQueued(target: RunTarget, zones: readonly string[], user: string): SlackMessage {
  const where = zones.length === 1 ? `zone *${escapeMrkdwn(zones[0] ?? '')}*` : `${zones.length} zones (${zones.map(escapeMrkdwn).join(', ')})`;
  const text = `Queued: ${describeTarget(target)} in ${zones.join(', ')}`;
  return { text, blocks: [renderSection(`:hourglass_flowing_sand: Queued: \`${escapeMrkdwn(describeTarget(target))}\` in ${where}`), renderContext([`asked by <@${user}>`])] };
}

export function renderRunning(target: RunTarget, zone: string): SlackMessage {
  const text = `Running in zone ${zone}: ${describeTarget(target)}`;
  return { text, blocks: [renderSection(`:mag: Running in zone *${escapeMrkdwn(zone)}*: \`${escapeMrkdwn(describeTarget(target))}\``)] };
}

/** Our own failure (never an observation): said plainly, with the error code to search for. */
export function renderRunFailed(target: RunTarget, zone: string, reason: string): SlackMessage {
  const text = `The diagnosis of ${describeTarget(target)} in zone ${zone} failed: ${reason}`;
  return { text, blocks: [renderSection(`:warning: The diagnosis of \`${escapeMrkdwn(describeTarget(target))}\` in zone *${escapeMrkdwn(zone)}* could not finish: ${escapeMrkdwn(reason)}`)] };
}
