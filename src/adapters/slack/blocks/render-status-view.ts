import { escapeMrkdwn, renderSection, type Block, type SlackMessage } from './block-kit.js';

export interface ZoneStatus {
  readonly zone: string;
  readonly workers: number;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  readonly recentFailures: readonly { readonly target: string; readonly reason: string }[];
}

/** `/gomod status`: one line per zone, then the recent failures. */
export function renderStatusView(zones: readonly ZoneStatus[]): SlackMessage {
  const lines = zones.map((z) => `${z.workers > 0 ? ':large_green_circle:' : ':red_circle:'} *${escapeMrkdwn(z.zone)}*: ${z.workers} worker${z.workers === 1 ? '' : 's'} alive · ${z.waiting} waiting · ${z.active} running · ${z.delayed} delayed · ${z.failed} failed`);
  const blocks: Block[] = [renderSection(`*Zones*\n${lines.join('\n')}`)];
  const failures = zones.flatMap((z) => z.recentFailures.map((f) => `• ${escapeMrkdwn(z.zone)}: \`${escapeMrkdwn(f.target)}\`: ${escapeMrkdwn(f.reason)}`));
  blocks.push(renderSection(failures.length === 0 ? '*Recent failures:* none' : `*Recent failures*\n${failures.slice(0, 15).join('\n')}`));
  return { text: `gomod-doctor status: ${zones.map((z) => `${z.zone} ${z.workers} workers`).join(', ')}`, blocks };
}
