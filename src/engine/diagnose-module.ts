import { classTitle, defaultSeverity, type FailureClass } from '../core/classify/failure-class.js';
import type { Diagnosis, Finding, StepReport } from '../core/diagnosis.js';
import type { ProxyEntry } from '../core/goenv/go-env.js';
import { matchModuleGlobs } from '../core/goenv/match-module-globs.js';
import { hashGoMod } from '../core/checksum/hash1.js';
import { checkModuleVersion, classifyVersionQuery } from '../core/module/check-version.js';
import { parseModuleQuery } from '../core/module/parse-module-query.js';
import { hopOf } from '../core/plan/go-url.js';
import { continuesAfter, selectReportedError, type FailedAttempt } from '../core/plan/walk-proxy-list.js';
import { selectPlaybook } from '../core/playbooks/select-playbook.js';
import { createChecksumVerifier } from './checksum-verifier.js';
import { latestTag, resolveDirectRoute, unknownRevision, type DirectRoute } from './direct-source.js';
import type { DiagnoseRequest } from './diagnoser.js';
import type { EngineDeps } from './engine-deps.js';
import type { Failure } from './failure.js';
import { toStepReport, type ProbeRecord } from './probe-step.js';
import { createProxySource, type ProxySource, type SourceResult } from './proxy-source.js';

type Kind = { readonly type: 'query'; readonly prefix: string | null } | { readonly type: 'info' | 'mod' | 'zip'; readonly version: string };

/**
 * Walks exactly the path the go command would take for `go mod download <module>@<version>` under `deps.goEnv`,
 * probing each request it would make, and names the failure the go command would stop on.
 * https://go.dev/ref/mod#module-proxy, https://go.dev/ref/mod#goproxy-protocol
 */
export async function diagnoseModule(request: DiagnoseRequest, deps: EngineDeps, signal?: AbortSignal): Promise<Diagnosis> {
  const started = deps.monotonicMs();
  const { goEnv } = deps;
  const typed = request.version ?? 'latest';
  const records: ProbeRecord[] = [];
  /** Records in the order the walk relied on them: the go command's own order of requests. */
  const consumed: ProbeRecord[] = [];
  const passedOver: Failure[] = [];
  const record = (r: ProbeRecord) => records.push(r);
  const use = (r: ProbeRecord) => {
    if (!consumed.includes(r)) consumed.push(r);
  };
  const recordAndUse = (r: ProbeRecord) => {
    record(r);
    use(r);
  };

  const finish = (failure: Failure | null, resolvedVersion?: string, goContext?: string): Diagnosis =>
    buildDiagnosis({ request, deps, typed, failure, records, consumed, passedOver, started, goContext, resolvedVersion });

  const query = parseModuleQuery(request.version === null ? request.module : `${request.module}@${request.version}`, 'mod download');
  if (!query.ok) return finish(inputFailure(query.class, query.reason), undefined, query.message);
  const module = query.module;
  const versionKind = classifyVersionQuery(request.version);
  if (versionKind === 'canonical' && request.version !== null) {
    const reason = checkModuleVersion(module, request.version);
    if (reason !== null) return finish(inputFailure('input.invalid_version', reason), undefined, `go: ${reason}`);
  }
  if (goEnv.flags.error !== null) return finish(configFailure(goEnv.flags.error, `GOFLAGS=${goEnv.values.GOFLAGS}`), undefined, goEnv.flags.error);
  if (!goEnv.proxyList.ok) return finish(configFailure(goEnv.proxyList.error, `GOPROXY=${goEnv.values.GOPROXY}`));

  const entries = goEnv.proxyList.entries;
  const allowed = new Set<string>(planHosts(entries, goEnv.sumdb.kind === 'db' ? goEnv.sumdb : null, module));
  const allow = (origin: string) => {
    allowed.add(hostPort(origin));
    return [...allowed];
  };
  const sources = new Map<string, ProxySource>();
  const sourceFor = (base: string) => {
    let source = sources.get(base);
    if (source === undefined) {
      source = createProxySource(deps, module, base, record, use, allow(hopOf(base)), signal);
      sources.set(base, source);
    }
    return source;
  };
  let direct: Promise<SourceResult<DirectRoute>> | null = null;
  const directRoute = () => (direct ??= resolveDirectRoute(deps, module, recordAndUse, allow, signal));
  const noproxyMatches = goEnv.values.GONOPROXY !== '' && matchModuleGlobs(goEnv.values.GONOPROXY, module);

  const fetchFrom = (source: ProxySource, kind: Kind) => runKind(source, kind);

  const runKind = async (source: ProxySource, kind: Kind): Promise<SourceResult<{ version: string; data: string | null }>> => {
    switch (kind.type) {
      case 'query': {
        const info = await source.query(kind.prefix);
        return info.ok ? { ok: true, value: { version: info.value.version, data: null } } : info;
      }
      case 'info': {
        const info = await source.info(kind.version);
        if (info.ok) source.prefetch(info.value.version);
        return info.ok ? { ok: true, value: { version: info.value.version, data: null } } : info;
      }
      case 'mod': {
        const mod = await source.mod(kind.version);
        return mod.ok ? { ok: true, value: { version: kind.version, data: mod.value } } : mod;
      }
      case 'zip': {
        const zip = await source.zip(kind.version);
        return zip.ok ? { ok: true, value: { version: kind.version, data: zip.value } } : zip;
      }
    }
  };

  const fetchDirect = async (kind: Kind): Promise<SourceResult<{ version: string; data: string | null }>> => {
    const route = await directRoute();
    if (!route.ok) return route;
    if (route.value.kind === 'mod') return fetchFrom(sourceFor(route.value.proxyBase), kind);
    const git = route.value;
    if (kind.type === 'query') {
      const tag = latestTag(git.tags);
      return tag === null ? { ok: false, failure: { ...unknownRevision(git, typed), goText: `no matching versions for query "${typed}"` } } : { ok: true, value: { version: tag, data: null } };
    }
    if (!git.tags.has(kind.version)) return { ok: false, failure: unknownRevision(git, kind.version) };
    // The repository answers and has the tag; the go command would now fetch and zip it with git.
    return { ok: true, value: { version: kind.version, data: null } };
  };

  const walk = async (kind: Kind): Promise<SourceResult<{ version: string; data: string | null }>> => {
    const attempts: FailedAttempt<Failure>[] = [];
    for (const entry of entries) {
      let result: SourceResult<{ version: string; data: string | null }>;
      let useProxy = false;
      if (entry.kind === 'noproxy') {
        if (noproxyMatches) result = await fetchDirect(kind);
        else {
          useProxy = true;
          result = { ok: false, failure: internalNotFound('path does not match GOPRIVATE/GONOPROXY') };
        }
      } else if (entry.kind === 'url') {
        result = noproxyMatches ? { ok: false, failure: internalNotFound('disabled by GOPRIVATE/GONOPROXY') } : await fetchFrom(sourceFor(entry.url), kind);
      } else if (entry.kind === 'direct') {
        result = await fetchDirect(kind);
      } else {
        result = { ok: false, failure: { ...configFailure('module lookup disabled by GOPROXY=off', 'GOPROXY=off'), cls: 'config.goproxy_off', notExist: true } };
      }
      if (result.ok) {
        for (const attempt of attempts) if (!attempt.notExist) passedOver.push(attempt.error);
        return result;
      }
      attempts.push({ entry, notExist: result.failure.notExist, useProxy, error: result.failure });
      if (!continuesAfter(entry, result.failure.notExist)) break;
    }
    const reported = selectReportedError(attempts);
    return { ok: false, failure: reported?.error ?? internalNotFound('no GOPROXY entries') };
  };

  const verifier = createChecksumVerifier(deps, module, recordAndUse, allow, signal);
  const revision = versionKind === 'revision';
  const resolved = versionKind === 'latest' || versionKind === 'semver-noncanonical'
    ? await walk({ type: 'query', prefix: versionKind === 'latest' ? null : request.version })
    : await walk({ type: 'info', version: request.version ?? '' });
  if (!resolved.ok) {
    const { failure } = resolved;
    if (failure.goText === null || failure.bare === true) return finish(failure);
    if (revision) return finish({ ...failure, goText: `invalid version: ${failure.goText}` });
    // A query (`@latest`) that fails is reported against the module, not a version.
    if (versionKind !== 'canonical') return finish(failure, undefined, `go: module ${module}: ${failure.goText}`);
    return finish(failure);
  }
  const version = resolved.value.version;

  const mod = await walk({ type: 'mod', version });
  if (!mod.ok) return finish(mod.failure, version, undefined);
  const modCheck = await verifier.verify(version, 'go.mod', mod.value.data === null ? '' : hashGoMod(mod.value.data), mod.value.data === null);
  if (!modCheck.ok) return finish(withServingHop(modCheck.failure, consumed, 'mod'), version);

  const zip = await walk({ type: 'zip', version });
  if (!zip.ok) return finish(zip.failure, version);
  const zipCheck = await verifier.verify(version, 'zip', zip.value.data ?? '', zip.value.data === null);
  if (!zipCheck.ok) return finish(withServingHop(zipCheck.failure, consumed, 'zip'), version);
  return finish(null, version);
}

/** A checksum mismatch names the hop that served the bits (the P0's dedup key is pattern + hop + zone). */
function withServingHop(failure: Failure, consumed: readonly ProbeRecord[], step: 'mod' | 'zip'): Failure {
  if (failure.cls !== 'checksum.mismatch' || failure.hop !== null) return failure;
  const served = [...consumed].reverse().find((r) => r.step === step && r.verdict.cls === 'ok');
  return served === undefined ? failure : { ...failure, hop: served.verdict.hop, hopRole: 'proxy' };
}

function inputFailure(cls: FailureClass, reason: string): Failure {
  return { cls, cause: null, hop: null, hopRole: null, step: null, evidence: reason, goText: reason, hangs: false, notExist: false };
}

function configFailure(goText: string, evidence: string): Failure {
  return { cls: 'config.invalid', cause: null, hop: null, hopRole: null, step: 'config', evidence, goText, hangs: false, notExist: false };
}

function internalNotFound(text: string): Failure {
  return { cls: 'module.not_found', cause: null, hop: null, hopRole: null, step: null, evidence: text, goText: text, hangs: false, notExist: true };
}

/** The hosts the go command could contact for this module: every GOPROXY entry, the checksum DB, the module's host. */
function planHosts(entries: readonly ProxyEntry[], sumdb: { name: string; url: string | null } | null, module: string): string[] {
  const hosts: string[] = [];
  for (const entry of entries) if (entry.kind === 'url') hosts.push(hostPort(entry.url));
  if (sumdb !== null) hosts.push(sumdb.url === null ? `${sumdb.name.split('/')[0] ?? ''}:443` : hostPort(sumdb.url));
  hosts.push(`${module.split('/')[0] ?? ''}:443`);
  return hosts;
}

function hostPort(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port === '' ? (parsed.protocol === 'http:' ? '80' : '443') : parsed.port}`.toLowerCase();
  } catch {
    return url;
  }
}

interface BuildInput {
  readonly request: DiagnoseRequest;
  readonly deps: EngineDeps;
  readonly typed: string;
  readonly failure: Failure | null;
  readonly records: readonly ProbeRecord[];
  readonly consumed: readonly ProbeRecord[];
  readonly passedOver: readonly Failure[];
  readonly started: number;
  readonly goContext: string | undefined;
  readonly resolvedVersion: string | undefined;
}

function buildDiagnosis(input: BuildInput): Diagnosis {
  const { request, deps, typed, failure } = input;
  const findings: Finding[] = [];
  if (failure !== null) findings.push(toFinding(failure, goErrorFor(failure, request.module, input.resolvedVersion ?? typed, input.goContext)));
  for (const passed of input.passedOver) {
    findings.push({ ...toFinding(passed, null), title: `${classTitle(passed.cls)} (passed over: the next GOPROXY entry answered)` });
  }
  const skipped = input.records.filter((r) => !input.consumed.includes(r));
  const steps: StepReport[] = [
    ...input.consumed.map((r) => toStepReport(r, stepOutcome(r, failure))),
    ...skipped.map((r) => toStepReport(r, 'skipped', { note: 'fetched ahead on the same host; the go command stops before it' })),
  ];
  const cls: FailureClass = failure?.cls ?? 'ok';
  const severity = failure === null ? null : defaultSeverity(cls);
  const version = request.version ?? 'latest';
  const playbook = failure === null ? null : selectPlaybook(cls, {
    module: request.module,
    version: input.resolvedVersion ?? request.version,
    hop: failure.hop,
    evidence: failure.evidence,
    zone: request.zone,
    goEnv: { values: deps.goEnv.values, sources: deps.goEnv.sources },
    diagnoseCommand: deps.diagnoseCommand(request.module, request.version),
  });
  const goVersion = `${deps.goEnv.goVersion.text} (${deps.goEnv.goVersion.source === 'path' ? 'go on PATH' : 'no go on PATH: current release assumed'})`;
  return {
    schema: 'gomod-doctor/diagnosis@1',
    module: request.module,
    version,
    ...(input.resolvedVersion !== undefined && input.resolvedVersion !== version ? { resolvedVersion: input.resolvedVersion } : {}),
    zone: request.zone,
    verdict: failure !== null ? 'fail' : input.passedOver.length > 0 ? 'warn' : 'ok',
    class: cls,
    severity,
    findings,
    steps,
    playbook,
    goVersion,
    elapsedMs: Math.round(deps.monotonicMs() - input.started),
  };
}

function stepOutcome(r: ProbeRecord, failure: Failure | null): StepReport['outcome'] {
  if (r.verdict.cls === 'ok') return 'ok';
  if (failure !== null && failure.hop === r.verdict.hop && failure.step === r.step) return 'failed';
  return 'fell-through';
}

function toFinding(failure: Failure, goError: string | null): Finding {
  const evidence = failure.cause === null ? failure.evidence : `${failure.cause}: ${failure.evidence}`;
  return {
    class: failure.cls,
    severity: defaultSeverity(failure.cls),
    title: classTitle(failure.cls),
    hop: failure.hop,
    step: failure.step,
    evidence,
    goError,
  };
}

/** The error block the go command prints for this failure. */
function goErrorFor(failure: Failure, module: string, typed: string, context: string | undefined): string | null {
  if (context !== undefined) return context;
  if (failure.hangs || failure.goText === null) return null;
  if (failure.bare === true) return failure.cls === 'checksum.mismatch' ? failure.goText : `go: ${failure.goText}`;
  return `go: ${module}@${typed}: ${failure.goText}`;
}
