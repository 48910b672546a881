import { randomUUID } from 'node:crypto';
import { FlowProducer, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Diagnosis } from '../../core/diagnosis.js';
import type { RunTarget } from '../slack/blocks/render-run-status.js';
import { DiagnoseJobData, type Subscriber } from './job-payloads.js';
import { publishComparison, publishQueued, publishResult } from './publish-run.js';
import { COMPARE_DEADLINE_JOB, COMPARE_QUEUE, DIAGNOSE_JOB, diagnoseQueueName } from './queue-names.js';
import type { RunStore } from './run-store.js';
import type { Outbox } from './slack-outbox.js';

export const DIAGNOSE_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export interface StartedRun {
  readonly runId: string;
  /** True when the run was already going (same module, same zone, within the dedup window): it is shared. */
  readonly shared: boolean;
}

export interface DiagnoseProducer {
  /** Queues (or joins) a run in one zone and registers the subscriber; `fresh` skips deduplication (Re-check). */
  start(target: RunTarget, zone: string, subscriber: Subscriber, options?: { fresh?: boolean }): Promise<StartedRun>;
  /** zone=all: a flow whose children run in every zone and whose parent compares them. */
  startAll(target: RunTarget, zones: readonly string[], subscriber: Subscriber): Promise<StartedRun>;
  queueFor(zone: string): Queue;
  close(): Promise<void>;
}

export function createDiagnoseProducer(deps: { connection: Redis; prefix: string; runStore: RunStore; outbox: Outbox; dedupSeconds: number; compareDeadlineSeconds?: number; now?: () => number }): DiagnoseProducer {
  const now = deps.now ?? Date.now;
  const queues = new Map<string, Queue>();
  const queueFor = (zone: string): Queue => {
    let queue = queues.get(zone);
    if (queue === undefined) {
      queue = new Queue(diagnoseQueueName(zone), { connection: deps.connection, prefix: deps.prefix });
      queue.on('error', () => undefined); // failures surface on the calls; the bot tells the user
      queues.set(zone, queue);
    }
    return queue;
  };
  let flows: FlowProducer | null = null;
  let compareQueue: Queue | null = null;

  /** Joins a run that is already going; when it already finished, posts its result right away. */
  const join = async (runId: string, subscriber: Subscriber): Promise<void> => {
    const done = await deps.runStore.addSubscriber(runId, subscriber);
    if (done !== null) {
      const previous = subscriber.compareWith === undefined ? null : await deps.runStore.loadResult(subscriber.compareWith);
      await publishResult(deps.outbox, subscriber, runId, done, previous);
    }
  };

  return {
    async start(target, zone, subscriber, options = {}) {
      const data = DiagnoseJobData.parse({ module: target.module, version: target.version, zone, requestedAt: now() });
      const jobId = randomUUID();
      // The subscriber is registered before the job exists, so a worker that starts at once already sees them.
      await Promise.all([deps.runStore.prepareRun(jobId, data, subscriber), publishQueued(deps.outbox, subscriber, target, [zone])]);
      const dedupId = `${zone}|${target.module}@${target.version ?? 'latest'}`;
      const job = await queueFor(zone).add(DIAGNOSE_JOB, data, {
        ...DIAGNOSE_JOB_OPTIONS, jobId,
        ...(options.fresh === true || deps.dedupSeconds === 0 ? {} : { deduplication: { id: dedupId, ttl: deps.dedupSeconds * 1000 } }),
      });
      const runId = job.id ?? jobId;
      if (runId !== jobId) await join(runId, subscriber);
      return { runId, shared: runId !== jobId };
    },
    async startAll(target, zones, subscriber) {
      if (flows === null) {
        flows = new FlowProducer({ connection: deps.connection, prefix: deps.prefix });
        flows.on('error', () => undefined);
      }
      const runId = randomUUID();
      const requestedAt = now();
      await deps.runStore.addSubscriber(runId, subscriber);
      await publishQueued(deps.outbox, subscriber, target, zones);
      await flows.add({
        name: 'compare', queueName: COMPARE_QUEUE, data: { module: target.module, version: target.version, zones: [...zones], requestedAt },
        opts: { jobId: runId, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
        children: zones.map((zone) => ({
          name: DIAGNOSE_JOB, queueName: diagnoseQueueName(zone),
          data: DiagnoseJobData.parse({ module: target.module, version: target.version, zone, requestedAt }),
          opts: { ...DIAGNOSE_JOB_OPTIONS, jobId: randomUUID(), ignoreDependencyOnFailure: true },
        })),
      });
      if (compareQueue === null) {
        compareQueue = new Queue(COMPARE_QUEUE, { connection: deps.connection, prefix: deps.prefix });
        compareQueue.on('error', () => undefined);
      }
      await compareQueue.add(COMPARE_DEADLINE_JOB, { runId, module: target.module, version: target.version, zones: [...zones] }, {
        jobId: `${runId}-deadline`, delay: (deps.compareDeadlineSeconds ?? 120) * 1000, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 },
      });
      return { runId, shared: false };
    },
    queueFor,
    async close() {
      await Promise.allSettled([...[...queues.values()].map((q) => q.close()), flows?.close(), compareQueue?.close()]);
    },
  };
}

/**
 * The parent of a zone=all flow compares what each zone saw and posts one reply; its deadline job answers
 * instead when a zone stays silent (no worker alive there). Needs only Redis.
 */
export function startCompareWorker(deps: { connection: Redis; prefix: string; runStore: RunStore; outbox: Outbox; logger: Logger }): Worker {
  const publish = async (runId: string, data: unknown, values: Record<string, unknown>, deadline: boolean): Promise<string> => {
    const target = data as { module?: unknown; version?: unknown; zones?: unknown };
    if (typeof target.module !== 'string' || !Array.isArray(target.zones)) throw new UnrecoverableError('compare payload invalid');
    const version = typeof target.version === 'string' ? target.version : null;
    const diagnoses = Object.values(values).filter((d): d is Diagnosis => typeof d === 'object' && d !== null && 'class' in d);
    const silent = deadline ? (target.zones as unknown[]).map(String).filter((zone) => !diagnoses.some((d) => d.zone === zone)) : [];
    for (const subscriber of await deps.runStore.listSubscribers(runId)) {
      await publishComparison(deps.outbox, subscriber, { module: target.module, version }, diagnoses, silent);
    }
    return `compared ${diagnoses.length} zones${silent.length > 0 ? `; silent: ${silent.join(', ')}` : ''}`;
  };
  let queue: Queue | null = null;
  const processor = async (job: Job): Promise<string> => {
    if (job.name !== COMPARE_DEADLINE_JOB) return publish(job.id ?? '', job.data, await job.getChildrenValues(), false);
    const runId = String((job.data as { runId?: unknown }).runId);
    queue ??= new Queue(COMPARE_QUEUE, { connection: deps.connection, prefix: deps.prefix });
    const parent = await Job.fromId(queue, runId);
    if (parent === undefined || await parent.getState() === 'completed') return 'the comparison was already posted';
    return publish(runId, parent.data, await parent.getChildrenValues(), true);
  };
  const worker = new Worker(COMPARE_QUEUE, processor, { connection: deps.connection, prefix: deps.prefix, concurrency: 10, name: 'gomod-doctor-compare' });
  worker.on('error', (err) => deps.logger.error({ err }, 'compare worker error'));
  worker.on('closing', () => { void queue?.close(); });
  return worker;
}
