import type { Redis } from 'ioredis';
import type { CheckResult } from '../../core/report/check-result.js';

/** The report's history: check results by time, kept for a retention window. */
export interface CheckStore {
  append(results: readonly CheckResult[]): Promise<void>;
  /** Every stored result at or after `since` (ISO 8601), oldest first. */
  load(since: string): Promise<CheckResult[]>;
}

/** A sorted set under `<prefix>:gomod:report:checks` scored by check time; older than `retentionMs` is trimmed on each append. */
export function createRedisCheckStore(deps: { redis: Redis; prefix: string; retentionMs: number; now: () => number }): CheckStore {
  const key = `${deps.prefix}:gomod:report:checks`;
  return {
    async append(results) {
      if (results.length === 0) return;
      const args = results.flatMap((r) => [Date.parse(r.at) || deps.now(), JSON.stringify(r)]);
      await deps.redis.multi()
        .zadd(key, ...args)
        .zremrangebyscore(key, '-inf', `(${deps.now() - deps.retentionMs}`)
        .pexpire(key, deps.retentionMs)
        .exec();
    },
    async load(since) {
      const members = await deps.redis.zrangebyscore(key, Date.parse(since), '+inf');
      return members.map((m) => JSON.parse(m) as CheckResult);
    },
  };
}
