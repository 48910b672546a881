import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildReport } from '../../src/adapters/report/build-report.js';
import { runZoneChecks } from '../../src/adapters/report/run-zone-checks.js';
import { createRemoteZoneChecker, startZoneCheckWorker, zoneCheckQueueName } from '../../src/adapters/report/zone-check-queue.js';
import { createWorkerConnection } from '../../src/adapters/queue/redis-connections.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { useTestRedis } from '../support/redis.js';
import { createLabProbe, TEST_BUDGET } from './lab-probe.js';

let lab: Lab;
beforeAll(async () => { lab = await startLab({ latencyMs: 5 }); });
afterAll(async () => { await lab.close(); });

describe('zone check queue', () => {
  it('runs each zone\'s checks on that zone\'s worker and brings the results back to the report', async () => {
    const redis = useTestRedis([zoneCheckQueueName('office'), zoneCheckQueueName('ci')]);
    const connection = createWorkerConnection(redis.url, 'zone-check-test');
    const seenBy: string[] = [];
    const workers = ['office', 'ci'].map((zone) => startZoneCheckWorker({
      connection, prefix: redis.prefix, zone,
      checkZone: async (plan, watchlist) => {
        seenBy.push(`${zone}:${plan.zone}`);
        return runZoneChecks(plan, watchlist, { probe: createLabProbe(lab), proxyFor: () => null, concurrency: 4, budget: TEST_BUDGET, now: () => new Date().toISOString() });
      },
    }));
    const checker = createRemoteZoneChecker({ connection, prefix: redis.prefix, zones: ['office', 'ci'], timeoutMs: 20_000 });
    onTestFinished(async () => { await checker.close(); await Promise.all(workers.map((w) => w.close())); connection.disconnect(); });
    const env = { GOPROXY: `${lab.urls.trusted}/ok`, GOSUMDB: 'off', GOPRIVATE: 'corp.example/private' };
    const { report } = await buildReport({
      zones: [{ name: 'office', env }, { name: 'ci', env: { ...env, GOPROXY: `${lab.urls.trusted}/s502` } }],
      watchlist: [{ module: 'corp.example/hello', version: 'v1.0.0' }],
      checkZone: (plan, watchlist) => checker.checkZone(plan, watchlist), store: null, now: () => new Date().toISOString(),
    });
    expect(seenBy.sort()).toEqual(['ci:ci', 'office:office']);
    expect(report.modules[0]?.verdicts).toEqual([{ zone: 'office', fetchable: true, class: 'ok' }, { zone: 'ci', fetchable: false, class: 'proxy.server_error' }]);
  });
});
