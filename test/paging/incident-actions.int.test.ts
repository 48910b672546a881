import { describe, expect, it, onTestFinished } from 'vitest';
import { createIncidentActions } from '../../src/adapters/pager/create-incident-actions.js';
import { createPagerDutyPager } from '../../src/adapters/pager/create-pagerduty-pager.js';
import { createPaging, PAGE_QUEUE } from '../../src/adapters/pager/create-paging.js';
import { IncidentActionId } from '../../src/adapters/pager/incident-action-ids.js';
import { createRedisIncidentStore } from '../../src/adapters/pager/redis-incident-store.js';
import { createWorkerConnection } from '../../src/adapters/queue/redis-connections.js';
import type { Diagnosis } from '../../src/core/diagnosis.js';
import { startFakePagerDuty } from '../support/fake-pagerduty.js';
import { useTestRedis } from '../support/redis.js';

const policy = { ackTimeoutMs: 60_000, maxAgeMs: 3_600_000, levels: [{ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' }] };

const mismatch: Diagnosis = {
  schema: 'gomod-doctor/diagnosis@1', module: 'corp.example/hello', version: 'v1.0.0', zone: 'office', verdict: 'fail', class: 'checksum.mismatch', severity: 'P0',
  findings: [{ class: 'checksum.mismatch', severity: 'P0', title: 'Downloaded bits differ', hop: 'https://mirror.corp.example', step: 'zip', evidence: 'downloaded h1:bad=, go.sum h1:good=', goError: 'verifying corp.example/hello@v1.0.0: checksum mismatch' }],
  steps: [], playbook: null, goVersion: 'go1.19.8', elapsedMs: 12,
};

describe('createIncidentActions', () => {
  it('raises a P0 from a user diagnosis that the page worker delivers, lists it for App Home, and resolves it from the button', async () => {
    const redis = useTestRedis([PAGE_QUEUE]);
    const pd = await startFakePagerDuty();
    const connection = createWorkerConnection(redis.url, 'actions-test');
    const actions = createIncidentActions({ connection, prefix: redis.prefix, policy });
    const paging = createPaging({
      connection, prefix: redis.prefix, policy, env: { PAGERDUTY_ROUTING_KEY: 'routing-key-0000000000000000000000' }, publisher: null,
      store: createRedisIncidentStore({ redis: redis.redis, prefix: redis.prefix, retentionSeconds: 60 }),
      pager: createPagerDutyPager({ eventsUrl: pd.url, attempts: 1 }), sendBackoffMs: 20, sendMaxBackoffMs: 50,
    });
    paging.startWorker();
    onTestFinished(async () => { await actions.close(); await paging.close(); await pd.close(); connection.disconnect(); });

    expect(await actions.raiseFromDiagnosis(mismatch)).toBe(1);
    await pd.waitForEvents(1);
    expect(pd.events[0]).toMatchObject({ dedup_key: 'supply-chain|https://mirror.corp.example|office', payload: { severity: 'critical', custom_details: { evidence: ['downloaded h1:bad=, go.sum h1:good=', 'verifying corp.example/hello@v1.0.0: checksum mismatch'] } } });
    expect(await actions.listOpenIncidents()).toEqual([expect.objectContaining({ severity: 'P0', state: 'triggered', title: expect.stringContaining('supply-chain integrity') })]);
    await expect(actions.handleIncidentAction({ actionId: IncidentActionId.resolve, value: 'supply-chain|https://mirror.corp.example|office' }, 'U7')).resolves.toEqual({ text: 'Resolved here and in PagerDuty.' });
    await pd.waitForEvents(2);
    expect(pd.alerts[0]?.status).toBe('resolved');
    await expect(actions.handleIncidentAction({ actionId: IncidentActionId.acknowledge, value: 'nope' }, 'U7')).resolves.toEqual({ text: 'That incident is not known (any more).' });
  });
});
