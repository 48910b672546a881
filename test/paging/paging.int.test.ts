import { Queue } from 'bullmq';
import { Agent } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createPagerDutyPager } from '../../src/adapters/pager/create-pagerduty-pager.js';
import { createPaging, formatTimerJobId, PAGE_QUEUE, type IncidentPublisher, type Paging } from '../../src/adapters/pager/create-paging.js';
import { IncidentActionId } from '../../src/adapters/pager/incident-action-ids.js';
import { createRedisIncidentStore, type IncidentRecord } from '../../src/adapters/pager/redis-incident-store.js';
import { createWorkerConnection } from '../../src/adapters/queue/redis-connections.js';
import type { EscalationPolicy } from '../../src/core/escalation/escalation-policy.js';
import { startFakePagerDuty, type FakePagerDuty } from '../support/fake-pagerduty.js';
import { useTestRedis, type TestRedis } from '../support/redis.js';

const ID = 'build-outage|https://goproxy.corp.example|office';
const env = { PAGERDUTY_ROUTING_KEY: 'primary-key-0000000000000000000000', PAGERDUTY_ROUTING_KEY_SECONDARY: 'secondary-key-00000000000000000000' };
const policy: EscalationPolicy = {
  ackTimeoutMs: 300, maxAgeMs: 3_600_000,
  levels: [
    { name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' },
    { name: 'secondary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY_SECONDARY', slackUserGroup: 'S0123' },
  ],
};
const context = { pattern: 'build-outage', hop: 'https://goproxy.corp.example', zone: 'office', classes: ['tcp.timeout'], modules: ['corp.example/hello@v1.0.0'], evidence: ['dial tcp: i/o timeout'] };
const raise = { id: ID, severity: 'P0' as const, summary: 'P0 build outage: https://goproxy.corp.example (office)', context };

/** Records what would go to Slack, in order (a real implementation of the publisher port). */
function recordPublisher(): IncidentPublisher & { published: IncidentRecord[] } {
  const published: IncidentRecord[] = [];
  return { published, publish: async (r) => { published.push(r); } };
}

async function setup(redis: TestRedis, pd: FakePagerDuty, publisher: IncidentPublisher, overrides: Partial<EscalationPolicy> = {}): Promise<Paging> {
  const connection = createWorkerConnection(redis.url, 'paging-test');
  const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  const paging = createPaging({
    connection, prefix: redis.prefix, policy: { ...policy, ...overrides }, env, publisher,
    store: createRedisIncidentStore({ redis: redis.redis, prefix: redis.prefix, retentionSeconds: 3600 }),
    pager: createPagerDutyPager({ eventsUrl: pd.url, dispatcher, attempts: 1, timeoutMs: 2000 }),
    sendAttempts: 30, sendBackoffMs: 20, sendMaxBackoffMs: 50,
  });
  onTestFinished(async () => { await paging.close(); await dispatcher.close(); connection.disconnect(); });
  return paging;
}

async function startPd(): Promise<FakePagerDuty> {
  const pd = await startFakePagerDuty();
  onTestFinished(() => pd.close());
  return pd;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('createPaging', () => {
  it('pages the primary once with a critical trigger and shows it in Slack', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startPd();
    const publisher = recordPublisher();
    const paging = await setup(redis, pd, publisher);
    paging.startWorker();
    await paging.raise(raise);
    await paging.raise(raise);
    await pd.waitForEvents(1);
    await waitFor(async () => publisher.published.length, (n) => n >= 2);
    expect(pd.alerts).toHaveLength(1);
    expect(pd.events[0]).toMatchObject({ routing_key: env.PAGERDUTY_ROUTING_KEY, event_action: 'trigger', dedup_key: ID, payload: { severity: 'critical' } });
    expect(publisher.published[0]?.state).toMatchObject({ status: 'triggered', level: 0 });
    expect((await paging.listOpen()).map((r) => r.state.id)).toEqual([ID]);
  });

  it('acknowledges in PagerDuty from the Slack button and stops the escalation', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startPd();
    const publisher = recordPublisher();
    const paging = await setup(redis, pd, publisher, { ackTimeoutMs: 60_000 });
    paging.startWorker();
    await paging.raise(raise);
    await pd.waitForEvents(1);
    const triggered = await waitFor(async () => paging.listOpen(), (l) => l.length === 1);
    const timerId = formatTimerJobId(ID, triggered[0]?.state.triggeredAt ?? '', 1);
    const queue = new Queue(PAGE_QUEUE, { connection: redis.redis, prefix: redis.prefix });
    onTestFinished(() => queue.close());
    expect(await queue.getJobState(timerId)).toBe('delayed');
    await expect(paging.handleIncidentAction({ actionId: IncidentActionId.acknowledge, value: ID }, 'U123')).resolves.toEqual({ text: expect.stringContaining('Acknowledged') });
    await pd.waitForEvents(2);
    expect(pd.events[1]).toMatchObject({ event_action: 'acknowledge', dedup_key: ID, routing_key: env.PAGERDUTY_ROUTING_KEY });
    expect(pd.alerts[0]?.status).toBe('acknowledged');
    expect(await queue.getJob(timerId)).toBeUndefined();
    const last = await waitFor(async () => publisher.published.at(-1), (r) => r?.state.status === 'acknowledged');
    expect(last?.state.acknowledgedBy).toBe('U123');
  });

  it('escalates an unacknowledged P0 on time even when the process restarts in between', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startPd();
    const first = await setup(redis, pd, recordPublisher());
    first.startWorker();
    await first.raise(raise);
    await pd.waitForEvents(1);
    const [record] = await first.listOpen();
    await first.close(); // the process goes away with the timer pending
    const publisher = recordPublisher();
    const second = await setup(redis, pd, publisher);
    second.startWorker();
    await pd.waitForEvents(2);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(record?.state.triggeredAt ?? '') + policy.ackTimeoutMs);
    expect(pd.events[1]).toMatchObject({ event_action: 'trigger', routing_key: env.PAGERDUTY_ROUTING_KEY_SECONDARY, dedup_key: ID });
    const escalated = await waitFor(async () => publisher.published.at(-1), (r) => r?.state.level === 1);
    expect(escalated?.state.history.map((h) => h.text)).toContain('escalated to secondary: no acknowledgement');
  });

  it('delays the page through a pager outage but does not lose it, and resolves after it lands', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startPd();
    pd.setOutage(true);
    const paging = await setup(redis, pd, recordPublisher(), { ackTimeoutMs: 60_000 });
    paging.startWorker();
    await paging.raise(raise);
    await waitFor(async () => pd.requests.length, (n) => n >= 3);
    await paging.resolve(ID, 'watch');
    await waitFor(async () => pd.requests.length, (n) => n >= 5);
    pd.setOutage(false);
    await pd.waitForEvents(2);
    expect(pd.events.map((e) => e.event_action)).toEqual(['trigger', 'resolve']);
    expect(pd.alerts).toHaveLength(1);
    expect(pd.alerts[0]?.status).toBe('resolved');
  });

  it('records a rejected page on the incident instead of dropping it silently', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startPd();
    pd.script([400]);
    const publisher = recordPublisher();
    const paging = await setup(redis, pd, publisher, { ackTimeoutMs: 60_000 });
    paging.startWorker();
    await paging.raise(raise);
    const noted = await waitFor(async () => publisher.published.at(-1), (r) => r?.state.history.some((h) => h.text.startsWith('PagerDuty rejected')) === true);
    expect(noted?.state.history.at(-1)?.text).toContain('scripted rejection');
    expect(pd.events).toEqual([]);
  });

  it('opens a new alert when the pattern comes back after a resolve', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startPd();
    const paging = await setup(redis, pd, recordPublisher(), { ackTimeoutMs: 60_000 });
    paging.startWorker();
    await paging.raise(raise);
    await pd.waitForEvents(1);
    await paging.resolve(ID, 'U9');
    await pd.waitForEvents(2);
    await paging.raise(raise);
    await pd.waitForEvents(3);
    expect(pd.alerts.map((a) => a.status)).toEqual(['resolved', 'triggered']);
  });
});
