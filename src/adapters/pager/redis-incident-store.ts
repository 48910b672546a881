import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EscalationCommand, IncidentState } from '../../core/escalation/escalation-policy.js';

/** What the P0 pattern said when it opened or last changed: the evidence for Slack and PagerDuty. */
export interface IncidentContext {
  readonly pattern: string;
  readonly hop: string;
  readonly zone: string;
  readonly classes: readonly string[];
  readonly modules: readonly string[];
  readonly evidence: readonly string[];
}

/** An incident as stored: the policy's state plus what the edges need. No routing keys, no secrets. */
export interface IncidentRecord {
  readonly state: IncidentState;
  readonly context: IncidentContext;
  /** Bumped on every change; the Slack message is edited only forward. */
  readonly revision: number;
  /** Routing-key env names whose trigger PagerDuty has accepted (ack/resolve wait for it). */
  readonly delivered: readonly string[];
  /** Event ids already applied (a retried event job must not apply twice). */
  readonly applied: readonly string[];
  /** Commands decided but maybe not yet enqueued; re-enqueued with the same job ids on retry. */
  readonly pending: readonly { readonly eventId: string; readonly commands: readonly EscalationCommand[] }[];
}

export interface IncidentStore {
  get(id: string): Promise<IncidentRecord | null>;
  /** Read-modify-write under optimistic locking; `change` may run more than once and returns null to leave it. */
  update(id: string, change: (current: IncidentRecord | null) => IncidentRecord | null): Promise<IncidentRecord | null>;
  listOpen(): Promise<IncidentRecord[]>;
}

/** A job-id-safe token for an incident id (BullMQ ids may not contain ':'). */
export function hashIncidentId(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 20);
}

/** Incidents under `<prefix>:gomod:incident:<hash>`, open ones indexed in a set; closed ones expire after `retentionSeconds`. */
export function createRedisIncidentStore(deps: { redis: Redis; prefix: string; retentionSeconds: number }): IncidentStore {
  const key = (id: string): string => `${deps.prefix}:gomod:incident:${hashIncidentId(id)}`;
  const openKey = `${deps.prefix}:gomod:incidents:open`;
  const read = (text: string | null): IncidentRecord | null => (text === null ? null : JSON.parse(text) as IncidentRecord);
  return {
    async get(id) {
      return read(await deps.redis.get(key(id)));
    },
    async update(id, change) {
      const k = key(id);
      const client = deps.redis.duplicate();
      try {
        for (let attempt = 0; attempt < 50; attempt++) {
          await client.watch(k);
          const current = read(await client.get(k));
          const next = change(current);
          if (next === null) { await client.unwatch(); return current; }
          const multi = client.multi().set(k, JSON.stringify(next));
          if (next.state.status === 'resolved') multi.expire(k, deps.retentionSeconds).srem(openKey, id);
          else multi.persist(k).sadd(openKey, id);
          if (await multi.exec() !== null) return next;
        }
        throw new Error(`incident ${id}: too much contention`);
      } finally {
        client.disconnect();
      }
    },
    async listOpen() {
      const ids = await deps.redis.smembers(openKey);
      const records = await Promise.all(ids.map(async (id) => read(await deps.redis.get(key(id)))));
      return records.filter((r): r is IncidentRecord => r !== null && r.state.status !== 'resolved');
    },
  };
}
