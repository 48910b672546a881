import { FAILURE_CLASSES } from '../../../core/classify/failure-class.js';
import type { Diagnosis, Finding } from '../../../core/diagnosis.js';
import { ActionId } from './action-ids.js';
import { escapeMrkdwn, renderButtons, renderContext, renderSection, type Block, type Button, type SlackMessage } from './block-kit.js';
import { describeChanges } from './describe-changes.js';

const VERDICT_ICON = { ok: ':large_green_circle:', warn: ':large_yellow_circle:', fail: ':red_circle:' } as const;

export function selectPrimaryFinding(diagnosis: Diagnosis): Finding | null {
  return diagnosis.findings.find((f) => f.class === diagnosis.class) ?? diagnosis.findings[0] ?? null;
}

export function formatTarget(diagnosis: Diagnosis): string {
  const resolved = diagnosis.resolvedVersion === undefined ? '' : ` (${diagnosis.resolvedVersion})`;
  return `${diagnosis.module}@${diagnosis.version}${resolved}`;
}

/**
 * The one verdict message: class literally next to its title, the hop that broke, one line of fix,
 * and the buttons. With `previous`, a Re-check also says what changed.
 */
export function renderVerdict(diagnosis: Diagnosis, options: { runId: string; previous?: Diagnosis | null }): SlackMessage {
  const title = FAILURE_CLASSES[diagnosis.class].title;
  const primary = selectPrimaryFinding(diagnosis);
  const fix = diagnosis.playbook?.fix[0];
  const lines = [
    `${VERDICT_ICON[diagnosis.verdict]} *\`${diagnosis.class}\`* ${escapeMrkdwn(title)}${diagnosis.severity === null ? '' : ` (${diagnosis.severity})`}`,
    `\`${escapeMrkdwn(formatTarget(diagnosis))}\` in zone *${escapeMrkdwn(diagnosis.zone)}*`,
  ];
  if (primary?.hop != null) lines.push(`Hop: \`${escapeMrkdwn(primary.hop)}\`${primary.step === null ? '' : ` (${primary.step})`}`);
  if (diagnosis.verdict !== 'ok' && fix !== undefined) lines.push(`Fix: ${escapeMrkdwn(fix)}`);
  const blocks: Block[] = [renderSection(lines.join('\n'))];
  if (options.previous != null) {
    blocks.push(renderSection(`*Since the last run:*\n${describeChanges(options.previous, diagnosis).map((l) => `• ${escapeMrkdwn(l)}`).join('\n')}`));
  }
  blocks.push(renderContext([`${escapeMrkdwn(diagnosis.goVersion)} · ${(diagnosis.elapsedMs / 1000).toFixed(1)} s · details in the thread`]));
  const buttons: Button[] = [{ actionId: ActionId.recheck, text: 'Re-check', value: options.runId }];
  if (diagnosis.playbook !== null) buttons.unshift({ actionId: ActionId.showChangeRequest, text: 'Show change request', value: options.runId });
  blocks.push(renderButtons(buttons));
  const text = `${diagnosis.class}: ${title} (${formatTarget(diagnosis)}, zone ${diagnosis.zone})`;
  return { text, blocks };
}
