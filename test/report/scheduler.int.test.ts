import { describe, expect, it, onTestFinished } from 'vitest';
import { REPORT_ON_DEMAND_JOB, REPORT_QUEUE } from '../../src/adapters/queue/queue-names.js';
import { createWorkerConnection } from '../../src/adapters/queue/redis-connections.js';
import { summarizeReport } from '../../src/core/report/summarize-report.js';
import { runScheduler, WATCH_QUEUE, type RunningScheduler, type SchedulerDeps } from '../../src/main/scheduler.js';
import { useTestRedis, type TestRedis } from '../support/redis.js';

const EVERY_SECOND = { cron: '* * * * * *', timezone: 'Europe/Berlin' };

interface Counters { reports: number; watches: number; posted: (string | null)[] }

async function startReplica(redis: TestRedis, counters: Counters, overrides: Partial<SchedulerDeps> = {}): Promise<RunningScheduler> {
  const connection = createWorkerConnection(redis.url, 'scheduler-test');
  const scheduler = await runScheduler({
    connection, prefix: redis.prefix, schedules: { report: EVERY_SECOND, watch: EVERY_SECOND }, paging: null,
    buildReport: async () => { counters.reports += 1; return summarizeReport([], null, { now: new Date().toISOString(), days: 7 }); },
    postReport: async (_report, channel) => { counters.posted.push(channel); },
    runWatch: async () => { counters.watches += 1; return []; },
    ...overrides,
  });
  onTestFinished(async () => { await scheduler.close(); connection.disconnect(); });
  return scheduler;
}

async function waitUntil(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setTimeout(r, 25));
}

describe('runScheduler', () => {
  it('runs the report and the watch on a shortened cron, one job per tick across replicas and restarts', async () => {
    const redis = useTestRedis([REPORT_QUEUE, WATCH_QUEUE]);
    const counters: Counters = { reports: 0, watches: 0, posted: [] };
    const a = await startReplica(redis, counters);
    await startReplica(redis, counters);
    await startReplica(redis, counters); // a restart: upserting again adds nothing
    await waitUntil(() => counters.reports >= 3 && counters.watches >= 3);
    expect(await a.reportQueue.getJobSchedulers()).toEqual([expect.objectContaining({ key: 'daily-health-report', pattern: '* * * * * *', tz: 'Europe/Berlin' })]);
    expect(await a.watchQueue.getJobSchedulers()).toEqual([expect.objectContaining({ key: 'p0-watch' })]);
    const completed = await a.reportQueue.getCompleted();
    const ticks = completed.map((j) => j.id?.split(':').at(-1));
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(counters.posted.every((c) => c === null)).toBe(true);
  });

  it('runs /gomod report on demand and posts to the asker\'s channel', async () => {
    const redis = useTestRedis([REPORT_QUEUE, WATCH_QUEUE]);
    const counters: Counters = { reports: 0, watches: 0, posted: [] };
    const never = { cron: '0 0 1 1 *', timezone: 'UTC' };
    const scheduler = await startReplica(redis, counters, { schedules: { report: never, watch: never } });
    await scheduler.reportQueue.add(REPORT_ON_DEMAND_JOB, { requestedBy: 'U1', channel: 'C0ASKER', requestedAt: Date.now() });
    await waitUntil(() => counters.posted.length >= 1);
    expect(counters.posted).toEqual(['C0ASKER']);
  });

  it('shares one watch run between Re-check clicks that arrive together', async () => {
    const redis = useTestRedis([REPORT_QUEUE, WATCH_QUEUE]);
    const counters: Counters = { reports: 0, watches: 0, posted: [] };
    const never = { cron: '0 0 1 1 *', timezone: 'UTC' };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => { release = r; });
    const scheduler = await startReplica(redis, counters, { schedules: { report: never, watch: never }, runWatch: async () => { counters.watches += 1; await gate; return []; } });
    await scheduler.requestWatchNow();
    await waitUntil(() => counters.watches === 1);
    await scheduler.requestWatchNow();
    await scheduler.requestWatchNow();
    release();
    for (;;) {
      if ((await scheduler.watchQueue.getCompletedCount()) >= 1 && (await scheduler.watchQueue.getWaitingCount()) === 0 && (await scheduler.watchQueue.getActiveCount()) === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(counters.watches).toBe(1);
  });
});
