import { parseSumdbLookup } from '../../core/plan/parse-sumdb-lookup.js';
import { hashGoMod } from '../../core/checksum/hash1.js';
import type { CheckResult, ModuleHashes } from '../../core/report/check-result.js';
import {
  formatProxyUrl, formatSumdbLookupUrl, type PlannedHop, type ReportPlan, type WatchItem,
} from '../../core/report/plan-report-checks.js';
import type { HttpProbeOutcome, HttpProbeRequest, ProbeBudget, ProbeRunner } from '../../ports/probe-runner.js';
import { classifyCheck, describeOutcome } from './classify-check.js';
import { runBounded } from './run-bounded.js';

export interface ZoneCheckDeps {
  readonly probe: ProbeRunner;
  /** Wall clock, ISO 8601 (the time a check starts). */
  readonly now: () => string;
  /** Checks in flight at once for this zone. */
  readonly concurrency: number;
  readonly budget: ProbeBudget;
  /** The zone's HTTPS_PROXY for hops not excluded by NO_PROXY, or null. */
  readonly proxyFor: (url: string) => { readonly url: string } | null;
  readonly maxZipBytes?: number;
}

interface ProbeOnce {
  readonly outcome: HttpProbeOutcome;
  readonly at: string;
}

/**
 * Checks every hop of one zone's plan: each proxy for every watchlist module (`.mod` and `.zip`, with
 * their `h1:` hashes), the checksum DB's lookup of each, and the VCS hosts. With no watchlist, each hop
 * gets one reachability check. Each probe opens its own connection, so timings are never a reused socket's
(a probe runner with a TLS session cache resumes sessions: every phase still happens).
 */
export async function runZoneChecks(plan: ReportPlan, watchlist: readonly WatchItem[], deps: ZoneCheckDeps, signal?: AbortSignal): Promise<CheckResult[]> {
  const fetchOnce = async (url: string, expect: HttpProbeRequest['expect'], hop: PlannedHop, zipPrefix?: string): Promise<ProbeOnce> => {
    const at = deps.now();
    const target = new URL(url);
    const basicAuth = target.username === '' ? undefined : { username: decodeURIComponent(target.username), password: decodeURIComponent(target.password) };
    target.username = '';
    target.password = '';
    const request: HttpProbeRequest = {
      url: target.href, expect, maxBodyBytes: expect === 'zip-h1' ? deps.maxZipBytes ?? 500 * 1024 * 1024 : 1024 * 1024,
      proxy: deps.proxyFor(target.href), insecureSkipVerify: false, redirectAllow: [new URL(hop.hop).host.toLowerCase()], maxRedirects: 10,
      budget: deps.budget, ...(basicAuth === undefined ? {} : { basicAuth }), ...(zipPrefix === undefined ? {} : { zipPrefix }),
    };
    return { outcome: await deps.probe.fetch(request, signal), at };
  };
  const versions = await resolveVersions(plan, watchlist, fetchOnce, deps.concurrency);
  const tasks: (() => Promise<CheckResult>)[] = [];
  const targets = watchlist.flatMap((w) => {
    const version = versions.get(w.module);
    return version === undefined ? [] : [{ module: w.module, version }];
  });
  for (const hop of plan.proxies) {
    if (targets.length === 0) tasks.push(() => checkReachable(plan.zone, hop, hop.url.replace(/\/*$/, '/'), fetchOnce));
    for (const t of targets) tasks.push(() => checkProxyModule(plan.zone, hop, t.module, t.version, fetchOnce));
  }
  const sumdb = plan.sumdb;
  if (sumdb !== null) {
    const sumTargets = targets.filter((t) => !plan.noSumdb.has(t.module));
    if (sumTargets.length === 0) tasks.push(() => checkReachable(plan.zone, sumdb, `${sumdb.url}/latest`, fetchOnce));
    for (const t of sumTargets) tasks.push(() => checkSumdbModule(plan.zone, sumdb, t.module, t.version, fetchOnce));
  }
  for (const hop of plan.vcs) tasks.push(() => checkReachable(plan.zone, hop, hop.url, fetchOnce, hop.module));
  return runBounded(tasks, deps.concurrency, (task) => task());
}

type FetchOnce = (url: string, expect: HttpProbeRequest['expect'], hop: PlannedHop, zipPrefix?: string) => Promise<ProbeOnce>;

/** Watchlist entries without a version take what the first proxy answers for `@latest`. */
async function resolveVersions(plan: ReportPlan, watchlist: readonly WatchItem[], fetchOnce: FetchOnce, concurrency: number): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  const first = plan.proxies[0];
  // Bounded like the checks: a watchlist of a thousand unpinned modules is not a thousand sockets at once.
  await runBounded(watchlist, concurrency, async (w) => {
    if (w.version !== undefined) { versions.set(w.module, w.version); return; }
    const url = first === undefined ? null : formatProxyUrl(first.url, w.module, 'latest');
    if (url === null || first === undefined) return;
    const { outcome } = await fetchOnce(url, 'text', first);
    const version = readLatestVersion(outcome);
    if (version !== null) versions.set(w.module, version);
  });
  return versions;
}

function readLatestVersion(outcome: HttpProbeOutcome): string | null {
  if (outcome.http?.status !== 200 || outcome.http.bodyText === undefined) return null;
  try {
    const info = JSON.parse(outcome.http.bodyText) as { Version?: unknown };
    return typeof info.Version === 'string' ? info.Version : null;
  } catch {
    return null; // not JSON: the proxy check itself will name it
  }
}

async function checkProxyModule(zone: string, hop: PlannedHop, module: string, version: string, fetchOnce: FetchOnce): Promise<CheckResult> {
  const base = { zone, hop: hop.hop, role: hop.role, critical: hop.critical, module, version };
  const modUrl = formatProxyUrl(hop.url, module, { version, ext: 'mod' });
  const zipUrl = formatProxyUrl(hop.url, module, { version, ext: 'zip' });
  if (modUrl === null || zipUrl === null) {
    return { ...base, at: '', class: 'input.invalid_module_path', status: null, latencyMs: null, tlsValidTo: null, evidence: `cannot form a proxy URL for ${module}@${version}` };
  }
  const mod = await fetchOnce(modUrl, 'text', hop);
  const common = { ...base, at: mod.at, latencyMs: mod.outcome.timings.totalMs, tlsValidTo: mod.outcome.tls?.validTo ?? null };
  const modClass = classifyCheck(mod.outcome, 'proxy');
  if (modClass !== 'ok') return { ...common, class: modClass, status: mod.outcome.http?.status ?? null, evidence: `.mod: ${describeOutcome(mod.outcome)}` };
  const zip = await fetchOnce(zipUrl, 'zip-h1', hop, `${module}@${version}/`);
  const zipClass = classifyCheck(zip.outcome, 'proxy');
  const modHash = hashGoMod(mod.outcome.http?.bodyText ?? '');
  if (zipClass !== 'ok') {
    return { ...common, class: zipClass, status: zip.outcome.http?.status ?? null, hashes: { mod: modHash, zip: null }, evidence: `.zip: ${describeOutcome(zip.outcome)}` };
  }
  const h1 = zip.outcome.http?.h1;
  if (h1 === undefined) {
    return { ...common, class: 'proxy.bad_content', status: 200, hashes: { mod: modHash, zip: null }, evidence: `.zip: not a module zip (${zip.outcome.http?.zipError ?? 'no hash'})` };
  }
  const hashes: ModuleHashes = { mod: modHash, zip: h1 };
  return { ...common, class: 'ok', status: 200, hashes, evidence: `.mod ${modHash}, .zip ${h1}` };
}

async function checkSumdbModule(zone: string, hop: PlannedHop, module: string, version: string, fetchOnce: FetchOnce): Promise<CheckResult> {
  const base = { zone, hop: hop.hop, role: hop.role, critical: hop.critical, module, version };
  const url = formatSumdbLookupUrl(hop.url, module, version);
  if (url === null) return { ...base, at: '', class: 'input.invalid_module_path', status: null, latencyMs: null, tlsValidTo: null, evidence: 'cannot form a lookup URL' };
  const { outcome, at } = await fetchOnce(url, 'text', hop);
  const cls = classifyCheck(outcome, 'sumdb');
  const common = { ...base, at, status: outcome.http?.status ?? null, latencyMs: outcome.timings.totalMs, tlsValidTo: outcome.tls?.validTo ?? null };
  if (cls !== 'ok') return { ...common, class: cls, evidence: `lookup: ${describeOutcome(outcome)}` };
  const hashes = parseSumdbLookup(outcome.http?.bodyText ?? '', module, version);
  return { ...common, class: 'ok', hashes, evidence: `lookup: .mod ${hashes.mod ?? '-'}, .zip ${hashes.zip ?? '-'}` };
}

async function checkReachable(zone: string, hop: PlannedHop, url: string, fetchOnce: FetchOnce, module: string | null = null): Promise<CheckResult> {
  const { outcome, at } = await fetchOnce(url, 'text', hop);
  const answered = outcome.ok && outcome.http !== null && outcome.http.status < 500 && hop.role === 'proxy';
  const cls = answered ? 'ok' : classifyCheck(outcome, hop.role);
  return {
    zone, hop: hop.hop, role: hop.role, critical: hop.critical, module, version: null, at, class: cls,
    status: outcome.http?.status ?? null, latencyMs: outcome.timings.totalMs, tlsValidTo: outcome.tls?.validTo ?? null,
    evidence: describeOutcome(outcome),
  };
}

