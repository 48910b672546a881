import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-result.js';
import { summarizeReport } from './summarize-report.js';

const P1 = 'https://goproxy.corp.example';
const P2 = 'https://mirror.corp.example';
const SUMDB = 'https://sum.golang.org';
const NOW = '2026-12-07T08:00:00.000Z';

function check(over: Partial<CheckResult>): CheckResult {
  return {
    zone: 'office', hop: P1, role: 'proxy', critical: true, module: 'corp.example.com/a', version: 'v1.0.0', at: NOW,
    class: 'ok', status: 200, latencyMs: 10, tlsValidTo: null, evidence: '200 OK', ...over,
  };
}

describe('summarizeReport', () => {
  it('computes availability, percentiles and class counts per hop', () => {
    const results = [10, 20, 30, 40].map((latencyMs, i) => check({ latencyMs, class: i === 3 ? 'tcp.timeout' : 'ok' }));
    const report = summarizeReport(results, null, { now: NOW, days: 7 });
    expect(report).toMatchObject({ schema: 'gomod-doctor/report@1', generatedAt: NOW, trends: false });
    expect(report.zones[0]?.hops[0]).toMatchObject({
      hop: P1, role: 'proxy', checks: 4, availability: 0.75, latencyMs: { p50: 20, p95: 40 }, classes: { ok: 3, 'tcp.timeout': 1 },
      sinceYesterday: { availability: null, p95Ms: null, newClasses: [] },
    });
  });

  it.each([
    { validTo: '2027-03-01T00:00:00.000Z', daysLeft: 83, severity: null },
    { validTo: '2027-01-06T08:00:00.000Z', daysLeft: 30, severity: 'P2' },
    { validTo: '2026-12-14T08:00:00.000Z', daysLeft: 7, severity: 'P1' },
    { validTo: '2026-12-05T08:00:00.000Z', daysLeft: -2, severity: 'P1' },
  ])('grades a certificate with $daysLeft days left as $severity', ({ validTo, daysLeft, severity }) => {
    const report = summarizeReport([check({ tlsValidTo: validTo })], null, { now: NOW, days: 7 });
    expect(report.zones[0]?.hops[0]?.tls).toEqual({ validTo, daysLeft, severity });
    expect(report.findings.filter((f) => f.kind === 'tls-expiry').map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it('compares with yesterday and the week, and builds a daily trend', () => {
    const previous = [
      check({ at: '2026-12-06T08:00:05.000Z', latencyMs: 5 }),
      check({ at: '2026-12-06T08:00:06.000Z', latencyMs: 5, class: 'tcp.timeout' }),
      check({ at: '2026-12-02T08:00:00.000Z', latencyMs: 50 }),
    ];
    const report = summarizeReport([check({ latencyMs: 10 }), check({ latencyMs: 12, class: 'http.stall' })], previous, { now: NOW, days: 7 });
    const hop = report.zones[0]?.hops[0];
    expect(hop?.sinceYesterday).toEqual({ availability: 0, p95Ms: 7, newClasses: ['http.stall'] });
    expect(hop?.overWeek).toEqual({ availability: -0.1667, p95Ms: -38, newClasses: ['http.stall'] });
    expect(hop?.trend.map((d) => [d.day, d.availability, d.checks])).toEqual([['2026-12-02', 1, 1], ['2026-12-06', 0.5, 2], ['2026-12-07', 0.5, 2]]);
    expect(report.trends).toBe(true);
  });

  it('reports a proxy serving another zip hash than the checksum DB and go.sum as P0 with both hashes', () => {
    const results = [
      check({ hop: P1, hashes: { mod: 'h1:m=', zip: 'h1:good=' } }),
      check({ hop: P2, critical: false, hashes: { mod: 'h1:m=', zip: 'h1:bad=' } }),
      check({ hop: SUMDB, role: 'sumdb', hashes: { mod: 'h1:m=', zip: 'h1:good=' } }),
    ];
    const goSum = new Map([['corp.example.com/a@v1.0.0', { mod: 'h1:m=', zip: 'h1:good=' }]]);
    const report = summarizeReport(results, null, { now: NOW, days: 7 }, goSum);
    expect(report.modules).toEqual([expect.objectContaining({ module: 'corp.example.com/a', version: 'v1.0.0', consistent: false, verdicts: [{ zone: 'office', fetchable: true, class: 'ok' }] })]);
    const p0 = report.findings.filter((f) => f.severity === 'P0');
    expect(p0).toHaveLength(1);
    expect(p0[0]?.text).toContain('h1:good=');
    expect(p0[0]?.text).toContain('h1:bad=');
  });

  it('calls a module consistent when every source agrees', () => {
    const h = { mod: 'h1:m=', zip: 'h1:z=' };
    const report = summarizeReport([check({ hashes: h }), check({ hop: P2, hashes: h }), check({ hop: SUMDB, role: 'sumdb', hashes: h })], null, { now: NOW, days: 7 });
    expect(report.modules[0]?.consistent).toBe(true);
    expect(report.findings).toEqual([]);
  });

  it('marks a module unfetchable in the zone whose proxies all fail', () => {
    const report = summarizeReport([check({ class: 'tcp.refused', latencyMs: 1 }), check({ zone: 'ci' })], null, { now: NOW, days: 7 });
    expect(report.modules[0]?.verdicts).toEqual([{ zone: 'office', fetchable: false, class: 'tcp.refused' }, { zone: 'ci', fetchable: true, class: 'ok' }]);
    expect(report.findings.map((f) => `${f.severity} ${f.kind} ${f.zone}`)).toEqual(['P1 module-unfetchable office', 'P1 hop-failing office']);
  });
});
