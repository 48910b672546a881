import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZoneChecks } from '../../src/adapters/report/run-zone-checks.js';
import { planReportChecks } from '../../src/core/report/plan-report-checks.js';
import { summarizeReport } from '../../src/core/report/summarize-report.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { createLabProbe, TEST_BUDGET } from './lab-probe.js';

let lab: Lab;
beforeAll(async () => { lab = await startLab({ latencyMs: 20 }); });
afterAll(async () => { await lab.close(); });

const MODULE = 'corp.example/hello';

function honest(version: string): { zip: string; mod: string } {
  const v = [...lab.modules.values()].find((m) => m.module === MODULE)?.versions.find((x) => x.version === version);
  if (v === undefined) throw new Error('lab module missing');
  return { zip: v.content.h1, mod: v.content.modH1 };
}

function deps(): Parameters<typeof runZoneChecks>[2] {
  return { probe: createLabProbe(lab), now: () => new Date().toISOString(), concurrency: 4, budget: TEST_BUDGET, proxyFor: () => null };
}

describe('runZoneChecks', () => {
  it('reports the hashes the lab served per proxy and the checksum DB, and flags the tampered proxy as P0', async () => {
    const env = {
      GOPROXY: `${lab.urls.trusted}/ok,${lab.urls.trusted}/tampered`,
      GOSUMDB: `${lab.sumdb.verifierKey} ${lab.urls.trusted}/sumdb/${lab.sumdb.name}`,
    };
    const watchlist = [{ module: MODULE, version: 'v1.0.0' }];
    const results = await runZoneChecks(planReportChecks('office', env, watchlist), watchlist, deps());
    const report = summarizeReport(results, null, { now: new Date().toISOString(), days: 7 });
    const expected = honest('v1.0.0');
    const module = report.modules[0];
    expect(module?.hashes.sumdb).toEqual(expected);
    expect(module?.hashes.proxies.map((p) => [p.hop, p.mod, p.zip === expected.zip])).toEqual([
      [`${lab.urls.trusted}/ok`, expected.mod, true],
      [`${lab.urls.trusted}/tampered`, expected.mod, false],
    ]);
    expect(module?.consistent).toBe(false);
    expect(report.findings.filter((f) => f.severity === 'P0').map((f) => f.kind)).toEqual(['checksum-difference']);
    const hops = report.zones[0]?.hops ?? [];
    expect(hops.map((h) => [h.hop, h.role, h.availability])).toEqual([
      [`${lab.urls.trusted}/ok`, 'proxy', 1],
      [`${lab.urls.trusted}/tampered`, 'proxy', 1],
      [`${lab.urls.trusted}/sumdb/${lab.sumdb.name}`, 'sumdb', 1],
    ]);
    expect(hops[0]?.tls?.daysLeft).toBeGreaterThan(30);
    expect(hops[0]?.latencyMs.p50).toBeGreaterThan(0);
  });

  it('resolves a watchlist entry without a version through @latest', async () => {
    const watchlist = [{ module: MODULE }];
    const results = await runZoneChecks(planReportChecks('office', { GOPROXY: `${lab.urls.trusted}/ok`, GOSUMDB: 'off' }, watchlist), watchlist, deps());
    expect(results.map((r) => [r.version, r.class, r.hashes?.zip])).toEqual([['v1.1.0', 'ok', honest('v1.1.0').zip]]);
  });

  it('names the failure class of each broken hop', async () => {
    const watchlist = [{ module: MODULE, version: 'v1.0.0' }];
    const env = { GOPROXY: `${lab.urls.trusted}/s500,${lab.blackholeUrl},${lab.urls.unknownAuthority}/ok,${lab.urls.trusted}/s404`, GOSUMDB: 'off' };
    const results = await runZoneChecks(planReportChecks('office', env, watchlist), watchlist, deps());
    expect(results.map((r) => [r.critical, r.class])).toEqual([
      [true, 'proxy.server_error'], [false, 'tcp.timeout'], [false, 'tls.unknown_authority'], [false, 'module.not_found'],
    ]);
  });
});
