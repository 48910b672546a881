import type { EscalationLevel } from '../../core/escalation/escalation-policy.js';
import { IncidentActionId } from '../pager/incident-action-ids.js';
import type { IncidentRecord } from '../pager/redis-incident-store.js';
import {
  escapeMrkdwn, renderButtons, renderCodeSections, renderContext, renderHeader, renderSection, type Block, type SlackMessage,
} from '../slack/blocks/block-kit.js';

const PATTERN_TITLES: Readonly<Record<string, string>> = {
  'supply-chain': 'Supply-chain integrity',
  'build-outage': 'Build outage',
  'trust-break': 'Trust break',
};

/** The one incident message, edited in place: state, who acknowledged, the level paged, and the buttons that still make sense. */
export function renderIncidentMessage(record: IncidentRecord, levels: readonly EscalationLevel[]): SlackMessage {
  const { state, context } = record;
  const title = `${state.severity} ${PATTERN_TITLES[context.pattern] ?? context.pattern}: ${context.hop}${context.zone === '*' ? ' (every zone)' : ` (zone ${context.zone})`}`;
  const level = levels[state.level];
  const status = state.status === 'resolved' ? `:white_check_mark: *Resolved* by ${formatActor(state.resolvedBy)}`
    : state.status === 'acknowledged' ? `:eyes: *Acknowledged* by ${formatActor(state.acknowledgedBy)}`
      : `:rotating_light: *Triggered*, paged *${escapeMrkdwn(level?.name ?? 'on-call')}*${level?.slackUserGroup === undefined ? '' : ` <!subteam^${level.slackUserGroup}>`}${state.level > 0 ? ' (escalated: no acknowledgement)' : ''}`;
  const blocks: Block[] = [
    renderHeader(`${state.status === 'resolved' ? '✅' : '🚨'} ${title}`),
    renderSection(status),
    renderSection([
      `*Classes:* ${context.classes.map((c) => `\`${c}\``).join(', ') || '-'}`,
      `*Modules:* ${escapeMrkdwn(context.modules.slice(0, 10).join(', ') || '-')}${context.modules.length > 10 ? ` and ${context.modules.length - 10} more` : ''}`,
      `*dedup key:* \`${escapeMrkdwn(state.id)}\``,
    ].join('\n')),
    renderContext(state.history.slice(-5).map((h) => `${h.at.slice(11, 19)} UTC ${escapeMrkdwn(h.text)}`)),
  ];
  const buttons = [
    ...(state.status === 'triggered' ? [{ actionId: IncidentActionId.acknowledge, text: 'Acknowledge', value: state.id, style: 'primary' as const }] : []),
    ...(state.status === 'resolved' ? [] : [{ actionId: IncidentActionId.resolve, text: 'Resolve', value: state.id, style: 'danger' as const }]),
    { actionId: IncidentActionId.recheck, text: 'Re-check', value: state.id },
  ];
  blocks.push(renderButtons(buttons));
  return { text: `${title}: ${state.status}`, blocks };
}

/** The evidence, posted once in the incident's thread. */
export function renderIncidentEvidence(record: IncidentRecord): SlackMessage {
  const lines = record.context.evidence.length === 0 ? ['(no evidence recorded)'] : record.context.evidence;
  return { text: `Evidence for ${record.state.id}`, blocks: renderCodeSections('*Evidence*', lines.slice(0, 40)).slice(0, 10) };
}

function formatActor(actor: string | null): string {
  if (actor === null) return 'someone';
  return /^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}
