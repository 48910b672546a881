import type { Redis } from 'ioredis';
import type { Diagnosis } from '../../core/diagnosis.js';
import type { EscalationPolicy } from '../../core/escalation/escalation-policy.js';
import { describePattern } from '../../core/watch/describe-pattern.js';
import { findDiagnosisP0 } from '../../core/watch/find-diagnosis-p0.js';
import type { Pager } from '../../ports/pager.js';
import { createPaging, type Paging } from './create-paging.js';
import { createRedisIncidentStore } from './redis-incident-store.js';

/** An open incident as App Home lists it (the shape of src/adapters/slack/blocks/render-home.ts `HomeIncident`). */
export interface OpenIncidentSummary {
  readonly title: string;
  readonly severity: string;
  readonly state: string;
  readonly since: number;
}

export interface IncidentActions {
  /** Route the incident buttons (IncidentActionId) here; answer the clicker with `text` (ephemeral). */
  handleIncidentAction(action: { readonly actionId: string; readonly value: string }, user: string): Promise<{ text: string }>;
  listOpenIncidents(): Promise<OpenIncidentSummary[]>;
  /** Call with every finished diagnosis: a checksum mismatch raises the supply-chain P0 for its hop and zone. */
  raiseFromDiagnosis(diagnosis: Diagnosis): Promise<number>;
  close(): Promise<void>;
}

/** What the bot and the workers need of paging, without running the page worker (the scheduler role runs it). */
export function createIncidentActions(deps: { connection: Redis; prefix: string; policy: EscalationPolicy; requestRecheck?: (id: string) => Promise<void> }): IncidentActions {
  const refuse: Pager = { send: () => Promise.reject(new Error('this role does not send pages')) };
  const paging: Paging = createPaging({
    connection: deps.connection, prefix: deps.prefix, policy: deps.policy, env: {}, pager: refuse, publisher: null,
    store: createRedisIncidentStore({ redis: deps.connection, prefix: deps.prefix, retentionSeconds: 30 * 86_400 }),
    ...(deps.requestRecheck === undefined ? {} : { requestRecheck: deps.requestRecheck }),
  });
  return {
    handleIncidentAction: (action, user) => paging.handleIncidentAction(action, user),
    async listOpenIncidents() {
      return (await paging.listOpen()).map((r) => ({ title: r.state.summary, severity: r.state.severity, state: r.state.status, since: Date.parse(r.state.triggeredAt) }));
    },
    async raiseFromDiagnosis(diagnosis) {
      const patterns = findDiagnosisP0(diagnosis);
      for (const p of patterns) {
        await paging.raise({ id: p.key, severity: 'P0', summary: describePattern(p), context: { pattern: p.pattern, hop: p.hop, zone: p.zone, classes: p.classes, modules: p.modules, evidence: p.evidence } });
      }
      return patterns.length;
    },
    close: () => paging.close(),
  };
}
