import type { CheckResult, ModuleHashes } from '../../core/report/check-result.js';
import type { DailyReport } from '../../core/report/daily-report.js';
import { planReportChecks, type ReportPlan, type WatchItem } from '../../core/report/plan-report-checks.js';
import { summarizeReport } from '../../core/report/summarize-report.js';
import type { CheckStore } from './redis-check-store.js';

export interface ReportZone {
  readonly name: string;
  /** The zone's Go environment laid over the process environment. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface BuildReportDeps {
  readonly zones: readonly ReportZone[];
  readonly watchlist: readonly WatchItem[];
  /** Runs one zone's checks (in process, or on that zone's workers). */
  readonly checkZone: (plan: ReportPlan, watchlist: readonly WatchItem[]) => Promise<CheckResult[]>;
  /** Null without Redis: the report then has no trends. */
  readonly store: CheckStore | null;
  readonly now: () => string;
  readonly days?: number;
  readonly goSum?: ReadonlyMap<string, ModuleHashes>;
}

/** Checks every zone, keeps the results, and summarizes them with the stored history. */
export async function buildReport(deps: BuildReportDeps): Promise<{ report: DailyReport; results: CheckResult[] }> {
  const days = deps.days ?? 7;
  const perZone = await Promise.all(deps.zones.map((z) => deps.checkZone(planReportChecks(z.name, z.env, deps.watchlist), deps.watchlist)));
  const results = perZone.flat();
  const now = deps.now();
  const since = new Date(Date.parse(now) - (days + 1) * 86_400_000).toISOString();
  const previous = deps.store === null ? null : await deps.store.load(since);
  if (deps.store !== null) await deps.store.append(results);
  return { report: summarizeReport(results, previous, { now, days }, deps.goSum), results };
}

/** go.sum hashes keyed `module@version`, for the report's comparison. */
export function indexGoSum(hashes: ReadonlyMap<string, readonly string[]>): Map<string, ModuleHashes> {
  const index = new Map<string, { mod: string | null; zip: string | null }>();
  for (const [key, list] of hashes) {
    const [module, rawVersion] = key.split(' ');
    if (module === undefined || rawVersion === undefined) continue;
    const isMod = rawVersion.endsWith('/go.mod');
    const version = isMod ? rawVersion.slice(0, -'/go.mod'.length) : rawVersion;
    const entry = index.get(`${module}@${version}`) ?? { mod: null, zip: null };
    if (isMod) entry.mod = list[0] ?? null;
    else entry.zip = list[0] ?? null;
    index.set(`${module}@${version}`, entry);
  }
  return index;
}
