import { matchModuleGlobs } from '../core/goenv/match-module-globs.js';
import { escapePath, escapeVersion } from '../core/module/escape-module-path.js';
import { lookupGoSum } from '../core/module/parse-go-sum.js';
import { goPathEscape, hopOf } from '../core/plan/go-url.js';
import { parseSumdbLookup, type SumdbRecord } from '../core/plan/parse-sumdb-lookup.js';
import { continuesAfter } from '../core/plan/walk-proxy-list.js';
import type { EngineDeps } from './engine-deps.js';
import { failureFromRecord, type Failure } from './failure.js';
import { probeStep, type ProbeRecord } from './probe-step.js';
import type { SourceResult } from './proxy-source.js';

export type Verification = { readonly ok: true; readonly source: 'go.sum' | 'sumdb' | 'none' } | { readonly ok: false; readonly failure: Failure };

/**
 * The go command's checks of a downloaded go.mod or zip (cmd/go/internal/modfetch/fetch.go): go.sum first, even
 * with GOSUMDB=off; else the checksum database unless GOSUMDB=off or GONOSUMDB matches.
 * https://go.dev/ref/mod#checksum-database
 */
export interface ChecksumVerifier {
  /** `unknownHash`: the bits came from git, which we do not clone; only the database record is checked for. */
  verify(version: string, kind: 'go.mod' | 'zip', hash: string, unknownHash?: boolean): Promise<Verification>;
  /** Whether the checksum database would be asked for this module. */
  readonly usesSumdb: boolean;
}

const SECURITY_GOSUM = 'This download does NOT match an earlier download recorded in go.sum.';
const SECURITY_SUMDB = 'This download does NOT match the one reported by the checksum server.';
const SECURITY_TAIL = 'The bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see \'go help module-auth\'.';

export function createChecksumVerifier(
  deps: EngineDeps,
  module: string,
  record: (r: ProbeRecord) => void,
  allow: (origin: string) => readonly string[],
  signal?: AbortSignal,
): ChecksumVerifier {
  const { goEnv } = deps;
  const usesSumdb = goEnv.sumdb.kind !== 'off' && !(goEnv.values.GONOSUMDB !== '' && matchModuleGlobs(goEnv.values.GONOSUMDB, module));
  const lookups = new Map<string, Promise<SourceResult<SumdbRecord & { name: string }>>>();

  const lookup = (version: string) => {
    let pending = lookups.get(version);
    if (pending === undefined) {
      pending = lookupSumdb(version);
      lookups.set(version, pending);
    }
    return pending;
  };

  async function lookupSumdb(version: string): Promise<SourceResult<SumdbRecord & { name: string }>> {
    const setting = goEnv.sumdb;
    if (setting.kind === 'invalid') return { ok: false, failure: configFailure(setting.error) };
    if (setting.kind === 'off') return { ok: false, failure: configFailure('GOSUMDB=off') };
    const base = await findBase(setting.name, setting.url);
    if (!base.ok) return base;
    const escapedPath = escapePath(module);
    const escapedVersion = escapeVersion(version);
    const url = `${base.value}/lookup/${goPathEscape(escapedPath.ok ? escapedPath.value : module)}@${goPathEscape(escapedVersion.ok ? escapedVersion.value : version)}`;
    const r = await probeStep(deps, { step: 'sumdb-lookup', role: 'sumdb', url, expect: 'text', maxBodyBytes: 1 << 20, credentials: 'go' }, allow(hopOf(url)), signal);
    record(r);
    if (r.verdict.cls !== 'ok') return { ok: false, failure: failureFromRecord(r) };
    return { ok: true, value: { ...parseSumdbLookup(r.outcome.http?.bodyText ?? '', module, version), name: setting.name } };
  }

  /** `initBase`: a proxy that serves `/sumdb/<name>/supported` carries the database; else `https://<name>`. */
  async function findBase(name: string, explicit: string | null): Promise<SourceResult<string>> {
    if (explicit !== null) return { ok: true, value: explicit.replace(/\/$/, '') };
    if (goEnv.proxyList.ok) {
      for (const entry of goEnv.proxyList.entries) {
        if (entry.kind === 'noproxy') continue;
        if (entry.kind === 'direct' || entry.kind === 'off') break;
        const url = `${entry.url}/sumdb/${name}/supported`;
        const r = await probeStep(deps, { step: 'sumdb-supported', role: 'sumdb', url, expect: 'none', maxBodyBytes: 4096, credentials: 'go' }, allow(hopOf(url)), signal);
        record(r);
        if (r.verdict.cls === 'ok') return { ok: true, value: `${entry.url}/sumdb/${name}` };
        if (!continuesAfter(entry, r.verdict.notExist)) return { ok: false, failure: failureFromRecord(r) };
      }
    }
    return { ok: true, value: `https://${name}` };
  }

  function configFailure(error: string): Failure {
    return { cls: 'config.invalid', cause: null, hop: null, hopRole: null, step: 'config', evidence: `GOSUMDB=${goEnv.values.GOSUMDB}`, goText: error, hangs: false, notExist: false };
  }

  return {
    usesSumdb,
    async verify(version, kind, hash, unknownHash = false) {
      const label = kind === 'go.mod' ? `${module}@${version}/go.mod` : `${module}@${version}`;
      const recorded = deps.goSum === null || unknownHash ? [] : lookupGoSum(deps.goSum, module, version, kind);
      if (recorded.length > 0) {
        if (recorded.includes(hash)) return { ok: true, source: 'go.sum' };
        return {
          ok: false,
          failure: mismatch(kind, `verifying ${label}: checksum mismatch\n\tdownloaded: ${hash}\n\tgo.sum:     ${recorded[0] ?? ''}\n\nSECURITY ERROR\n${SECURITY_GOSUM}\n${SECURITY_TAIL}`,
            `downloaded ${hash} ≠ go.sum ${recorded[0] ?? ''}`, true),
        };
      }
      if (!usesSumdb) return { ok: true, source: 'none' };
      const wrapper = kind === 'go.mod' ? 'verifying go.mod' : 'verifying module';
      const found = await lookup(version);
      if (!found.ok) {
        const inner = found.failure.goText;
        return { ok: false, failure: { ...found.failure, goText: inner === null ? null : `${wrapper}: ${label}: ${inner}` } };
      }
      const expected = kind === 'go.mod' ? found.value.mod : found.value.zip;
      if (expected === null) {
        return { ok: false, failure: { cls: 'sumdb.not_found', cause: null, hop: null, hopRole: 'sumdb', step: 'sumdb-lookup', evidence: `no ${kind} record for ${label}`, goText: `${wrapper}: ${label}: missing record`, hangs: false, notExist: false } };
      }
      if (expected === hash || unknownHash) return { ok: true, source: 'sumdb' };
      return {
        ok: false,
        failure: mismatch(kind, `${wrapper}: checksum mismatch\n\tdownloaded: ${hash}\n\t${found.value.name}: ${expected}\n\nSECURITY ERROR\n${SECURITY_SUMDB}\n${SECURITY_TAIL}`,
          `downloaded ${hash} ≠ ${found.value.name} ${expected}`, false),
      };
    },
  };
}

function mismatch(kind: 'go.mod' | 'zip', goText: string, evidence: string, bare: boolean): Failure {
  return { cls: 'checksum.mismatch', cause: null, hop: null, hopRole: null, step: kind === 'go.mod' ? 'mod' : 'zip', evidence, goText, bare, hangs: false, notExist: false };
}
