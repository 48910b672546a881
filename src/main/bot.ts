import type { App } from '@slack/bolt';
import type { Redis } from 'ioredis';
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import { explainGoOutput } from '../core/explain/explain-go-output.js';
import { AppError, ErrorCode } from '../core/errors.js';
import { parseModuleQuery } from '../core/module/parse-module-query.js';
import type { Metrics } from '../adapters/observability/create-metrics.js';
import { handleHealthRequest } from '../adapters/observability/health-routes.js';
import { collectZoneStatus } from '../adapters/queue/collect-zone-status.js';
import { createDiagnoseProducer, startCompareWorker } from '../adapters/queue/diagnose-producer.js';
import { SLACK_OUTBOX_QUEUE } from '../adapters/queue/queue-names.js';
import { createProducerConnection, createWorkerConnection, settleWithin } from '../adapters/queue/redis-connections.js';
import { createReportRequester } from '../adapters/queue/report-request.js';
import { createRunStore } from '../adapters/queue/run-store.js';
import { createOutbox, createOutboxProcessor } from '../adapters/queue/slack-outbox.js';
import { createAuthorizer } from '../adapters/slack/authorize-request.js';
import { createBoltApp, type SlackTransport } from '../adapters/slack/bolt-app.js';
import type { HomeIncident } from '../adapters/slack/blocks/render-home.js';
import { createRateLimiter } from '../adapters/slack/rate-limiter.js';
import { registerHandlers } from '../adapters/slack/register-handlers.js';
import { createSlackPoster, createSlackWebClient } from '../adapters/slack/slack-web-api.js';

export interface RunningRole {
  close(): Promise<void>;
}

export interface BotRoleOptions {
  readonly config: Config;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** HTTP mode (`serve --http --port N`); null: Socket Mode. */
  readonly http: { readonly port: number; readonly host?: string } | null;
  readonly isReady: () => Promise<boolean>;
  /** The paging side's open incidents for App Home (src/core/escalation); null until it is wired. */
  readonly listOpenIncidents?: (() => Promise<readonly HomeIncident[]>) | null;
  /** Extra listeners from other parts (incident buttons), registered after ours. */
  readonly registerMore?: (app: App) => void;
  /** Longest wait on Redis or Slack before an ack (default 1500 ms). */
  readonly boundMs?: number;
}

/** The bot role: the only role that talks to Slack. Slash commands, buttons, shortcut, App Home, and the outbox. */
export async function startBotRole(options: BotRoleOptions): Promise<RunningRole & { readonly httpPort: number | null }> {
  const { config, env, logger, prefix } = options;
  const botToken = requireEnv(env, 'SLACK_BOT_TOKEN', 'the bot role');
  const transport: SlackTransport = options.http === null
    ? { mode: 'socket', appToken: requireEnv(env, 'SLACK_APP_TOKEN', 'Socket Mode (or use --http)') }
    : { mode: 'http', signingSecret: requireEnv(env, 'SLACK_SIGNING_SECRET', 'HTTP mode'), port: options.http.port, ...(options.http.host === undefined ? {} : { host: options.http.host }) };
  const slackApiUrl = env['SLACK_API_URL'] === '' ? undefined : env['SLACK_API_URL'];

  const producerConnection: Redis = createProducerConnection(options.redisUrl, 'gomod-doctor-bot');
  producerConnection.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis (bot) unavailable'));
  const workerConnection = createWorkerConnection(options.redisUrl, 'gomod-doctor-bot-outbox');
  workerConnection.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis (outbox) unavailable'));
  // The producer fails fast (no offline queue): give it a moment to connect so the first command is not refused.
  if (producerConnection.status !== 'ready') {
    await settleWithin(new Promise((resolve) => producerConnection.once('ready', resolve)), 5000, 'redis')
      .catch(() => logger.warn('Redis is not answering yet: commands are refused with a clear message until it does'));
  }
  const runStore = createRunStore({ redis: producerConnection, prefix, ttlSeconds: config.queue.resultTtlHours * 3600 });
  const outbox = createOutbox({ connection: producerConnection, prefix });
  const producer = createDiagnoseProducer({ connection: producerConnection, prefix, runStore, outbox, dedupSeconds: config.queue.dedupSeconds, compareDeadlineSeconds: config.queue.compareDeadlineSeconds });
  const reports = createReportRequester({ connection: producerConnection, prefix });
  const zones = Object.keys(config.zones);
  options.metrics.setQueueDepthSource(async () => {
    const rows: { queue: string; state: string; count: number }[] = [];
    for (const zone of zones) {
      const counts = await producer.queueFor(zone).getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, count] of Object.entries(counts)) rows.push({ queue: `diagnose-${zone}`, state, count });
    }
    return rows;
  });

  const app = createBoltApp({
    transport, botToken, slackApiUrl, logger,
    customRoutes: ['/healthz', '/readyz', '/metrics'].map((path) => ({
      path, method: ['GET'],
      handler: (req, res) => { void handleHealthRequest({ registry: options.metrics.registry, isReady: options.isReady }, req, res); },
    })),
  });
  registerHandlers(app, {
    zones, producer, runStore, reports,
    collectStatus: () => Promise.all(zones.map((zone) => collectZoneStatus(zone, producer.queueFor(zone)))),
    explain: (text) => explainGoOutput(text),
    parseQuery: (text) => parseModuleQuery(text),
    authorizer: createAuthorizer({
      slack: config.slack,
      listGroupMembers: async (group) => (await app.client.usergroups.users.list({ usergroup: group })).users ?? [],
    }),
    rateLimiter: createRateLimiter({ max: config.slack.rateLimit.perUser, windowMs: config.slack.rateLimit.windowSeconds * 1000 }),
    listOpenIncidents: options.listOpenIncidents ?? null,
    logger, boundMs: options.boundMs ?? 1500,
    onCommand: (verb, result) => options.metrics.countCommand(verb, result),
  });

  options.registerMore?.(app);
  const outboxWorker = new Worker(SLACK_OUTBOX_QUEUE, createOutboxProcessor({
    redis: workerConnection, prefix, logger: logger.child({ component: 'outbox' }),
    slack: createSlackPoster(createSlackWebClient({ token: botToken, slackApiUrl })),
    perChannelIntervalMs: config.outbox.perChannelIntervalMs, messageLimitBackoffMs: config.outbox.messageLimitBackoffMs,
  }), { connection: workerConnection, prefix, concurrency: 8, name: 'gomod-doctor-outbox' });
  outboxWorker.on('error', (err) => logger.error({ err }, 'outbox worker error'));
  outboxWorker.on('completed', () => options.metrics.countJob(SLACK_OUTBOX_QUEUE, 'completed'));
  outboxWorker.on('failed', (job, err) => {
    options.metrics.countJob(SLACK_OUTBOX_QUEUE, 'failed');
    logger.error({ jobId: job?.id, err }, 'outbox message failed');
  });
  const compareWorker = startCompareWorker({ connection: workerConnection, prefix, runStore, outbox, logger });

  let httpPort: number | null = null;
  if (transport.mode === 'http') {
    const server = await app.start({ port: transport.port, host: transport.host ?? '0.0.0.0' }) as { address(): unknown };
    const address = server.address();
    httpPort = typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : transport.port;
    logger.info({ port: httpPort }, 'Slack HTTP receiver listening at /slack/events');
  } else {
    await app.start();
    logger.info('Slack Socket Mode connected');
  }
  return {
    httpPort,
    async close() {
      await app.stop().catch((err: unknown) => logger.warn({ err }, 'bolt stop'));
      await Promise.allSettled([outboxWorker.close(), compareWorker.close()]);
      await Promise.allSettled([producer.close(), outbox.close(), reports.close()]);
      await Promise.allSettled([producerConnection.quit(), workerConnection.quit()]);
    },
  };
}

export function requireEnv(env: Readonly<Record<string, string | undefined>>, name: string, forWhat: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new AppError(ErrorCode.CONFIG_INVALID, `${name} is not set: ${forWhat} needs it`, { details: { variable: name } });
  return value;
}
