import { FAILURE_CLASSES, type FailureClass } from '../classify/failure-class.js';
import type { CheckResult } from '../report/check-result.js';
import { compareModuleHashes } from '../report/compare-module-hashes.js';
import { groupBy } from '../report/group-by.js';

/** The P0 patterns of taxonomy.md. */
export type P0PatternName = 'supply-chain' | 'build-outage' | 'trust-break';

/** `opened` pages; `resolved` resolves; `continuing` updates evidence only. */
export type PatternTransition = 'opened' | 'continuing' | 'resolved';

export interface P0Pattern {
  /** `pattern|hop|zone`: the PagerDuty dedup_key (never the module alone). */
  readonly key: string;
  readonly pattern: P0PatternName;
  readonly hop: string;
  /** The zone, or `*` for a pattern that spans every zone (trust break). */
  readonly zone: string;
  readonly transition: PatternTransition;
  /** The classes seen in this check (the class may change while the incident stays one). */
  readonly classes: readonly FailureClass[];
  readonly modules: readonly string[];
  readonly evidence: readonly string[];
}

export interface PatternState {
  readonly pattern: P0PatternName;
  readonly hop: string;
  readonly zone: string;
  readonly open: boolean;
  readonly failing: number;
  readonly passing: number;
  /** How often it reopened soon after resolving; each flap doubles the passes needed to resolve. */
  readonly flaps: number;
  readonly resolvedAt: string | null;
}

export interface WatchState {
  readonly patterns: Readonly<Record<string, PatternState>>;
  /** Hop → last time its TLS verified (for the trust-break pattern). */
  readonly verified: Readonly<Record<string, string>>;
}

export interface WatchOptions {
  readonly failuresToOpen: number;
  readonly passesToResolve: number;
  /** A pattern reopening within this time after resolving counts as a flap. */
  readonly flapWindowMs: number;
  /** Trust break needs the hop to have verified within this time ("yesterday"). */
  readonly verifiedWithinMs: number;
}

export const DEFAULT_WATCH_OPTIONS: WatchOptions = {
  failuresToOpen: 2, passesToResolve: 2, flapWindowMs: 3_600_000, verifiedWithinMs: 2 * 86_400_000,
};

export const EMPTY_WATCH_STATE: WatchState = { patterns: {}, verified: {} };

/** Builds the dedup key of a P0 pattern: pattern + hop + zone. */
export function formatPatternKey(pattern: P0PatternName, hop: string, zone: string): string {
  return `${pattern}|${hop}|${zone}`;
}

interface Observation {
  readonly pattern: P0PatternName;
  readonly hop: string;
  readonly zone: string;
  /** True when the pattern holds in this check; false when the check was clean for it. */
  readonly holds: boolean;
  /** Supply-chain integrity pages at once; the others need consecutive failing checks. */
  readonly immediate: boolean;
  readonly classes: FailureClass[];
  readonly modules: string[];
  readonly evidence: string[];
}

/**
 * Evaluates the P0 patterns on one watch run. Pure: the run's time is the latest `at` of its results.
 * A pattern opens after `failuresToOpen` consecutive failing checks (supply chain: at once), and
 * resolves after `passesToResolve` consecutive clean ones (doubled for each flap).
 */
export function evaluateWatch(
  results: readonly CheckResult[],
  state: WatchState,
  options: WatchOptions = DEFAULT_WATCH_OPTIONS,
): { p0Patterns: P0Pattern[]; state: WatchState } {
  const now = results.reduce((max, r) => (r.at > max ? r.at : max), '');
  const observations = [
    ...observeSupplyChain(results),
    ...observeBuildOutage(results),
    ...observeTrustBreak(results, state, now, options),
  ];
  const patterns: Record<string, PatternState> = { ...state.patterns };
  const p0Patterns: P0Pattern[] = [];
  const observed = new Set<string>();
  for (const o of observations) {
    const key = formatPatternKey(o.pattern, o.hop, o.zone);
    if (observed.has(key) && !o.holds) continue;
    observed.add(key);
    const before = patterns[key] ?? { pattern: o.pattern, hop: o.hop, zone: o.zone, open: false, failing: 0, passing: 0, flaps: 0, resolvedAt: null };
    const { next, transition } = stepPattern(before, o, now, options);
    patterns[key] = next;
    if (transition !== null) {
      p0Patterns.push({ key, pattern: o.pattern, hop: o.hop, zone: o.zone, transition, classes: o.classes, modules: o.modules, evidence: o.evidence });
    }
  }
  return { p0Patterns, state: { patterns: prunePatterns(patterns, now, options), verified: recordVerified(results, state.verified) } };
}

function stepPattern(before: PatternState, o: Observation, now: string, options: WatchOptions): { next: PatternState; transition: PatternTransition | null } {
  if (o.holds) {
    const failing = before.failing + 1;
    const next = { ...before, failing, passing: 0 };
    if (before.open) return { next, transition: 'continuing' };
    if (!o.immediate && failing < options.failuresToOpen) return { next, transition: null };
    const flapped = before.resolvedAt !== null && Date.parse(now) - Date.parse(before.resolvedAt) <= options.flapWindowMs;
    return { next: { ...next, open: true, flaps: flapped ? before.flaps + 1 : 0 }, transition: 'opened' };
  }
  const passing = before.passing + 1;
  const next = { ...before, failing: 0, passing };
  if (!before.open) return { next, transition: null };
  if (passing < options.passesToResolve * 2 ** Math.min(before.flaps, 4)) return { next, transition: null };
  return { next: { ...next, open: false, resolvedAt: now }, transition: 'resolved' };
}

/** Forgets closed patterns once they are past the flap window, so the state does not grow for ever. */
function prunePatterns(patterns: Record<string, PatternState>, now: string, options: WatchOptions): Record<string, PatternState> {
  return Object.fromEntries(Object.entries(patterns).filter(([, p]) => p.open || p.failing > 0
    || (p.resolvedAt !== null && Date.parse(now) - Date.parse(p.resolvedAt) <= options.flapWindowMs)));
}

function recordVerified(results: readonly CheckResult[], verified: Readonly<Record<string, string>>): Record<string, string> {
  const next = { ...verified };
  for (const r of results) {
    if (r.tlsValidTo !== null && FAILURE_CLASSES[r.class].family !== 'tls' && (next[r.hop] ?? '') < r.at) next[r.hop] = r.at;
  }
  return next;
}

/** Any checksum mismatch, or proxies that serve different hashes than go.sum/sumdb/each other. */
function observeSupplyChain(results: readonly CheckResult[]): Observation[] {
  const observations: Observation[] = [];
  for (const r of results.filter((x) => x.role === 'proxy')) {
    observations.push({
      pattern: 'supply-chain', hop: r.hop, zone: r.zone, holds: r.class === 'checksum.mismatch', immediate: true,
      classes: [r.class], modules: r.module === null ? [] : [`${r.module}@${r.version ?? ''}`], evidence: [r.evidence],
    });
  }
  const byModule = groupBy(results.filter((r) => r.hashes !== undefined && r.module !== null && r.version !== null), (r) => `${r.module ?? ''}@${r.version ?? ''}`);
  for (const [module, checks] of byModule) {
    const sources = checks.map((c) => ({ source: c.role === 'sumdb' ? 'sumdb' : `${c.zone} ${c.hop}`, hashes: c.hashes as NonNullable<CheckResult['hashes']> }));
    for (const d of compareModuleHashes(sources, ['sumdb'])) {
      for (const bad of d.differing) {
        const check = checks.find((c) => `${c.zone} ${c.hop}` === bad.source || (c.role === 'sumdb' && bad.source === 'sumdb'));
        if (check === undefined) continue;
        observations.push({
          pattern: 'supply-chain', hop: check.hop, zone: check.zone, holds: true, immediate: true, classes: ['checksum.mismatch'], modules: [module],
          evidence: [`${module} ${d.file}: ${bad.source} serves ${bad.hash}, ${d.expectedFrom} says ${d.expected}`],
        });
      }
    }
  }
  return mergeObservations(observations);
}

/** The critical hop of a zone fails with a network, TLS or 5xx class for every watchlist module. */
function observeBuildOutage(results: readonly CheckResult[]): Observation[] {
  const groups = groupBy(results.filter((x) => x.critical && x.role !== 'vcs' && x.module !== null), (r) => `${r.zone}\n${r.hop}`);
  return [...groups.values()].map((checks) => {
    const first = checks[0] as CheckResult;
    const holds = checks.every((c) => isOutageClass(c.class));
    return {
      pattern: 'build-outage', hop: first.hop, zone: first.zone, holds, immediate: false,
      classes: [...new Set(checks.map((c) => c.class))], modules: checks.map((c) => `${c.module ?? ''}@${c.version ?? ''}`),
      evidence: holds ? [...new Set(checks.map((c) => c.evidence))].slice(0, 5) : [],
    };
  });
}

/** A hop that verified recently now fails with an unknown authority in every zone that checks it. */
function observeTrustBreak(results: readonly CheckResult[], state: WatchState, now: string, options: WatchOptions): Observation[] {
  const byHop = groupBy(results.filter((x) => x.role !== 'vcs'), (r) => r.hop);
  const observations: Observation[] = [];
  for (const [hop, checks] of byHop) {
    const zones = new Set(checks.map((c) => c.zone));
    const broken = [...zones].every((z) => checks.some((c) => c.zone === z && c.class === 'tls.unknown_authority'));
    const verifiedAt = state.verified[hop];
    const wasVerified = verifiedAt !== undefined && Date.parse(now) - Date.parse(verifiedAt) <= options.verifiedWithinMs;
    const key = formatPatternKey('trust-break', hop, '*');
    if (broken && !wasVerified && state.patterns[key]?.open !== true) continue;
    observations.push({
      pattern: 'trust-break', hop, zone: '*', holds: broken, immediate: false, classes: broken ? ['tls.unknown_authority'] : [],
      modules: [], evidence: broken ? [...new Set(checks.filter((c) => c.class === 'tls.unknown_authority').map((c) => `${c.zone}: ${c.evidence}`))] : [],
    });
  }
  return observations;
}

function isOutageClass(failureClass: FailureClass): boolean {
  const family = FAILURE_CLASSES[failureClass].family;
  return family === 'dns' || family === 'tcp' || family === 'tls' || family === 'http'
    || failureClass === 'proxy.server_error' || failureClass === 'sumdb.unreachable';
}

/** One observation per pattern key: it holds when any part holds; classes, modules and evidence are joined. */
function mergeObservations(observations: readonly Observation[]): Observation[] {
  const merged = new Map<string, Observation>();
  for (const o of observations) {
    const key = formatPatternKey(o.pattern, o.hop, o.zone);
    const prev = merged.get(key);
    if (prev === undefined) { merged.set(key, o.holds ? o : { ...o, classes: [], modules: [], evidence: [] }); continue; }
    if (!o.holds) continue;
    merged.set(key, {
      ...prev, holds: true,
      classes: [...new Set([...prev.classes, ...o.classes])],
      modules: [...new Set([...prev.modules, ...o.modules])],
      evidence: [...prev.evidence, ...o.evidence],
    });
  }
  return [...merged.values()];
}
