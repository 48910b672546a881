import { Agent } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createPagerDutyPager } from '../../src/adapters/pager/create-pagerduty-pager.js';
import { startFakePagerDuty, type FakePagerDuty } from '../support/fake-pagerduty.js';

const ROUTING_KEY = 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12';

async function setup(attempts = 4): Promise<{ pd: FakePagerDuty; pager: ReturnType<typeof createPagerDutyPager> }> {
  const pd = await startFakePagerDuty();
  const dispatcher = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  onTestFinished(async () => { await dispatcher.close(); await pd.close(); });
  return { pd, pager: createPagerDutyPager({ eventsUrl: pd.url, dispatcher, attempts, backoffMs: 5, maxBackoffMs: 20, timeoutMs: 2000 }) };
}

const trigger = { action: 'trigger', routingKey: ROUTING_KEY, dedupKey: 'build-outage|https://goproxy.corp.example|office', summary: 'P0 build outage', severity: 'P0', details: { class: 'tcp.timeout' } } as const;

describe('createPagerDutyPager', () => {
  it('triggers with the Events API v2 body and maps P0 to critical', async () => {
    const { pd, pager } = await setup();
    await expect(pager.send(trigger)).resolves.toEqual({ dedupKey: trigger.dedupKey, attempts: 1 });
    expect(pd.events).toEqual([expect.objectContaining({
      routing_key: ROUTING_KEY, event_action: 'trigger', dedup_key: trigger.dedupKey,
      payload: expect.objectContaining({ summary: 'P0 build outage', severity: 'critical', source: 'gomod-doctor', custom_details: { class: 'tcp.timeout' } }),
    })]);
  });

  it.each([
    { severity: 'P1', expected: 'error' }, { severity: 'P2', expected: 'warning' }, { severity: 'P3', expected: 'info' },
  ] as const)('maps $severity to $expected', async ({ severity, expected }) => {
    const { pd, pager } = await setup();
    await pager.send({ ...trigger, severity });
    expect(pd.events[0]?.payload?.severity).toBe(expected);
  });

  it('acknowledges and resolves the same alert by dedup key', async () => {
    const { pd, pager } = await setup();
    await pager.send(trigger);
    await pager.send({ action: 'acknowledge', routingKey: ROUTING_KEY, dedupKey: trigger.dedupKey });
    expect(pd.alerts[0]?.status).toBe('acknowledged');
    await pager.send({ action: 'resolve', routingKey: ROUTING_KEY, dedupKey: trigger.dedupKey });
    expect(pd.alerts).toHaveLength(1);
    expect(pd.alerts[0]?.status).toBe('resolved');
  });

  it.each([429, 500, 503])('retries %i with backoff and delivers', async (status) => {
    const { pd, pager } = await setup();
    pd.script([status, status]);
    await expect(pager.send(trigger)).resolves.toMatchObject({ attempts: 3 });
    expect(pd.requests.map((r) => r.status)).toEqual([status, status, 202]);
    expect(pd.alerts).toHaveLength(1);
  });

  it('reports a 400 as PAGER_REJECTED without retrying', async () => {
    const { pd, pager } = await setup();
    await expect(pager.send({ ...trigger, routingKey: '' })).rejects.toMatchObject({ code: 'PAGER_REJECTED', details: expect.objectContaining({ status: 400, errors: ["'routing_key' is missing"] }) });
    expect(pd.requests).toHaveLength(1);
  });

  it('gives up with PAGER_UNAVAILABLE through a stretch of outage, then delivers once it ends', async () => {
    const { pd, pager } = await setup(2);
    pd.setOutage(true);
    await expect(pager.send(trigger)).rejects.toMatchObject({ code: 'PAGER_UNAVAILABLE', details: expect.objectContaining({ status: 500, attempts: 2 }) });
    pd.setOutage(false);
    await expect(pager.send(trigger)).resolves.toMatchObject({ attempts: 1 });
    expect(pd.requests.map((r) => r.status)).toEqual([500, 500, 202]);
  });

  it('treats a refused connection as unavailable, not rejected', async () => {
    const { pd } = await setup();
    const url = pd.url;
    await pd.close();
    const pager = createPagerDutyPager({ eventsUrl: url, attempts: 1, timeoutMs: 1000 });
    await expect(pager.send(trigger)).rejects.toMatchObject({ code: 'PAGER_UNAVAILABLE' });
  });
});
