import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { parseFlags } from '../cli/parse-flags.js';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/config-schema.js';
import { AppError, ErrorCode, isAppError } from '../core/errors.js';
import { createLogger } from '../adapters/observability/create-logger.js';
import { createMetrics, type Metrics } from '../adapters/observability/create-metrics.js';
import { startHealthServer } from '../adapters/observability/health-routes.js';
import { pingOnce, startEmbeddedRedis } from './embedded-redis.js';
import type { App } from '@slack/bolt';
import type { HomeIncident } from '../adapters/slack/blocks/render-home.js';
import type { Diagnosis } from '../core/diagnosis.js';
import { startBotRole, type RunningRole } from './bot.js';
import { startWorkerRole } from './worker.js';

export const SERVE_USAGE = 'usage: gomod-doctor serve [--role bot|worker|scheduler] [--zone <name>] [--config <file>] [--http --port <n>] [--metrics-port <n>] [--data-dir <dir>]';

type Env = Readonly<Record<string, string | undefined>>;

/** What a role starter gets: everything is built once by serve. */
export interface RoleContext {
  readonly config: Config;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly env: Env;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * What other parts plug into serve (the lead wires them in run-cli.ts): the scheduler role (daily report, watch
 * checks, escalation timers) and the open-incident list App Home shows (read from Redis, so any bot process can).
 */
export interface ServePlugins {
  readonly startScheduler?: (context: RoleContext) => Promise<RunningRole>;
  readonly createIncidentLister?: (context: RoleContext) => () => Promise<readonly HomeIncident[]>;
  /** More Bolt listeners on the bot (the incident Ack / Resolve buttons); they must ack first, like ours. */
  readonly registerSlackHandlers?: (app: App, context: RoleContext) => void;
  /** Runs a zone's report and watch checks on that zone's workers (with GOMOD_DOCTOR_ZONE_CHECKS=workers). */
  readonly startZoneChecks?: (context: RoleContext, zone: string) => RunningRole;
  /** A hook for every diagnosis a worker finishes (a checksum mismatch from any user's diagnosis pages). */
  readonly createDiagnosisHook?: (context: RoleContext) => RunningRole & { onDiagnosis(diagnosis: Diagnosis): Promise<unknown> };
}

export interface Serving {
  readonly httpPort: number | null;
  readonly metricsPort: number | null;
  close(): Promise<void>;
}

/**
 * `gomod-doctor serve`: bot + scheduler + worker in one process, or one role with `--role`.
 * Resolves with the exit status after SIGTERM/SIGINT has closed everything.
 */
export async function runServe(argv: readonly string[], io: { readonly stdout: Writable; readonly stderr: Writable }, env: Env,
  plugins: ServePlugins = {}): Promise<number> {
  let serving: Serving;
  try {
    serving = await startServe(argv, io, env, plugins);
  } catch (error) {
    io.stderr.write(`gomod-doctor serve: ${error instanceof Error ? error.message : String(error)}\n`);
    return isAppError(error) && (error.code === 'CONFIG_INVALID' || error.code === 'USAGE_INVALID') ? 2 : 3;
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => { process.off('SIGTERM', stop); process.off('SIGINT', stop); resolve(); };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await serving.close();
  return 0;
}

export async function startServe(argv: readonly string[], io: { readonly stdout: Writable }, env: Env, plugins: ServePlugins = {}): Promise<Serving> {
  const parsed = parseFlags(argv, { values: ['role', 'zone', 'config', 'port', 'metrics-port', 'data-dir', 'concurrency'], booleans: ['http'] });
  if (!parsed.ok) throw usage(parsed.error);
  const flags = parsed.flags;
  if (flags.positionals.length > 0) throw usage(`unexpected argument ${JSON.stringify(flags.positionals[0])}`);
  const role = flags.values.get('role') ?? 'all';
  if (!['all', 'bot', 'worker', 'scheduler'].includes(role)) throw usage(`--role must be bot, worker or scheduler, not ${JSON.stringify(role)}`);
  const http = flags.booleans.has('http');
  if (http && !flags.values.has('port')) throw usage('--http needs --port <n>');
  const port = readPort(flags.values.get('port'), '--port');
  const metricsPort = readPort(flags.values.get('metrics-port'), '--metrics-port');
  const concurrency = flags.values.has('concurrency') ? Number(flags.values.get('concurrency')) : undefined;

  const logger = createLogger({ level: env['LOG_LEVEL'] ?? 'info', destination: io.stdout, bindings: { role } });
  const config = await loadConfig({ path: flags.values.get('config'), env });
  const metrics = createMetrics({ role });
  const prefix = env['GOMOD_DOCTOR_QUEUE_PREFIX'] ?? 'gomod';
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch((err: unknown) => logger.error({ err }, 'error while closing'));
  };
  try {
    let redisUrl = env['REDIS_URL'];
    if (redisUrl === undefined || redisUrl === '') {
      const dataDir = flags.values.get('data-dir') ?? env['GOMOD_DOCTOR_DATA_DIR'] ?? join(process.cwd(), '.data');
      const redis = await startEmbeddedRedis({ dataDir: join(dataDir, 'redis') });
      closers.push(redis.stop);
      redisUrl = redis.url;
      logger.info({ redis: redis.url, dataDir }, `REDIS_URL is unset: started a private redis-server on ${redis.url} with its append-only file under ${join(dataDir, 'redis')}`);
    }
    const redisAddress = new URL(redisUrl);
    const isReady = (): Promise<boolean> => pingOnce(Number(redisAddress.port || 6379), redisAddress.hostname, 500);
    const context: RoleContext = { config, redisUrl, prefix, env, logger, metrics };

    const zoneFlag = flags.values.get('zone');
    if (role === 'all' || role === 'worker') {
      if (role === 'worker' && zoneFlag === undefined) throw usage('--role worker needs --zone <name>');
      const zones = zoneFlag === undefined ? Object.keys(config.zones) : [zoneFlag];
      const hook = plugins.createDiagnosisHook?.(context);
      for (const zone of zones) {
        const worker = await startWorkerRole({
          config, zone, redisUrl, prefix, env, logger, metrics,
          ...(hook === undefined ? {} : { onDiagnosis: (d: Diagnosis) => hook.onDiagnosis(d) }),
          ...(concurrency === undefined ? {} : { concurrency }),
          ...readTuning(env),
        });
        closers.push(worker.close);
        if (plugins.startZoneChecks !== undefined && env['GOMOD_DOCTOR_ZONE_CHECKS'] === 'workers') closers.push(plugins.startZoneChecks(context, zone).close);
      }
      if (hook !== undefined) closers.push(hook.close);
    }
    if ((role === 'all' || role === 'scheduler')) {
      if (plugins.startScheduler === undefined) logger.warn('scheduler role: no scheduler is wired into this build (daily report and watch checks are off)');
      else closers.push((await plugins.startScheduler(context)).close);
    }
    let httpPort: number | null = null;
    if (role === 'all' || role === 'bot') {
      const bot = await startBotRole({
        ...context, http: http ? { port: port ?? 3000 } : null, isReady,
        listOpenIncidents: plugins.createIncidentLister === undefined ? null : plugins.createIncidentLister(context),
        ...(plugins.registerSlackHandlers === undefined ? {} : { registerMore: (app: App) => plugins.registerSlackHandlers?.(app, context) }),
      });
      closers.push(bot.close);
      httpPort = bot.httpPort;
    }
    let boundMetricsPort: number | null = null;
    if (metricsPort !== undefined) {
      const health = await startHealthServer({ registry: metrics.registry, isReady }, metricsPort);
      closers.push(health.close);
      boundMetricsPort = health.port;
      logger.info({ port: health.port }, 'serving /healthz, /readyz and /metrics');
    }
    return { httpPort, metricsPort: boundMetricsPort, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function usage(reason: string): AppError {
  return new AppError(ErrorCode.USAGE_INVALID, `${reason}\n${SERVE_USAGE}`);
}

function readPort(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`${flag} must be a port number`);
  return port;
}

/** Lock and stall timings for rehearsals and tests (BullMQ defaults otherwise: 30 s lock, 30 s stall check). */
function readTuning(env: Env): { lockDurationMs?: number; stalledIntervalMs?: number; graceMs?: number } {
  const read = (name: string): number | undefined => (env[name] === undefined || env[name] === '' ? undefined : Number(env[name]));
  const lock = read('GOMOD_DOCTOR_LOCK_MS');
  const stalled = read('GOMOD_DOCTOR_STALLED_MS');
  const grace = read('GOMOD_DOCTOR_GRACE_MS');
  return { ...(lock === undefined ? {} : { lockDurationMs: lock }), ...(stalled === undefined ? {} : { stalledIntervalMs: stalled }), ...(grace === undefined ? {} : { graceMs: grace }) };
}
