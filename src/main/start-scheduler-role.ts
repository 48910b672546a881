import { buildReport } from '../adapters/report/build-report.js';
import { createZoneProbe, type ZoneProbe } from '../adapters/report/create-zone-probe.js';
import { createSlackReportPoster } from '../adapters/report/post-report-to-slack.js';
import { createOutboxIncidentPublisher } from '../adapters/report/publish-incident.js';
import { createRedisCheckStore } from '../adapters/report/redis-check-store.js';
import { createRedisWatchStateStore } from '../adapters/report/redis-watch-state-store.js';
import { runWatch } from '../adapters/report/run-watch.js';
import { runZoneChecks } from '../adapters/report/run-zone-checks.js';
import { createSlackFileUploader } from '../adapters/report/upload-slack-files.js';
import { createRemoteZoneChecker, startZoneCheckWorker } from '../adapters/report/zone-check-queue.js';
import { createPagerDutyPager, DEFAULT_PAGERDUTY_EVENTS_URL } from '../adapters/pager/create-pagerduty-pager.js';
import { createPaging } from '../adapters/pager/create-paging.js';
import { createRedisIncidentStore } from '../adapters/pager/redis-incident-store.js';
import { createProducerConnection, createWorkerConnection } from '../adapters/queue/redis-connections.js';
import { createOutbox, type Outbox } from '../adapters/queue/slack-outbox.js';
import { renderCodeSections, renderSection } from '../adapters/slack/blocks/block-kit.js';
import type { DailyReport } from '../core/report/daily-report.js';
import { parseDurationMs } from '../config/config-schema.js';
import type { CheckResult } from '../core/report/check-result.js';
import type { ReportPlan, WatchItem } from '../core/report/plan-report-checks.js';
import type { ProbeBudget } from '../ports/probe-runner.js';
import type { RunningRole } from './bot.js';
import { runScheduler } from './scheduler.js';
import type { RoleContext } from './serve.js';

type ZoneChecker = (plan: ReportPlan, watchlist: readonly WatchItem[]) => Promise<CheckResult[]>;

/** Checks zones from this process, one probe runner per zone (its trust roots and proxy settings). */
function createLocalZoneChecker(zones: readonly { name: string; env: Readonly<Record<string, string | undefined>> }[], env: Readonly<Record<string, string | undefined>>, concurrency: number): ZoneChecker {
  const probes = new Map<string, Promise<ZoneProbe>>();
  return async (plan, watchlist) => {
    const zoneEnv = zones.find((z) => z.name === plan.zone)?.env ?? env;
    if (!probes.has(plan.zone)) probes.set(plan.zone, createZoneProbe(zoneEnv));
    const { probe, proxyFor } = await (probes.get(plan.zone) as Promise<ZoneProbe>);
    return runZoneChecks(plan, watchlist, { probe, proxyFor, budget: REPORT_BUDGET, concurrency, now: () => new Date().toISOString() });
  };
}

/** For serve's `createIncidentLister` plugin: App Home's open incidents, read from Redis by any bot process (fails fast). */
export function createIncidentLister(context: RoleContext): () => Promise<{ title: string; severity: string; state: string; since: number }[]> {
  const connection = createProducerConnection(context.redisUrl, 'gomod-doctor-incidents');
  connection.on('error', () => undefined); // App Home then shows "not available"; the lister's caller bounds the wait
  const store = createRedisIncidentStore({ redis: connection, prefix: context.prefix, retentionSeconds: 30 * 86_400 });
  return async () => (await store.listOpen()).map((r) => ({ title: r.state.summary, severity: r.state.severity, state: r.state.status, since: Date.parse(r.state.triggeredAt) }));
}

/** For the worker role of one zone: runs that zone's report and watch checks (with GOMOD_DOCTOR_ZONE_CHECKS=workers). */
export function startZoneCheckRole(context: RoleContext, zone: string): RunningRole {
  const connection = createWorkerConnection(context.redisUrl, `gomod-doctor-zone-checks-${zone}`);
  const zoneEnv = { ...context.env, ...(context.config.zones[zone]?.env ?? {}) };
  const worker = startZoneCheckWorker({
    connection, prefix: context.prefix, zone,
    checkZone: createLocalZoneChecker([{ name: zone, env: zoneEnv }], zoneEnv, context.config.queue.reportConcurrency),
    onError: (err) => context.logger.error({ err, zone }, 'zone check worker error'),
  });
  return { close: async () => { await worker.close(); connection.disconnect(); } };
}

/** P1 findings go to the incident channel without paging (taxonomy: escalation defaults). */
async function postP1Findings(outbox: Outbox, channel: string, report: DailyReport): Promise<void> {
  const p1 = report.findings.filter((f) => f.severity === 'P1');
  if (p1.length === 0) return;
  const text = `:warning: ${p1.length} P1 finding${p1.length === 1 ? '' : 's'} in the health report of ${report.generatedAt.slice(0, 10)} (no page)`;
  await outbox.post({
    channel, text, jobId: `p1-${Date.parse(report.generatedAt)}`,
    blocks: [renderSection(`*${text}*`), ...renderCodeSections('', p1.slice(0, 60).map((f) => f.text)).slice(0, 10)],
  });
}

const REPORT_BUDGET: ProbeBudget = { dnsMs: 5000, connectMs: 10_000, proxyMs: 10_000, tlsMs: 10_000, ttfbMs: 30_000, bodyMs: 120_000 };
const RETENTION_MS = 30 * 86_400_000;

/** The scheduler role for `serve`: report and watch schedules, the page worker, escalation timers. */
export async function startSchedulerRole(context: RoleContext): Promise<RunningRole> {
  const { config, env, prefix, logger } = context;
  const log = logger.child({ component: 'scheduler' });
  const connection = createWorkerConnection(context.redisUrl, 'gomod-doctor-scheduler');
  connection.on('error', (err) => log.warn({ err: { message: err.message } }, 'redis (scheduler) unavailable'));
  const zones = Object.entries(config.zones).map(([name, zone]) => ({ name, env: { ...env, ...zone.env } }));
  // GOMOD_DOCTOR_ZONE_CHECKS=workers: each zone's checks run on that zone's workers (startZoneCheckRole), from inside its network.
  const remote = env['GOMOD_DOCTOR_ZONE_CHECKS'] === 'workers'
    ? createRemoteZoneChecker({ connection, prefix, zones: zones.map((z) => z.name), timeoutMs: 10 * 60_000 })
    : null;
  const local = createLocalZoneChecker(zones, env, config.queue.reportConcurrency);
  const checkZone = remote === null ? local : (plan: ReportPlan, watchlist: readonly WatchItem[]) => remote.checkZone(plan, watchlist);
  const outbox = createOutbox({ connection, prefix });
  const levels = config.escalation.levels.map((l) => ({ name: l.name, pagerdutyRoutingKeyEnv: l.pagerdutyRoutingKeyEnv, ...(l.slackUserGroup === undefined ? {} : { slackUserGroup: l.slackUserGroup }) }));
  const policy = { ackTimeoutMs: parseDurationMs(config.escalation.ackTimeout), levels, maxAgeMs: 24 * 3_600_000 };
  const onError = (err: unknown, where: string): void => log.error({ err, where }, 'scheduler error');
  let requestWatchNow: () => Promise<void> = async () => undefined;
  const paging = createPaging({
    connection, prefix, policy, env, onError,
    store: createRedisIncidentStore({ redis: connection, prefix, retentionSeconds: 30 * 86_400 }),
    pager: createPagerDutyPager({ eventsUrl: env['PAGERDUTY_EVENTS_URL'] || DEFAULT_PAGERDUTY_EVENTS_URL }),
    publisher: config.slack.channels.incident === undefined ? null : createOutboxIncidentPublisher({ outbox, channel: config.slack.channels.incident, levels }),
    requestRecheck: () => requestWatchNow(),
  });
  const token = env['SLACK_BOT_TOKEN'];
  const postReport = createSlackReportPoster({
    outbox, defaultChannel: config.slack.channels.report ?? null,
    uploader: token === undefined || token === '' ? null : createSlackFileUploader({ token, slackApiUrl: env['SLACK_API_URL'] || 'https://slack.com/api/' }),
  });
  const scheduler = await runScheduler({
    connection, prefix, paging, onError,
    schedules: config.schedules,
    buildReport: async () => (await buildReport({
      zones, watchlist: config.watchlist, checkZone, now: () => new Date().toISOString(),
      store: createRedisCheckStore({ redis: connection, prefix, retentionMs: RETENTION_MS, now: Date.now }),
    })).report,
    postReport: async (report, channel) => {
      await postReport(report, channel);
      const incident = config.slack.channels.incident;
      if (incident !== undefined && channel === null) await postP1Findings(outbox, incident, report);
    },
    runWatch: () => runWatch({ zones, watchlist: config.watchlist, checkZone, paging, stateStore: createRedisWatchStateStore({ redis: connection, prefix }) }),
    onJob: (name, outcome) => log.info({ queue: name, outcome }, 'scheduled job'),
  });
  requestWatchNow = () => scheduler.requestWatchNow();
  log.info({ report: config.schedules.report, watch: config.schedules.watch }, 'report and watch schedules upserted');
  return {
    async close() {
      await scheduler.close();
      await paging.close();
      await remote?.close();
      await outbox.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
