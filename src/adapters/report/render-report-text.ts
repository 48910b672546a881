import type { DailyReport, HopSummary } from '../../core/report/daily-report.js';

/** The report as a terminal table: per zone and hop, then module consistency, then findings. */
export function renderReportText(report: DailyReport): string {
  const lines: string[] = [`gomod-doctor health report, ${report.generatedAt}${report.trends ? '' : ' (no history: trends need Redis)'}`, ''];
  for (const zone of report.zones) {
    lines.push(`zone ${zone.zone}`);
    const rows = zone.hops.map((h) => [
      h.role, h.hop, `${(h.availability * 100).toFixed(1)}%`, formatMs(h.latencyMs.p50), formatMs(h.latencyMs.p95),
      h.tls === undefined ? '-' : `${h.tls.daysLeft}d${h.tls.severity === null ? '' : ` ${h.tls.severity}`}`,
      formatChange(h), formatClasses(h),
    ]);
    lines.push(...formatTable([['role', 'hop', 'avail', 'p50', 'p95', 'tls', 'vs yesterday', 'classes'], ...rows]), '');
  }
  if (report.modules.length > 0) {
    lines.push('modules');
    const rows = report.modules.map((m) => [
      `${m.module}@${m.version}`,
      m.verdicts.map((v) => `${v.zone}:${v.fetchable ? 'ok' : v.class}`).join(' '),
      m.consistent ? 'hashes agree' : 'HASHES DIFFER (P0)',
    ]);
    lines.push(...formatTable([['module', 'fetchable', 'h1'], ...rows]), '');
  }
  if (report.findings.length === 0) lines.push('no findings');
  else for (const f of report.findings) lines.push(`${f.severity} ${f.kind}: ${f.text}`);
  return `${lines.join('\n')}\n`;
}

function formatMs(ms: number | null): string {
  return ms === null ? '-' : `${Math.round(ms)}ms`;
}

function formatChange(h: HopSummary): string {
  const a = h.sinceYesterday.availability;
  const p = h.sinceYesterday.p95Ms;
  if (a === null) return '-';
  return `${a >= 0 ? '+' : ''}${(a * 100).toFixed(1)}pt${p === null ? '' : ` ${p >= 0 ? '+' : ''}${Math.round(p)}ms`}`;
}

function formatClasses(h: HopSummary): string {
  return Object.entries(h.classes).filter(([c]) => c !== 'ok').map(([c, n]) => `${c}×${n}`).join(' ') || '-';
}

function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}`);
}
