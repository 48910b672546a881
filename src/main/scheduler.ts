import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ReportRequest } from '../adapters/queue/report-request.js';
import { REPORT_ON_DEMAND_JOB, REPORT_QUEUE } from '../adapters/queue/queue-names.js';
import type { Paging } from '../adapters/pager/create-paging.js';
import type { DailyReport } from '../core/report/daily-report.js';
import type { P0Pattern } from '../core/watch/evaluate-watch.js';

/** The watch runs on its own queue so a long report never holds it up (and one watch runs at a time). */
export const WATCH_QUEUE = 'watch';
export const REPORT_SCHEDULER_ID = 'daily-health-report';
export const WATCH_SCHEDULER_ID = 'p0-watch';
export const REPORT_JOB = 'health-report';
export const WATCH_JOB = 'watch';

export interface Schedule {
  /** 5 fields, or 6 with seconds first. */
  readonly cron: string;
  readonly timezone: string;
}

export interface SchedulerDeps {
  readonly connection: Redis;
  readonly prefix: string;
  readonly schedules: { readonly report: Schedule; readonly watch: Schedule };
  /** Runs the checks and summarizes them (keeping the results in the store). */
  readonly buildReport: () => Promise<DailyReport>;
  /** Posts a report; `channel` null means the configured report channel. Null when Slack is not configured. */
  readonly postReport: ((report: DailyReport, channel: string | null) => Promise<void>) | null;
  readonly runWatch: () => Promise<P0Pattern[]>;
  /** Its worker sends pages and fires escalation timers; null when paging is off. */
  readonly paging: Paging | null;
  readonly onError?: (error: unknown, context: string) => void;
  readonly onJob?: (name: string, outcome: string) => void;
}

export interface RunningScheduler {
  readonly reportQueue: Queue;
  readonly watchQueue: Queue;
  /** The Re-check button: one watch run now (several clicks share one). */
  requestWatchNow(): Promise<void>;
  close(): Promise<void>;
}

const JOB_OPTIONS = { removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } } as const;

/**
 * The scheduler role: BullMQ job schedulers for the daily report and the P0 watch (upserted on every
 * start, so restarts and replicas never add a second schedule), their workers, and the page worker.
 */
export async function runScheduler(deps: SchedulerDeps): Promise<RunningScheduler> {
  const reportQueue = new Queue(REPORT_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  const watchQueue = new Queue(WATCH_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  for (const q of [reportQueue, watchQueue]) q.on('error', (e) => deps.onError?.(e, `${q.name} queue`));
  await reportQueue.upsertJobScheduler(REPORT_SCHEDULER_ID, { pattern: deps.schedules.report.cron, tz: deps.schedules.report.timezone },
    { name: REPORT_JOB, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, ...JOB_OPTIONS } });
  await watchQueue.upsertJobScheduler(WATCH_SCHEDULER_ID, { pattern: deps.schedules.watch.cron, tz: deps.schedules.watch.timezone },
    { name: WATCH_JOB, data: {}, opts: { attempts: 1, ...JOB_OPTIONS } });

  const processReport = async (job: Job): Promise<string> => {
    let channel: string | null = null;
    if (job.name === REPORT_ON_DEMAND_JOB) {
      const parsed = ReportRequest.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`report request invalid: ${z.prettifyError(parsed.error)}`);
      channel = parsed.data.channel;
    } else if (job.name !== REPORT_JOB) {
      throw new UnrecoverableError(`unknown report job ${job.name}`);
    }
    const report = await deps.buildReport();
    if (deps.postReport !== null) await deps.postReport(report, channel);
    return `${report.findings.length} findings`;
  };
  const processWatch = async (): Promise<string> => {
    const patterns = await deps.runWatch();
    return patterns.map((p) => `${p.transition} ${p.key}`).join('\n') || 'quiet';
  };

  const workers = [
    new Worker(REPORT_QUEUE, processReport, { connection: deps.connection, prefix: deps.prefix, concurrency: 1, lockDuration: 120_000 }),
    new Worker(WATCH_QUEUE, processWatch, { connection: deps.connection, prefix: deps.prefix, concurrency: 1, lockDuration: 60_000 }),
  ];
  for (const w of workers) {
    w.on('error', (e) => deps.onError?.(e, `${w.name} worker`));
    w.on('failed', (job, e) => { deps.onError?.(e, `${w.name} job ${job?.name ?? ''}`); deps.onJob?.(w.name, 'failed'); });
    w.on('completed', () => deps.onJob?.(w.name, 'completed'));
  }
  const pageWorker = deps.paging?.startWorker() ?? null;
  return {
    reportQueue, watchQueue,
    async requestWatchNow() {
      await watchQueue.add(WATCH_JOB, {}, { deduplication: { id: 'watch-now' }, ...JOB_OPTIONS });
    },
    async close() {
      await Promise.all([...workers.map((w) => w.close()), pageWorker?.close()]);
      await Promise.all([reportQueue.close(), watchQueue.close()]);
    },
  };
}
