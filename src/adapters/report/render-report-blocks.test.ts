import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../core/report/check-result.js';
import { summarizeReport } from '../../core/report/summarize-report.js';
import { renderReportDetails, renderReportSummary } from './render-report-blocks.js';

function report(modules: number): ReturnType<typeof summarizeReport> {
  const results: CheckResult[] = [];
  for (let m = 0; m < modules; m++) {
    for (const hop of ['https://a.example', 'https://b.example', 'https://sum.example']) {
      results.push({ zone: 'office', hop, role: hop.includes('sum') ? 'sumdb' : 'proxy', critical: true, module: `corp.example/m${m}`, version: 'v1.2.3', at: '2026-12-07T08:00:00.000Z', class: 'ok', status: 200, latencyMs: 12, tlsValidTo: null, evidence: '', hashes: { mod: 'h1:m=', zip: 'h1:z=' } });
    }
  }
  return summarizeReport(results, null, { now: '2026-12-07T08:01:00.000Z', days: 7 });
}

describe('renderReportSummary', () => {
  it('keeps the channel message short whatever the size of the watchlist', () => {
    const summary = renderReportSummary(report(1000));
    expect(summary.blocks.length).toBeLessThanOrEqual(6);
    expect(JSON.stringify(summary.blocks).length).toBeLessThan(3000);
    expect(summary.text).toBe(':white_check_mark: Go module health 2026-12-07: 0 P0, 0 P1, 0 P2 across 3 hops in 1 zones');
  });
});

describe('renderReportDetails', () => {
  it('splits 1,000 modules into messages within Block Kit limits', () => {
    const messages = renderReportDetails(report(1000));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(13_000);
      for (const b of m.blocks) expect(((b as { text?: { text: string } }).text?.text ?? '').length).toBeLessThanOrEqual(3000);
    }
    expect(JSON.stringify(messages)).toContain('corp.example/m999@v1.2.3');
  });
});
