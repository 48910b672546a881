import { isFailureClass } from '../../core/classify/failure-class.js';
import type { EscalationLevel } from '../../core/escalation/escalation-policy.js';
import { selectPlaybook } from '../../core/playbooks/select-playbook.js';
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

/** The evidence and the change request for the first module, posted once in the incident's thread. */
export function renderIncidentEvidence(record: IncidentRecord): SlackMessage {
  const { context } = record;
  const lines = context.evidence.length === 0 ? ['(no evidence recorded)'] : context.evidence;
  const blocks: Block[] = renderCodeSections('*Evidence*', lines.slice(0, 40)).slice(0, 10);
  const cls = context.classes.find(isFailureClass) ?? null;
  const target = context.modules[0];
  if (cls !== null && cls !== 'ok' && target !== undefined) {
    const at = target.lastIndexOf('@');
    const module = at > 0 ? target.slice(0, at) : target;
    const version = at > 0 ? target.slice(at + 1) : null;
    const zone = context.zone === '*' ? 'all' : context.zone;
    const playbook = selectPlaybook(cls, {
      module, version, hop: context.hop, evidence: lines[0] ?? '', zone, goEnv: null,
      diagnoseCommand: `/gomod diagnose ${target} zone=${zone}`,
    });
    const cr = playbook.changeRequest;
    blocks.push(renderSection(`*Change request:* ${escapeMrkdwn(cr.title)}\n${escapeMrkdwn(cr.impact)}`));
    blocks.push(...renderCodeSections('*Steps*', cr.steps).slice(0, 5), ...renderCodeSections('*Verification*', cr.verification).slice(0, 2), ...renderCodeSections('*Rollback*', cr.rollback).slice(0, 5));
  }
  return { text: `Evidence for ${record.state.id}`, blocks: blocks.slice(0, 50) };
}

function formatActor(actor: string | null): string {
  if (actor === null) return 'someone';
  return /^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}
