import { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMetrics } from '../../src/adapters/observability/create-metrics.js';
import { PAGE_QUEUE } from '../../src/adapters/pager/create-paging.js';
import { REPORT_QUEUE, SLACK_OUTBOX_QUEUE } from '../../src/adapters/queue/queue-names.js';
import { parseConfig } from '../../src/config/load-config.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { WATCH_QUEUE } from '../../src/main/scheduler.js';
import { startSchedulerRole, startZoneCheckRole } from '../../src/main/start-scheduler-role.js';
import { zoneCheckQueueName } from '../../src/adapters/report/zone-check-queue.js';
import { startFakePagerDuty } from '../support/fake-pagerduty.js';
import { useTestRedis } from '../support/redis.js';

let lab: Lab;
beforeAll(async () => { lab = await startLab({ latencyMs: 5 }); });
afterAll(async () => { await lab.close(); });

/** The scheduler role against the test Redis and the PagerDuty stand-in, closed when the test ends. */
async function startRole(config: Parameters<typeof startSchedulerRole>[0]['config'], redis: { url: string; prefix: string }, eventsUrl: string): Promise<void> {
  const role = await startSchedulerRole({
    config, redisUrl: redis.url, prefix: redis.prefix, logger: pino({ level: 'silent' }), metrics: createMetrics({ role: 'scheduler' }),
    env: { PAGERDUTY_ROUTING_KEY: 'routing-key-0000000000000000000000', PAGERDUTY_EVENTS_URL: eventsUrl },
  });
  onTestFinished(() => role.close());
}

describe('startSchedulerRole', () => {
  it('runs the watch on its schedule and pages a tampered proxy through PagerDuty', async () => {
    const redis = useTestRedis([PAGE_QUEUE, REPORT_QUEUE, WATCH_QUEUE, SLACK_OUTBOX_QUEUE]);
    const pd = await startFakePagerDuty();
    onTestFinished(() => pd.close());
    const config = parseConfig([
      'zones:',
      '  office:',
      '    env:',
      `      GOPROXY: "${lab.urls.trusted}/ok,${lab.urls.trusted}/tampered"`,
      `      GOSUMDB: "${lab.sumdb.verifierKey} ${lab.urls.trusted}/sumdb/${lab.sumdb.name}"`,
      `      SSL_CERT_FILE: "${lab.caFile}"`,
      'slack: { channels: { incident: C0INCIDENT } }',
      'watchlist: [{ module: corp.example/hello, version: v1.0.0 }]',
      'schedules:',
      '  report: { cron: "0 0 1 1 *", timezone: UTC }',
      '  watch: { cron: "* * * * * *", timezone: UTC }',
      '',
    ].join('\n'), 'test.yml');
    await startRole(config, redis, pd.url);
    await pd.waitForEvents(1);
    expect(pd.events[0]).toMatchObject({ event_action: 'trigger', dedup_key: `supply-chain|${lab.urls.trusted}/tampered|office`, payload: { severity: 'critical' } });
    expect(pd.alerts).toHaveLength(1);
  });

  it('posts the report to the report channel and its P1 findings to the incident channel, without paging', async () => {
    const redis = useTestRedis([PAGE_QUEUE, REPORT_QUEUE, WATCH_QUEUE, SLACK_OUTBOX_QUEUE]);
    const pd = await startFakePagerDuty();
    onTestFinished(() => pd.close());
    const config = parseConfig([
      'zones:',
      '  office:',
      '    env:',
      `      GOPROXY: "${lab.refusedUrl}"`,
      '      GOSUMDB: "off"',
      'slack: { channels: { incident: C0INCIDENT, report: C0REPORT } }',
      'watchlist: [{ module: corp.example/hello, version: v1.0.0 }]',
      'schedules:',
      '  report: { cron: "* * * * * *", timezone: UTC }',
      '  watch: { cron: "0 0 1 1 *", timezone: UTC }',
      '',
    ].join('\n'), 'test.yml');
    await startRole(config, redis, pd.url);
    const outbox = new Queue(SLACK_OUTBOX_QUEUE, { connection: redis.redis, prefix: redis.prefix });
    onTestFinished(() => outbox.close());
    let jobs: { channel: string; kind: string; text: string }[] = [];
    while (!jobs.some((j) => j.channel === 'C0INCIDENT')) {
      await new Promise((r) => setTimeout(r, 50));
      jobs = (await outbox.getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => j.data as { channel: string; kind: string; text: string });
    }
    expect(jobs.find((j) => j.channel === 'C0REPORT' && j.kind === 'status')?.text).toContain('P1');
    expect(jobs.find((j) => j.channel === 'C0INCIDENT')?.text).toContain('P1 finding');
    expect(pd.requests).toEqual([]);
  });

  it('runs the watch on the zone\'s own workers when GOMOD_DOCTOR_ZONE_CHECKS=workers', async () => {
    const redis = useTestRedis([PAGE_QUEUE, REPORT_QUEUE, WATCH_QUEUE, SLACK_OUTBOX_QUEUE, zoneCheckQueueName('office')]);
    const pd = await startFakePagerDuty();
    onTestFinished(() => pd.close());
    const config = parseConfig([
      'zones:',
      '  office:',
      '    env:',
      `      GOPROXY: "${lab.urls.trusted}/ok,${lab.urls.trusted}/tampered"`,
      `      GOSUMDB: "${lab.sumdb.verifierKey} ${lab.urls.trusted}/sumdb/${lab.sumdb.name}"`,
      `      SSL_CERT_FILE: "${lab.caFile}"`,
      'watchlist: [{ module: corp.example/hello, version: v1.0.0 }]',
      'schedules:',
      '  report: { cron: "0 0 1 1 *", timezone: UTC }',
      '  watch: { cron: "* * * * * *", timezone: UTC }',
      '',
    ].join('\n'), 'test.yml');
    const context = {
      config, redisUrl: redis.url, prefix: redis.prefix, logger: pino({ level: 'silent' }), metrics: createMetrics({ role: 'scheduler' }),
      env: { PAGERDUTY_ROUTING_KEY: 'routing-key-0000000000000000000000', PAGERDUTY_EVENTS_URL: pd.url, GOMOD_DOCTOR_ZONE_CHECKS: 'workers' },
    };
    const role = await startSchedulerRole(context);
    const zoneRole = startZoneCheckRole(context, 'office');
    onTestFinished(async () => { await role.close(); await zoneRole.close(); });
    await pd.waitForEvents(1);
    expect(pd.events[0]).toMatchObject({ event_action: 'trigger', dedup_key: `supply-chain|${lab.urls.trusted}/tampered|office` });
  });
});
