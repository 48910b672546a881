import type { Severity } from '../classify/failure-class.js';

export interface EscalationLevel {
  readonly name: string;
  /** Name of the environment variable that holds this level's PagerDuty routing key (never the key). */
  readonly pagerdutyRoutingKeyEnv: string;
  /** Slack user group to mention when this level is paged. */
  readonly slackUserGroup?: string;
}

export interface EscalationPolicy {
  /** Time without an acknowledgement before the next level is paged. */
  readonly ackTimeoutMs: number;
  readonly levels: readonly EscalationLevel[];
  /** Incidents older than this are never escalated further (a sanity horizon). */
  readonly maxAgeMs: number;
}

/** The taxonomy's defaults: the primary at once, the next level after 15 minutes without an ack. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  ackTimeoutMs: 15 * 60_000,
  levels: [{ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' }],
  maxAgeMs: 24 * 3_600_000,
};

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface IncidentHistoryEntry {
  readonly at: string;
  readonly text: string;
}

export interface IncidentState {
  /** The dedup key (pattern + hop + zone). */
  readonly id: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly status: IncidentStatus;
  /** Index of the highest level paged so far. */
  readonly level: number;
  readonly triggeredAt: string;
  readonly acknowledgedBy: string | null;
  readonly resolvedBy: string | null;
  /** Sequence of the pending escalation timer; a timer event with another sequence is stale. */
  readonly timerSeq: number;
  readonly timerDueAt: string | null;
  readonly history: readonly IncidentHistoryEntry[];
}

export type EscalationEvent =
  | { readonly type: 'trigger'; readonly id: string; readonly severity: Severity; readonly summary: string }
  | { readonly type: 'ack'; readonly by: string }
  | { readonly type: 'resolve'; readonly by: string }
  | { readonly type: 'ack-timeout'; readonly seq: number }
  | { readonly type: 'check-failed'; readonly text: string }
  | { readonly type: 'check-passed'; readonly text: string }
  /** Something to record on the incident (a page that could not be delivered, a re-check result). */
  | { readonly type: 'note'; readonly text: string };

export type EscalationCommand =
  | { readonly type: 'page'; readonly level: number; readonly levelName: string; readonly routingKeyEnv: string; readonly slackUserGroup: string | null }
  | { readonly type: 'pager-acknowledge'; readonly routingKeyEnvs: readonly string[] }
  | { readonly type: 'pager-resolve'; readonly routingKeyEnvs: readonly string[] }
  | { readonly type: 'schedule-timer'; readonly seq: number; readonly dueAt: string; readonly delayMs: number }
  | { readonly type: 'cancel-timer'; readonly seq: number }
  | { readonly type: 'update-slack' };

export interface EscalationStep {
  readonly state: IncidentState | null;
  readonly commands: readonly EscalationCommand[];
}

/**
 * The escalation policy as a pure transition: (policy, state, event, now) → new state and the commands
 * the edges carry out (pages, PagerDuty ack/resolve, durable timers, Slack edits). `state` null means no incident yet.
 */
export function nextStep(policy: EscalationPolicy, state: IncidentState | null, event: EscalationEvent, now: string): EscalationStep {
  if (state === null) {
    if (event.type !== 'trigger') return { state: null, commands: [] };
    return openIncident(policy, event, now);
  }
  switch (event.type) {
    case 'trigger':
      if (state.status !== 'resolved') return noteHistory(state, now, `still failing: ${event.summary}`);
      return openIncident(policy, event, now, state.history);
    case 'ack':
      if (state.status !== 'triggered') return { state, commands: [] };
      return {
        state: { ...state, status: 'acknowledged', acknowledgedBy: event.by, timerDueAt: null, history: [...state.history, { at: now, text: `acknowledged by ${event.by}` }] },
        commands: [...cancelPending(state), { type: 'pager-acknowledge', routingKeyEnvs: pagedKeys(policy, state) }, { type: 'update-slack' }],
      };
    case 'resolve':
      if (state.status === 'resolved') return { state, commands: [] };
      return {
        state: { ...state, status: 'resolved', resolvedBy: event.by, timerDueAt: null, history: [...state.history, { at: now, text: `resolved by ${event.by}` }] },
        commands: [
          ...cancelPending(state),
          { type: 'pager-resolve', routingKeyEnvs: pagedKeys(policy, state) }, { type: 'update-slack' },
        ],
      };
    case 'ack-timeout':
      return escalate(policy, state, event.seq, now);
    case 'note':
      return noteHistory(state, now, event.text);
    case 'check-failed':
    case 'check-passed':
      if (state.status === 'resolved') return { state, commands: [] };
      return noteHistory(state, now, event.text);
  }
}

function openIncident(policy: EscalationPolicy, event: Extract<EscalationEvent, { type: 'trigger' }>, now: string, history: readonly IncidentHistoryEntry[] = []): EscalationStep {
  const seq = 1;
  const state: IncidentState = {
    id: event.id, severity: event.severity, summary: event.summary, status: 'triggered', level: 0, triggeredAt: now,
    acknowledgedBy: null, resolvedBy: null, timerSeq: seq, timerDueAt: null,
    history: [...history, { at: now, text: `triggered: ${event.summary}` }],
  };
  return pageLevel(policy, state, 0, seq, now);
}

function escalate(policy: EscalationPolicy, state: IncidentState, seq: number, now: string): EscalationStep {
  if (state.status !== 'triggered' || seq !== state.timerSeq) return { state, commands: [] };
  const next = state.level + 1;
  const tooOld = Date.parse(now) - Date.parse(state.triggeredAt) > policy.maxAgeMs;
  if (next >= policy.levels.length || tooOld) {
    return {
      state: { ...state, timerDueAt: null, history: [...state.history, { at: now, text: tooOld ? 'not escalated: past the sanity horizon' : 'no acknowledgement at the last level' }] },
      commands: [{ type: 'update-slack' }],
    };
  }
  return pageLevel(policy, { ...state, level: next }, next, seq + 1, now);
}

function pageLevel(policy: EscalationPolicy, state: IncidentState, level: number, seq: number, now: string): EscalationStep {
  const target = policy.levels[level];
  if (target === undefined) return { state, commands: [{ type: 'update-slack' }] };
  const hasNext = level + 1 < policy.levels.length;
  const dueAt = new Date(Date.parse(now) + policy.ackTimeoutMs).toISOString();
  const next: IncidentState = {
    ...state, level, timerSeq: seq, timerDueAt: hasNext ? dueAt : null,
    history: level === 0 ? state.history : [...state.history, { at: now, text: `escalated to ${target.name}: no acknowledgement` }],
  };
  return {
    state: next,
    commands: [
      { type: 'page', level, levelName: target.name, routingKeyEnv: target.pagerdutyRoutingKeyEnv, slackUserGroup: target.slackUserGroup ?? null },
      ...(hasNext ? [{ type: 'schedule-timer' as const, seq, dueAt, delayMs: policy.ackTimeoutMs }] : []),
      { type: 'update-slack' },
    ],
  };
}

function noteHistory(state: IncidentState, now: string, text: string): EscalationStep {
  const last = state.history.at(-1);
  if (last?.text === text) return { state, commands: [] };
  return { state: { ...state, history: [...state.history.slice(-49), { at: now, text }] }, commands: [{ type: 'update-slack' }] };
}

function cancelPending(state: IncidentState): EscalationCommand[] {
  return state.timerDueAt === null ? [] : [{ type: 'cancel-timer', seq: state.timerSeq }];
}

/** Every routing key paged so far (PagerDuty drops an ack or resolve sent through another key). */
function pagedKeys(policy: EscalationPolicy, state: IncidentState): string[] {
  return [...new Set(policy.levels.slice(0, state.level + 1).map((l) => l.pagerdutyRoutingKeyEnv))];
}
