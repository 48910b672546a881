import type { FailureClass } from '../core/classify/failure-class.js';
import { checkGovcs } from '../core/goenv/govcs.js';
import { matchModuleGlobs } from '../core/goenv/match-module-globs.js';
import { compareSemver, isValidSemver, isPrerelease } from '../core/module/semver.js';
import { parseGitRefs } from '../core/plan/parse-git-refs.js';
import { matchGoImport, parseGoImportMeta } from '../core/plan/parse-go-import-meta.js';
import { hopOf, redactUrl } from '../core/plan/go-url.js';
import type { EngineDeps } from './engine-deps.js';
import { failureFromRecord, type Failure } from './failure.js';
import { probeStep, type ProbeRecord } from './probe-step.js';
import type { SourceResult } from './proxy-source.js';

/** How direct mode reaches a module: a GOPROXY named by a `mod` meta tag, or a git repository. */
export type DirectRoute =
  | { readonly kind: 'mod'; readonly proxyBase: string }
  | { readonly kind: 'git'; readonly repoUrl: string; readonly tags: ReadonlyMap<string, string> };

const GIT_HELP = 'Confirm the import path was entered correctly.\nIf this is a private repository, see https://golang.org/doc/faq#git_https for additional information.';
const LS_REMOTE = 'git ls-remote -q origin in <GOMODCACHE>/cache/vcs/<hash>: exit status 128:';

/**
 * Direct mode (https://go.dev/ref/mod#vcs-find): static rules for the big hosts, else `?go-get=1` discovery; then
 * for git the smart-HTTP ref advertisement (what `git ls-remote` asks for) with git's ~/.netrc credentials.
 * Errors while finding the repository are "not exist" to the go command, so a GOPROXY list keeps walking.
 */
export async function resolveDirectRoute(
  deps: EngineDeps,
  module: string,
  record: (r: ProbeRecord) => void,
  allow: (origin: string) => readonly string[],
  signal?: AbortSignal,
): Promise<SourceResult<DirectRoute>> {
  const insecure = deps.goEnv.values.GOINSECURE !== '' && matchModuleGlobs(deps.goEnv.values.GOINSECURE, module);
  const staticRoot = staticRepoRoot(module);
  let repoUrl: string;
  if (staticRoot !== null) {
    repoUrl = staticRoot.url;
  } else {
    let url = `https://${module}?go-get=1`;
    let discovery = await probeStep(deps, { step: 'discovery', role: 'discovery', url, expect: 'text', maxBodyBytes: 1 << 20, credentials: 'go', insecure }, allow(hopOf(url)), signal);
    record(discovery);
    if (insecure && discovery.outcome.http === null) {
      // GOINSECURE: when https gets no response at all, the go command retries over plain http.
      url = `http://${module}?go-get=1`;
      discovery = await probeStep(deps, { step: 'discovery', role: 'discovery', url, expect: 'text', maxBodyBytes: 1 << 20, credentials: 'none' }, allow(hopOf(url)), signal);
      record(discovery);
    }
    const scheme = insecure ? 'http/https fetch' : 'https fetch';
    const unrecognized = (inner: string) => `unrecognized import path "${module}": ${inner}`;
    if (discovery.outcome.http === null) {
      const failure = failureFromRecord(discovery);
      const inner = failure.goText === null ? null : failure.goText.replace(/^https fetch: /, `${scheme}: `);
      return { ok: false, failure: { ...failure, notExist: true, goText: inner === null ? null : unrecognized(inner) } };
    }
    const imports = parseGoImportMeta(discovery.outcome.http.bodyText ?? '');
    const match = matchGoImport(imports, module, redactUrl(url));
    if (!match.ok) {
      const failure = failureFromRecord(discovery);
      if (discovery.outcome.http.status !== 200 && imports.length === 0) {
        return { ok: false, failure: { ...failure, cls: 'vcs.unrecognized_import_path', notExist: true, goText: failure.goText === null ? null : unrecognized(failure.goText) } };
      }
      return {
        ok: false,
        failure: { ...failure, cls: 'vcs.unrecognized_import_path', cause: null, notExist: true, evidence: `discovery page has no go-import tag for ${module}`, goText: unrecognized(match.error) },
      };
    }
    if (match.match.vcs === 'mod') return { ok: true, value: { kind: 'mod', proxyBase: match.match.repoRoot.replace(/\/$/, '') } };
    if (match.match.vcs !== 'git') {
      return { ok: false, failure: configFailure(discovery, `unrecognized import path "${module}": ${redactUrl(url)}: unknown vcs "${match.match.vcs}"`, `meta tag names ${match.match.vcs}`) };
    }
    repoUrl = match.match.repoRoot;
    const repoRoot = match.match.prefix;
    const denied = checkGovcs(deps.goEnv.govcs, deps.goEnv.values.GOPRIVATE, repoRoot, 'git');
    if (denied !== null) return { ok: false, failure: configFailure(discovery, unrecognized(denied), `GOVCS=${deps.goEnv.govcs || '(default)'} refuses git for ${repoRoot}`) };
  }

  const refsUrl = `${repoUrl.replace(/\/$/, '')}/info/refs?service=git-upload-pack`;
  const refs = await probeStep(deps, { step: 'git-refs', role: 'vcs', url: refsUrl, expect: 'text', maxBodyBytes: 4 << 20, credentials: 'go' }, allow(hopOf(refsUrl)), signal);
  record(refs);
  if (refs.verdict.cls === 'ok') return { ok: true, value: { kind: 'git', repoUrl, tags: tagsOf(refs.outcome.http?.bodyText ?? '') } };
  const failure = gitFailure(refs, repoUrl);
  if (!/^https?:/.test(repoUrl)) return { ok: false, failure };
  // When `git ls-remote` fails on an http(s) remote the go command GETs the repository URL itself: a 404 or 410
  // there makes the error "not exist", so a GOPROXY list keeps walking (codehost/git.go).
  const check = await probeStep(deps, { step: 'repo-check', role: 'vcs', url: repoUrl, expect: 'none', maxBodyBytes: 1 << 16, credentials: 'go' }, allow(hopOf(repoUrl)), signal);
  record(check);
  const status = check.outcome.http?.status;
  return { ok: false, failure: { ...failure, notExist: status === 404 || status === 410 } };
}

/** The version the go command would pick for `@latest` from a repository's tags. */
export function latestTag(tags: ReadonlyMap<string, string>): string | null {
  const versions = [...tags.keys()].filter((v) => isValidSemver(v));
  const releases = versions.filter((v) => !isPrerelease(v));
  const pool = releases.length > 0 ? releases : versions;
  return pool.reduce<string | null>((best, v) => (best === null || compareSemver(v, best) > 0 ? v : best), null);
}

export function unknownRevision(route: DirectRoute & { kind: 'git' }, version: string): Failure {
  return {
    cls: 'vcs.unknown_revision', cause: null, hop: hopOf(route.repoUrl), hopRole: 'vcs', step: 'git-refs',
    evidence: `repository ${redactUrl(route.repoUrl)} has no tag ${version}`,
    goText: `invalid version: unknown revision ${version}`, hangs: false, notExist: true,
  };
}

function tagsOf(body: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [ref, sha] of parseGitRefs(body)) if (ref.startsWith('refs/tags/')) tags.set(ref.slice('refs/tags/'.length), sha);
  return tags;
}

function staticRepoRoot(module: string): { url: string } | null {
  const match = /^(github\.com|bitbucket\.org)\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)(\/|$)/.exec(module);
  if (match === null) return null;
  return { url: `https://${match[1]}/${match[2]}/${match[3]}` };
}

function configFailure(record: ProbeRecord, goText: string, evidence: string): Failure {
  return { ...failureFromRecord(record), cls: 'config.invalid', cause: null, notExist: false, goText, evidence };
}

/** What git prints (through the go command's RunError) for a failed ref advertisement. */
function gitFailure(record: ProbeRecord, repoUrl: string): Failure {
  const failure = failureFromRecord(record);
  const url = `${redactUrl(repoUrl).replace(/\/$/, '')}/`;
  const host = hopOf(repoUrl);
  const status = record.outcome.http?.status ?? null;
  let gitLines: string;
  let cls: FailureClass = failure.cls;
  if (status === 401 || status === 403) {
    cls = 'vcs.auth_required';
    gitLines = `\tfatal: could not read Username for '${host}': terminal prompts disabled\n${GIT_HELP}`;
  } else if (status === 404 || status === 410) {
    cls = 'vcs.unknown_revision';
    gitLines = `\tremote: Repository not found\n\tfatal: repository '${url}' not found`;
  } else if (status !== null) {
    gitLines = `\tfatal: unable to access '${url}': The requested URL returned error: ${status}`;
  } else {
    gitLines = `\tfatal: unable to access '${url}': ${curlText(failure.cls, new URL(repoUrl).hostname)}`;
  }
  return { ...failure, cls, cause: null, notExist: status === 404 || status === 410, goText: `invalid version: ${LS_REMOTE}\n${gitLines}` };
}

function curlText(cls: FailureClass, host: string): string {
  switch (cls) {
    case 'dns.nxdomain':
    case 'dns.servfail':
    case 'dns.timeout':
    case 'dns.unreachable': return `Could not resolve host: ${host}`;
    case 'tcp.refused': return `Failed to connect to ${host} port 443: Couldn't connect to server`;
    case 'tcp.timeout': return `Failed to connect to ${host} port 443: Connection timed out`;
    case 'tls.unknown_authority':
    case 'tls.expired':
    case 'tls.hostname_mismatch': return 'server certificate verification failed. CAfile: none CRLfile: none';
    default: return 'Recv failure: Connection reset by peer';
  }
}
