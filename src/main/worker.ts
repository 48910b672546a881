import type { Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import type { Diagnosis } from '../core/diagnosis.js';
import { AppError, ErrorCode } from '../core/errors.js';
import type { Metrics } from '../adapters/observability/create-metrics.js';
import { createDiagnoseProcessor, startDiagnoseWorker } from '../adapters/queue/diagnose-worker.js';
import { createWorkerConnection } from '../adapters/queue/redis-connections.js';
import { createRunStore } from '../adapters/queue/run-store.js';
import { createOutbox } from '../adapters/queue/slack-outbox.js';
import { createDiagnoser, type CreateDiagnoserOptions } from './create-diagnoser.js';
import type { RunningRole } from './bot.js';

export interface WorkerRoleOptions {
  readonly config: Config;
  readonly zone: string;
  readonly redisUrl: string;
  readonly prefix: string;
  /** The process environment; the zone's configured Go variables are laid over it. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly concurrency?: number;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** How long SIGTERM waits for diagnoses in flight before cancelling them. */
  readonly graceMs?: number;
  /** Called with every finished diagnosis (paging raises the supply-chain P0 on a checksum mismatch). */
  readonly onDiagnosis?: (diagnosis: Diagnosis) => Promise<unknown>;
  /** Extra engine options (the lab's resolver and loopback pins in rehearsals). */
  readonly diagnoserOptions?: Partial<Pick<CreateDiagnoserOptions, 'resolverServers' | 'connectTo' | 'goVersionOutput'>>;
}

/** The worker role of one zone: needs Redis and the hops it probes, nothing else (no route to Slack required). */
export async function startWorkerRole(options: WorkerRoleOptions): Promise<RunningRole> {
  const { config, zone, logger, prefix } = options;
  const zoneConfig = config.zones[zone];
  if (zoneConfig === undefined) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `zone ${JSON.stringify(zone)} is not in the configuration (zones: ${Object.keys(config.zones).join(', ')})`, { details: { zone } });
  }
  const diagnoser = await createDiagnoser({
    zone, env: { ...options.env, ...zoneConfig.env }, cwd: null,
    ...(config.queue.diagnosisTimeoutMs === undefined ? {} : { timeoutMs: config.queue.diagnosisTimeoutMs }),
    ...options.diagnoserOptions,
  });
  const connection = createWorkerConnection(options.redisUrl, `gomod-doctor-worker-${zone}`);
  connection.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis (worker) unavailable'));
  const runStore = createRunStore({ redis: connection, prefix, ttlSeconds: config.queue.resultTtlHours * 3600 });
  const outbox = createOutbox({ connection, prefix });
  const log = logger.child({ zone });
  const worker = startDiagnoseWorker({
    connection, prefix, zone, logger: log,
    tuning: {
      concurrency: options.concurrency ?? config.queue.concurrency,
      ...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: options.stalledIntervalMs }),
    },
    processor: createDiagnoseProcessor({
      zone, diagnoser, runStore, outbox, logger: log,
      timeoutMs: Math.max(30_000, (config.queue.diagnosisTimeoutMs ?? 5000) * 4),
      onDiagnosis: (d) => {
        options.metrics.observeDiagnosis(d);
        options.onDiagnosis?.(d).catch((err: unknown) => log.error({ err }, 'diagnosis hook failed'));
      },
      onJob: (result) => options.metrics.countJob(`diagnose-${zone}`, result),
    }),
  });
  log.info({ concurrency: options.concurrency ?? config.queue.concurrency }, `worker for zone ${zone} started`);
  return {
    async close() {
      // Stop taking work; let diagnoses in flight finish within the grace period, then cancel the rest.
      const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.graceMs ?? 20_000).unref());
      const closing = worker.close();
      if (await Promise.race([closing.then(() => 'closed' as const), grace]) === 'timeout') {
        log.warn('diagnoses still running after the grace period: cancelling them');
        worker.cancelAllJobs('shutdown');
        await worker.close(true);
      }
      await Promise.allSettled([outbox.close(), diagnoser.close()]);
      await connection.quit().catch(() => undefined);
    },
  };
}
