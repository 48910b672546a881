import { Worker } from 'bullmq';
import { pino } from 'pino';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createPagerDutyPager } from '../../src/adapters/pager/create-pagerduty-pager.js';
import { createPaging, PAGE_QUEUE, type Paging } from '../../src/adapters/pager/create-paging.js';
import { createRedisIncidentStore } from '../../src/adapters/pager/redis-incident-store.js';
import { SLACK_OUTBOX_QUEUE } from '../../src/adapters/queue/queue-names.js';
import { createWorkerConnection } from '../../src/adapters/queue/redis-connections.js';
import { createOutbox, createOutboxProcessor } from '../../src/adapters/queue/slack-outbox.js';
import { createOutboxIncidentPublisher } from '../../src/adapters/report/publish-incident.js';
import { createRedisWatchStateStore } from '../../src/adapters/report/redis-watch-state-store.js';
import { runWatch } from '../../src/adapters/report/run-watch.js';
import { runZoneChecks } from '../../src/adapters/report/run-zone-checks.js';
import { createSlackPoster, createSlackWebClient } from '../../src/adapters/slack/slack-web-api.js';
import type { EscalationPolicy } from '../../src/core/escalation/escalation-policy.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { startFakePagerDuty, type FakePagerDuty } from '../support/fake-pagerduty.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { useTestRedis } from '../support/redis.js';
import { createLabProbe, TEST_BUDGET } from '../report/lab-probe.js';

let lab: Lab;
beforeAll(async () => { lab = await startLab({ latencyMs: 20 }); });
afterAll(async () => { await lab.close(); });

const CHANNEL = 'C0INCIDENT';
const policy: EscalationPolicy = { ackTimeoutMs: 60_000, maxAgeMs: 3_600_000, levels: [{ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' }] };
const watchlist = [{ module: 'corp.example/hello', version: 'v1.0.0' }, { module: 'corp.example/BigCorp/Lib', version: 'v1.0.0' }];

interface Rig { paging: Paging; pd: FakePagerDuty; slack: FakeSlackApi; watch: (env: Record<string, string>, connectTo?: Lab['connectTo']) => Promise<string[]> }

async function startRig(): Promise<Rig> {
  const redis = useTestRedis([PAGE_QUEUE, SLACK_OUTBOX_QUEUE]);
  const pd = await startFakePagerDuty();
  const slack = await startFakeSlackApi();
  const connection = createWorkerConnection(redis.url, 'watch-test');
  const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  const outbox = createOutbox({ connection, prefix: redis.prefix });
  const outboxWorker = new Worker(SLACK_OUTBOX_QUEUE, createOutboxProcessor({
    redis: connection, prefix: redis.prefix, logger: pino({ level: 'silent' }), perChannelIntervalMs: 0, messageLimitBackoffMs: 50,
    slack: createSlackPoster(createSlackWebClient({ token: 'xoxb-test', slackApiUrl: slack.apiUrl })),
  }), { connection, prefix: redis.prefix, concurrency: 4 });
  const paging = createPaging({
    connection, prefix: redis.prefix, policy, env: { PAGERDUTY_ROUTING_KEY: 'routing-key-0000000000000000000000' },
    store: createRedisIncidentStore({ redis: redis.redis, prefix: redis.prefix, retentionSeconds: 3600 }),
    pager: createPagerDutyPager({ eventsUrl: pd.url, dispatcher, attempts: 1 }),
    publisher: createOutboxIncidentPublisher({ outbox, channel: CHANNEL, levels: policy.levels }),
    sendBackoffMs: 20, sendMaxBackoffMs: 50,
  });
  paging.startWorker();
  onTestFinished(async () => {
    await paging.close(); await outboxWorker.close(); await outbox.close();
    await dispatcher.close(); await pd.close(); await slack.close(); connection.disconnect();
  });
  const stateStore = createRedisWatchStateStore({ redis: redis.redis, prefix: redis.prefix });
  return {
    paging, pd, slack,
    watch: async (env, connectTo) => {
      const patterns = await runWatch({
        zones: [{ name: 'office', env }], watchlist, stateStore, paging,
        checkZone: (plan, list) => runZoneChecks(plan, list, {
          probe: createLabProbe(lab, connectTo), proxyFor: () => null, concurrency: 4, budget: TEST_BUDGET, now: () => new Date().toISOString(),
        }),
      });
      return patterns.map((p) => `${p.transition} ${p.key}`);
    },
  };
}

describe('P0 watch against the lab', () => {
  it('pages once for a proxy that black-holes every watchlist module twice, and resolves in PagerDuty and Slack once it is restored', async () => {
    const rig = await startRig();
    const env = { GOPROXY: 'https://goproxy.corp.example/ok', GOSUMDB: 'off' };
    const blackholePort = Number(new URL(lab.blackholeUrl).port);
    let blackholed = false;
    const connectTo: Lab['connectTo'] = (host, port) => (blackholed && host === 'goproxy.corp.example' ? { host: '127.0.0.1', port: blackholePort } : lab.connectTo(host, port));
    const key = 'build-outage|https://goproxy.corp.example/ok|office';

    expect(await rig.watch(env, connectTo)).toEqual([]);
    blackholed = true;
    expect(await rig.watch(env, connectTo)).toEqual([]);
    expect(await rig.watch(env, connectTo)).toEqual([`opened ${key}`]);
    expect(await rig.watch(env, connectTo)).toEqual([`continuing ${key}`]);
    await rig.pd.waitForEvents(1);
    const message = await rig.slack.waitFor(() => [...rig.slack.messages.values()].find((m) => m.channel === CHANNEL && m.threadTs === null && m.text.includes('triggered')));
    expect(message.text).toContain('Build outage: https://goproxy.corp.example/ok (zone office)');

    blackholed = false;
    expect(await rig.watch(env, connectTo)).toEqual([]);
    expect(await rig.watch(env, connectTo)).toEqual([`resolved ${key}`]);
    await rig.pd.waitForEvents(2);
    expect(rig.pd.events.map((e) => `${e.event_action} ${e.dedup_key}`)).toEqual([`trigger ${key}`, `resolve ${key}`]);
    expect(rig.pd.alerts.map((a) => [a.status, a.triggers])).toEqual([['resolved', 1]]);
    expect(rig.pd.events[0]?.payload?.custom_details).toMatchObject({ classes: ['tcp.timeout'], modules: ['corp.example/hello@v1.0.0', 'corp.example/BigCorp/Lib@v1.0.0'] });
    const resolved = await rig.slack.waitFor(() => [...rig.slack.messages.values()].find((m) => m.channel === CHANNEL && m.threadTs === null && m.text.endsWith('resolved')));
    expect(resolved.edits).toBeGreaterThan(0);
    expect(JSON.stringify(resolved.blocks)).toContain('Resolved');
    expect(JSON.stringify(resolved.blocks)).not.toContain('gomod_incident_ack');
    expect(rig.slack.callsTo('chat.postMessage').filter((c) => c.args['thread_ts'] === undefined)).toHaveLength(1);
  });

  it('pages P0 at once for a proxy that serves a tampered zip next to an honest one, with both hashes as evidence', async () => {
    const rig = await startRig();
    const env = { GOPROXY: `${lab.urls.trusted}/ok,${lab.urls.trusted}/tampered`, GOSUMDB: `${lab.sumdb.verifierKey} ${lab.urls.trusted}/sumdb/${lab.sumdb.name}` };
    const key = `supply-chain|${lab.urls.trusted}/tampered|office`;
    expect(await rig.watch(env)).toEqual([`opened ${key}`]);
    await rig.pd.waitForEvents(1);
    const v = [...lab.modules.values()].find((m) => m.module === 'corp.example/hello')?.versions[0];
    const evidence = JSON.stringify(rig.pd.events[0]?.payload?.custom_details?.['evidence']);
    expect(rig.pd.events[0]).toMatchObject({ event_action: 'trigger', dedup_key: key, payload: { severity: 'critical' } });
    expect(evidence).toContain(v?.content.h1);
    expect(evidence).toContain(v?.tampered.h1);
    const thread = await rig.slack.waitFor(() => [...rig.slack.messages.values()].find((m) => m.threadTs !== null && m.text.startsWith('Evidence')));
    expect(JSON.stringify(thread.blocks)).toContain(v?.tampered.h1);
  });
});
