import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabProbe, TEST_BUDGET } from '../../../test/report/lab-probe.js';
import { planReportChecks } from '../../core/report/plan-report-checks.js';
import { startLab, type Lab } from '../../lab/start-lab.js';
import type { ProbeRunner } from '../../ports/probe-runner.js';
import { runZoneChecks } from './run-zone-checks.js';

let lab: Lab;
beforeAll(async () => { lab = await startLab({ latencyMs: 5 }); });
afterAll(async () => { await lab.close(); });

/** The lab's real probe, counting how many fetches are in flight at once. */
function countInFlight(probe: ProbeRunner): { probe: ProbeRunner; peak: () => number; total: () => number } {
  let inFlight = 0;
  let peak = 0;
  let total = 0;
  return {
    probe: {
      async fetch(request, signal) {
        inFlight += 1;
        total += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await probe.fetch(request, signal);
        } finally {
          inFlight -= 1;
        }
      },
    },
    peak: () => peak,
    total: () => total,
  };
}

describe('runZoneChecks', () => {
  it('resolves unpinned versions within the concurrency bound too', async () => {
    const counted = countInFlight(createLabProbe(lab));
    const env = { GOPROXY: `${lab.urls.trusted}/ok`, GOSUMDB: 'off' };
    const watchlist = Array.from({ length: 8 }, () => ({ module: 'corp.example/hello' }));
    const results = await runZoneChecks(planReportChecks('office', env, watchlist), watchlist, {
      probe: counted.probe, now: () => new Date().toISOString(), concurrency: 2, budget: TEST_BUDGET, proxyFor: () => null,
    });
    expect(results).toHaveLength(8);
    expect(results.every((r) => r.class === 'ok' && r.version !== null)).toBe(true);
    expect(counted.total()).toBe(8 + 8 * 2); // @latest, then .mod and .zip per entry
    expect(counted.peak()).toBe(2);
  });
});
