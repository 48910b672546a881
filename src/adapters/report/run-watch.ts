import type { CheckResult } from '../../core/report/check-result.js';
import { planReportChecks, type ReportPlan, type WatchItem } from '../../core/report/plan-report-checks.js';
import { describePattern } from '../../core/watch/describe-pattern.js';
import { evaluateWatch, type P0Pattern } from '../../core/watch/evaluate-watch.js';
import type { Paging } from '../pager/create-paging.js';
import type { ReportZone } from './build-report.js';
import type { WatchStateStore } from './redis-watch-state-store.js';

export interface RunWatchDeps {
  readonly zones: readonly ReportZone[];
  readonly watchlist: readonly WatchItem[];
  readonly checkZone: (plan: ReportPlan, watchlist: readonly WatchItem[]) => Promise<CheckResult[]>;
  readonly stateStore: WatchStateStore;
  readonly paging: Pick<Paging, 'raise' | 'resolve'>;
}

/**
 * One watch run: checks the proxies and checksum DBs of every zone (no VCS hosts), evaluates the P0
 * patterns against the stored counters, and turns transitions into incident events. Raising before the
 * state is saved makes a crash in between page twice at worst (PagerDuty's dedup absorbs it), never not at all.
 */
export async function runWatch(deps: RunWatchDeps): Promise<P0Pattern[]> {
  const perZone = await Promise.all(deps.zones.map((z) => {
    const plan = planReportChecks(z.name, z.env, deps.watchlist);
    return deps.checkZone({ ...plan, vcs: [] }, deps.watchlist);
  }));
  const { p0Patterns, state } = evaluateWatch(perZone.flat(), await deps.stateStore.load());
  for (const p of p0Patterns) {
    const context = { pattern: p.pattern, hop: p.hop, zone: p.zone, classes: p.classes, modules: p.modules, evidence: p.evidence };
    // A pattern that still holds triggers again: an open incident only notes it, but one a person resolved while
    // the checks still fail opens anew (resolving means fixed; acknowledging is how to silence a known outage).
    if (p.transition === 'resolved') await deps.paging.resolve(p.key, 'watch: two consecutive passing checks');
    else await deps.paging.raise({ id: p.key, severity: 'P0', summary: describePattern(p), context });
  }
  await deps.stateStore.save(state);
  return p0Patterns;
}
