import type { FailureClass } from '../classify/failure-class.js';
import { isPassingCheck, type CheckResult, type ModuleHashes } from './check-result.js';
import { compareModuleHashes, type HashSource } from './compare-module-hashes.js';
import { groupBy } from './group-by.js';
import type {
  DailyReport, HopChange, HopDay, HopSummary, HopTls, ModuleSummary, ModuleVerdict, ReportFinding, ZoneSummary,
} from './daily-report.js';
import { computePercentile } from './percentile.js';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

export interface ReportWindow {
  /** The report's time (ISO 8601); days left and the change windows count from it. */
  readonly now: string;
  /** How many days of history the trend and the weekly change cover. */
  readonly days: number;
  /** TLS thresholds in days: P2 at or below `warnDays`, P1 at or below `p1Days`. */
  readonly tlsWarnDays?: number;
  readonly tlsP1Days?: number;
}

/**
 * Builds the daily report from this run's checks and the stored history (`previous`, or null when there
 * is no store: then no trends). `goSum` maps `module@version` to the hashes the configured go.sum holds.
 */
export function summarizeReport(
  results: readonly CheckResult[],
  previous: readonly CheckResult[] | null,
  window: ReportWindow,
  goSum: ReadonlyMap<string, ModuleHashes> = new Map(),
): DailyReport {
  const now = Date.parse(window.now);
  const history = previous ?? [];
  const zones = summarizeZones(results, history, now, window);
  const modules = summarizeModules(results, goSum);
  return {
    schema: 'gomod-doctor/report@1',
    generatedAt: window.now,
    trends: previous !== null,
    zones,
    modules,
    findings: [...findModuleFindings(modules), ...findHopFindings(zones)],
  };
}

function summarizeZones(results: readonly CheckResult[], history: readonly CheckResult[], now: number, window: ReportWindow): ZoneSummary[] {
  const pastByHop = groupBy(history, (h) => `${h.zone}\n${h.hop}`);
  return [...groupBy(results, (r) => r.zone)].map(([zone, zoneResults]) => ({
    zone,
    hops: [...groupBy(zoneResults, (r) => r.hop)].map(([hop, checks]) => summarizeHop(hop, checks, pastByHop.get(`${zone}\n${hop}`) ?? [], now, window)),
  }));
}

function summarizeHop(hop: string, checks: readonly CheckResult[], past: readonly CheckResult[], now: number, window: ReportWindow): HopSummary {
  const figures = computeFigures(checks);
  const yesterday = past.filter((p) => isWithin(p.at, now - DAY_MS - HALF_DAY_MS, now - HALF_DAY_MS));
  const week = past.filter((p) => isWithin(p.at, now - window.days * DAY_MS - HALF_DAY_MS, now - HALF_DAY_MS));
  const tls = summarizeTls(checks, now, window);
  return {
    hop,
    role: (checks[0] as CheckResult).role,
    checks: checks.length,
    availability: figures.availability,
    latencyMs: { p50: figures.p50, p95: figures.p95 },
    classes: countClasses(checks),
    ...(tls === null ? {} : { tls }),
    sinceYesterday: compareFigures(checks, figures, yesterday),
    overWeek: compareFigures(checks, figures, week),
    trend: buildTrend([...past, ...checks], now, window.days),
  };
}

interface Figures { readonly availability: number; readonly p50: number | null; readonly p95: number | null }

function computeFigures(checks: readonly CheckResult[]): Figures {
  const latencies = checks.flatMap((c) => (c.latencyMs === null ? [] : [c.latencyMs]));
  return {
    availability: checks.length === 0 ? 0 : round(checks.filter(isPassingCheck).length / checks.length, 4),
    p50: roundOrNull(computePercentile(latencies, 50)),
    p95: roundOrNull(computePercentile(latencies, 95)),
  };
}

function compareFigures(checks: readonly CheckResult[], figures: Figures, earlier: readonly CheckResult[]): HopChange {
  if (earlier.length === 0) return { availability: null, p95Ms: null, newClasses: [] };
  const then = computeFigures(earlier);
  const seenThen = new Set(earlier.map((e) => e.class));
  return {
    availability: round(figures.availability - then.availability, 4),
    p95Ms: figures.p95 === null || then.p95 === null ? null : round(figures.p95 - then.p95, 1),
    newClasses: [...new Set(checks.map((c) => c.class))].filter((c) => !seenThen.has(c)).sort(),
  };
}

function buildTrend(checks: readonly CheckResult[], now: number, days: number): HopDay[] {
  const byDay = groupBy(checks.filter((c) => isWithin(c.at, now - days * DAY_MS, now + DAY_MS)), (c) => c.at.slice(0, 10));
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, dayChecks]) => {
    const f = computeFigures(dayChecks);
    return { day, availability: f.availability, p50Ms: f.p50, p95Ms: f.p95, checks: dayChecks.length };
  });
}

/** Days left on the hop's certificate (the earliest `validTo` seen in this run). */
function summarizeTls(checks: readonly CheckResult[], now: number, window: ReportWindow): HopTls | null {
  const validTos = checks.flatMap((c) => (c.tlsValidTo === null ? [] : [c.tlsValidTo])).sort((a, b) => Date.parse(a) - Date.parse(b));
  const validTo = validTos[0];
  if (validTo === undefined) return null;
  const daysLeft = Math.floor((Date.parse(validTo) - now) / DAY_MS);
  const severity = daysLeft <= (window.tlsP1Days ?? 7) ? 'P1' : daysLeft <= (window.tlsWarnDays ?? 30) ? 'P2' : null;
  return { validTo, daysLeft, severity };
}

function countClasses(checks: readonly CheckResult[]): Partial<Record<FailureClass, number>> {
  const counts: Partial<Record<FailureClass, number>> = {};
  for (const c of checks) counts[c.class] = (counts[c.class] ?? 0) + 1;
  return counts;
}

function summarizeModules(results: readonly CheckResult[], goSum: ReadonlyMap<string, ModuleHashes>): ModuleSummary[] {
  const byModule = groupBy(results.filter((r) => r.module !== null && r.version !== null), (r) => `${r.module ?? ''}@${r.version ?? ''}`);
  return [...byModule].map(([key, checks]) => {
    const first = checks[0] as CheckResult;
    const proxies = checks.filter((c) => c.role === 'proxy' && c.hashes !== undefined)
      .map((c) => ({ zone: c.zone, hop: c.hop, mod: c.hashes?.mod ?? null, zip: c.hashes?.zip ?? null }));
    const sumdbCheck = checks.find((c) => c.role === 'sumdb' && c.hashes !== undefined);
    const sumdb = sumdbCheck?.hashes ?? null;
    const fromGoSum = goSum.get(key) ?? null;
    const sources: HashSource[] = [
      ...(fromGoSum === null ? [] : [{ source: 'go.sum', hashes: fromGoSum }]),
      ...(sumdb === null ? [] : [{ source: 'sumdb', hashes: sumdb }]),
      ...proxies.map((p) => ({ source: `${p.zone} ${p.hop}`, hashes: p })),
    ];
    return {
      module: first.module as string,
      version: first.version as string,
      verdicts: judgeVerdicts(checks),
      hashes: { goSum: fromGoSum, sumdb, proxies },
      consistent: compareModuleHashes(sources, ['go.sum', 'sumdb']).length === 0,
    };
  });
}

/** Fetchable in a zone when a proxy of that zone served it; otherwise the critical proxy's class. */
function judgeVerdicts(checks: readonly CheckResult[]): ModuleVerdict[] {
  const zones = [...new Set(checks.map((c) => c.zone))];
  return zones.map((zone) => {
    const proxies = checks.filter((c) => c.zone === zone && c.role === 'proxy');
    const served = proxies.find(isPassingCheck);
    const failing = proxies.find((c) => c.critical) ?? proxies[0];
    return { zone, fetchable: served !== undefined, class: served?.class ?? failing?.class ?? 'ok' };
  });
}

function findModuleFindings(modules: readonly ModuleSummary[]): ReportFinding[] {
  return modules.flatMap((m) => [
    ...(m.consistent ? [] : [{
      severity: 'P0' as const, kind: 'checksum-difference' as const, zone: null, hop: null, module: `${m.module}@${m.version}`,
      text: `${m.module}@${m.version}: sources disagree on h1 hashes (${describeHashes(m)})`,
    }]),
    ...m.verdicts.filter((v) => !v.fetchable).map((v) => ({
      severity: 'P1' as const, kind: 'module-unfetchable' as const, zone: v.zone, hop: null, module: `${m.module}@${m.version}`,
      text: `${m.module}@${m.version} is not fetchable in zone ${v.zone} (${v.class})`,
    })),
  ]);
}

function describeHashes(m: ModuleSummary): string {
  const parts = [
    ...(m.hashes.goSum === null ? [] : [`go.sum zip ${m.hashes.goSum.zip ?? '-'}`]),
    ...(m.hashes.sumdb === null ? [] : [`sumdb zip ${m.hashes.sumdb.zip ?? '-'}`]),
    ...m.hashes.proxies.map((p) => `${p.hop} (${p.zone}) zip ${p.zip ?? '-'} mod ${p.mod ?? '-'}`),
  ];
  return parts.join('; ');
}

function findHopFindings(zones: readonly ZoneSummary[]): ReportFinding[] {
  return zones.flatMap((z) => z.hops.flatMap((h) => {
    const findings: ReportFinding[] = [];
    if (h.tls?.severity != null) {
      findings.push({
        severity: h.tls.severity, kind: 'tls-expiry', zone: z.zone, hop: h.hop, module: null,
        text: h.tls.daysLeft < 0 ? `certificate of ${h.hop} expired ${-h.tls.daysLeft} days ago`
          : `certificate of ${h.hop} expires in ${h.tls.daysLeft} days (${h.tls.validTo})`,
      });
    }
    if (h.availability < 1) {
      findings.push({
        severity: h.availability === 0 ? 'P1' : 'P2', kind: 'hop-failing', zone: z.zone, hop: h.hop, module: null,
        text: `${h.hop} answered ${Math.round(h.availability * 100)}% of ${h.checks} checks (${Object.keys(h.classes).join(', ')})`,
      });
    }
    return findings;
  }));
}

function isWithin(at: string, from: number, to: number): boolean {
  const t = Date.parse(at);
  return t >= from && t < to;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value, 1);
}
