import { classifyProbe, type ProbeRole, type ProbeVerdict } from '../core/classify/classify-probe.js';
import type { FailureClass } from '../core/classify/failure-class.js';
import type { HopRole, StepKind, StepReport } from '../core/diagnosis.js';
import { findNetrcCredentials } from '../core/goenv/find-netrc-credentials.js';
import { selectHttpProxy } from '../core/goenv/select-http-proxy.js';
import { hopOf, redactUrl, splitUrl } from '../core/plan/go-url.js';
import type { BodyExpectation, HttpProbeOutcome } from '../ports/probe-runner.js';
import type { EngineDeps } from './engine-deps.js';

/** One request the go command would make, with what we saw. */
export interface ProbeRecord {
  readonly step: StepKind;
  readonly role: ProbeRole;
  readonly outcome: HttpProbeOutcome;
  readonly verdict: ProbeVerdict;
}

export interface ProbeStepOptions {
  readonly step: StepKind;
  readonly role: ProbeRole;
  readonly url: string;
  readonly expect: BodyExpectation;
  readonly maxBodyBytes: number;
  readonly zipPrefix?: string;
  /** GOINSECURE direct fetches: certificate checks off. */
  readonly insecure?: boolean;
  /** git reads ~/.netrc as well; the go command's own requests apply .netrc only to https. */
  readonly credentials: 'go' | 'none';
}

/** Hosts a redirect may reach: the request's own origin and the hosts the plan already names. */
export type RedirectAllow = readonly string[];

/** Runs one request through the probe port with the go command's credentials, proxy and trust settings. */
export async function probeStep(deps: EngineDeps, options: ProbeStepOptions, allow: RedirectAllow, signal?: AbortSignal): Promise<ProbeRecord> {
  const split = splitUrl(options.url);
  const netrc = options.credentials === 'go' && split.scheme === 'https' ? findNetrcCredentials(deps.goEnv.netrc, split.url) : null;
  // net/http sends URL userinfo only when no Authorization header is set; .netrc is applied first and wins.
  const basicAuth = netrc !== null
    ? { username: netrc.login, password: netrc.password }
    : split.username !== null ? { username: split.username, password: split.password ?? '' } : undefined;
  const proxy = selectHttpProxy(deps.goEnv.httpProxy, split.url);
  const outcome = await deps.probes.fetch({
    url: split.url,
    expect: options.expect,
    maxBodyBytes: options.maxBodyBytes,
    ...(options.zipPrefix === undefined ? {} : { zipPrefix: options.zipPrefix }),
    ...(basicAuth === undefined ? {} : { basicAuth }),
    proxy: proxy === null ? null : { url: proxy },
    insecureSkipVerify: options.insecure === true,
    redirectAllow: allow,
    maxRedirects: 10,
    budget: deps.budget,
  }, signal);
  const verdict = classifyProbe({ ...outcome, url: options.url }, {
    role: options.role,
    goVersion: deps.goEnv.goVersion,
    observedAt: deps.isoNow(),
    proxyUrl: proxy,
  });
  return { step: options.step, role: options.role, outcome, verdict };
}

/** The hop-table row for a probe. */
export function toStepReport(record: ProbeRecord, outcome: StepReport['outcome'], override?: { cls?: FailureClass; note?: string }): StepReport {
  const cls = override?.cls ?? record.verdict.cls;
  const roleOf: Record<ProbeRole, HopRole> = { proxy: 'proxy', sumdb: 'sumdb', discovery: 'vcs', vcs: 'vcs' };
  return {
    hop: hopOf(record.outcome.url),
    role: record.verdict.hopRole === 'http-proxy' ? 'http-proxy' : roleOf[record.role],
    step: record.step,
    url: redactUrl(record.outcome.url),
    class: cls,
    status: record.outcome.http?.status ?? null,
    timings: record.outcome.timings,
    outcome,
    ...(override?.note === undefined ? {} : { note: override.note }),
  };
}
