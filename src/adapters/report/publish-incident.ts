import type { EscalationLevel } from '../../core/escalation/escalation-policy.js';
import type { IncidentPublisher } from '../pager/create-paging.js';
import { hashIncidentId } from '../pager/redis-incident-store.js';
import type { Outbox } from '../queue/slack-outbox.js';
import { renderIncidentEvidence, renderIncidentMessage } from './render-incident-message.js';

/** The Slack message key of one occurrence of an incident (a re-opened incident gets a new message). */
export function formatIncidentMessageKey(id: string, triggeredAt: string): string {
  return `incident-${hashIncidentId(id)}-${Date.parse(triggeredAt)}`;
}

/**
 * Posts incidents through the Slack outbox: one status message per occurrence, edited in place (the
 * outbox never edits backwards: rank is the incident's revision), and the evidence once in its thread.
 */
export function createOutboxIncidentPublisher(deps: { outbox: Outbox; channel: string; levels: readonly EscalationLevel[] }): IncidentPublisher {
  return {
    async publish(record) {
      const key = formatIncidentMessageKey(record.state.id, record.state.triggeredAt);
      const message = renderIncidentMessage(record, deps.levels);
      await deps.outbox.send({ kind: 'status', key, channel: deps.channel, rank: record.revision, text: message.text, blocks: [...message.blocks] });
      const evidence = renderIncidentEvidence(record);
      await deps.outbox.send({ kind: 'thread', key, channel: deps.channel, text: evidence.text, blocks: [...evidence.blocks] }, { jobId: `evidence-${key}` });
    },
  };
}
