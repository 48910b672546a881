import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { CheckResult } from '../../core/report/check-result.js';
import type { ReportPlan, WatchItem } from '../../core/report/plan-report-checks.js';

/** One queue per zone, so each zone's checks run on that zone's workers, from inside its network. */
export function zoneCheckQueueName(zone: string): string {
  return `report-checks-${zone}`;
}

const ZoneCheckJob = z.object({
  plan: z.object({
    zone: z.string(), proxies: z.array(z.unknown()), sumdb: z.unknown().nullable(), vcs: z.array(z.unknown()), noSumdb: z.array(z.string()),
  }),
  watchlist: z.array(z.object({ module: z.string(), version: z.string().optional() })),
});

export interface RemoteZoneChecker {
  checkZone(plan: ReportPlan, watchlist: readonly WatchItem[]): Promise<CheckResult[]>;
  close(): Promise<void>;
}

/**
 * The scheduler's side: puts a zone's plan on that zone's queue and waits for its worker's results.
 * A zone whose workers do not answer within `timeoutMs` fails the run (BullMQ retries the report).
 */
export function createRemoteZoneChecker(deps: { connection: Redis; prefix: string; zones: readonly string[]; timeoutMs: number }): RemoteZoneChecker {
  const queues = new Map(deps.zones.map((zone) => [zone, new Queue(zoneCheckQueueName(zone), { connection: deps.connection, prefix: deps.prefix })]));
  const events = new Map(deps.zones.map((zone) => [zone, new QueueEvents(zoneCheckQueueName(zone), { connection: deps.connection, prefix: deps.prefix })]));
  for (const q of queues.values()) q.on('error', () => undefined); // surfaced by the add that fails
  return {
    async checkZone(plan, watchlist) {
      const queue = queues.get(plan.zone);
      const queueEvents = events.get(plan.zone);
      if (queue === undefined || queueEvents === undefined) throw new Error(`no check queue for zone ${plan.zone}`);
      await queueEvents.waitUntilReady();
      const job = await queue.add('check-zone', { plan: { ...plan, noSumdb: [...plan.noSumdb] }, watchlist }, {
        attempts: 1, removeOnComplete: { age: 3600, count: 100 }, removeOnFail: { age: 86_400 },
      });
      return await job.waitUntilFinished(queueEvents, deps.timeoutMs) as CheckResult[];
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      await Promise.all([...events.values()].map((e) => e.close()));
    },
  };
}

/** The zone worker's side: runs the plan it is given with the zone's own probes. */
export function startZoneCheckWorker(deps: {
  connection: Redis; prefix: string; zone: string;
  checkZone: (plan: ReportPlan, watchlist: readonly WatchItem[]) => Promise<CheckResult[]>;
  onError?: (error: unknown) => void;
}): Worker {
  const worker = new Worker(zoneCheckQueueName(deps.zone), async (job: Job) => {
    const parsed = ZoneCheckJob.safeParse(job.data);
    if (!parsed.success || parsed.data.plan.zone !== deps.zone) throw new UnrecoverableError(`zone check payload invalid for ${deps.zone}`);
    const plan = { ...(parsed.data.plan as unknown as ReportPlan), noSumdb: new Set(parsed.data.plan.noSumdb) };
    return deps.checkZone(plan, parsed.data.watchlist.map((w) => (w.version === undefined ? { module: w.module } : { module: w.module, version: w.version })));
  }, { connection: deps.connection, prefix: deps.prefix, concurrency: 2, lockDuration: 120_000 });
  worker.on('error', (e) => deps.onError?.(e));
  return worker;
}
