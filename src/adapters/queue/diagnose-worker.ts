import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Diagnosis } from '../../core/diagnosis.js';
import type { Diagnoser } from '../../engine/diagnoser.js';
import { DiagnoseJobData } from './job-payloads.js';
import { publishFailure, publishResult, publishRunning } from './publish-run.js';
import { diagnoseQueueName } from './queue-names.js';
import type { RunStore } from './run-store.js';
import type { Outbox } from './slack-outbox.js';

export interface DiagnoseProcessorDeps {
  readonly zone: string;
  readonly diagnoser: Diagnoser;
  readonly runStore: RunStore;
  readonly outbox: Outbox;
  readonly logger: Logger;
  /** Hard ceiling for one diagnosis (DESIGN: never slower than go failing on its own). */
  readonly timeoutMs: number;
  readonly onDiagnosis?: (diagnosis: Diagnosis) => void;
  readonly onJob?: (result: 'completed' | 'failed') => void;
}

/**
 * Runs one diagnosis in this worker's zone and tells everyone who waits for it.
 * Malformed payloads fail at once (UnrecoverableError); our own faults are retried with backoff, and the last
 * failure is told to the waiting people. The diagnosis is the job's return value (flows compare it).
 */
export function createDiagnoseProcessor(deps: DiagnoseProcessorDeps): (job: Job, token?: string, signal?: AbortSignal) => Promise<Diagnosis> {
  return async (job, _token, signal) => {
    const parsed = DiagnoseJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`diagnose payload invalid: ${z.prettifyError(parsed.error)}`);
    const request = parsed.data;
    if (request.zone !== deps.zone) throw new UnrecoverableError(`job for zone ${request.zone} reached a worker of zone ${deps.zone}`);
    const runId = job.id ?? '';
    const log = deps.logger.child({ jobId: runId, zone: deps.zone, target: `${request.module}@${request.version ?? 'latest'}` });
    try {
      for (const subscriber of await deps.runStore.listSubscribers(runId)) await publishRunning(deps.outbox, subscriber, request, deps.zone);
      const timeout = AbortSignal.timeout(deps.timeoutMs);
      const diagnosis = await deps.diagnoser.diagnose({ module: request.module, version: request.version, zone: deps.zone },
        signal === undefined ? timeout : AbortSignal.any([signal, timeout]));
      deps.onDiagnosis?.(diagnosis);
      for (const subscriber of await deps.runStore.finishRun(runId, diagnosis)) {
        const previous = subscriber.compareWith === undefined ? null : await deps.runStore.loadResult(subscriber.compareWith);
        await publishResult(deps.outbox, subscriber, runId, diagnosis, previous);
      }
      log.info({ class: diagnosis.class, verdict: diagnosis.verdict, elapsedMs: diagnosis.elapsedMs }, 'diagnosis finished');
      deps.onJob?.('completed');
      return diagnosis;
    } catch (error) {
      const last = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.error({ err: error, attempt: job.attemptsMade + 1, last }, 'diagnosis failed');
      if (last) {
        deps.onJob?.('failed');
        const reason = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'internal error';
        for (const subscriber of await deps.runStore.listSubscribers(runId)) {
          await publishFailure(deps.outbox, subscriber, request, deps.zone, reason);
        }
      }
      throw error;
    }
  };
}

export interface WorkerTuning {
  readonly concurrency: number;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/** A BullMQ worker on `diagnose-<zone>`; stalled jobs (a killed worker) are picked up by any other worker of the zone. */
export function startDiagnoseWorker(deps: { connection: Redis; prefix: string; zone: string; processor: ReturnType<typeof createDiagnoseProcessor>; tuning: WorkerTuning; logger: Logger }): Worker {
  const worker = new Worker(diagnoseQueueName(deps.zone), deps.processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.tuning.concurrency,
    name: `gomod-doctor-worker-${deps.zone}`,
    maxStalledCount: 2,
    ...(deps.tuning.lockDurationMs === undefined ? {} : { lockDuration: deps.tuning.lockDurationMs }),
    ...(deps.tuning.stalledIntervalMs === undefined ? {} : { stalledInterval: deps.tuning.stalledIntervalMs }),
  });
  worker.on('error', (err) => deps.logger.error({ err }, 'worker error'));
  worker.on('stalled', (jobId) => deps.logger.warn({ jobId }, 'job stalled: its worker went away; it runs again here or elsewhere'));
  return worker;
}
