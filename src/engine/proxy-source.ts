import { escapePath, escapeVersion } from '../core/module/escape-module-path.js';
import { goPathEscape, redactUrl } from '../core/plan/go-url.js';
import { selectLatestVersion } from '../core/plan/select-latest-version.js';
import type { EngineDeps } from './engine-deps.js';
import { failureFromRecord, type Failure } from './failure.js';
import { probeStep, type ProbeRecord } from './probe-step.js';

const TEXT_CAP = 1 << 20;
const ZIP_CAP = 500 * (1 << 20) + 1;

/** What a source answered for one kind of request. */
export type SourceResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export interface VersionInfo {
  readonly version: string;
}

/**
 * The requests the go command makes of one GOPROXY base URL (https://go.dev/ref/mod#goproxy-protocol), each made
 * at most once per diagnosis and kept in `records` for the hop table.
 */
export interface ProxySource {
  readonly base: string;
  query(versionPrefix: string | null): Promise<SourceResult<VersionInfo>>;
  info(version: string): Promise<SourceResult<VersionInfo>>;
  mod(version: string): Promise<SourceResult<string>>;
  zip(version: string): Promise<SourceResult<string>>;
  /** Starts `.mod` and `.zip` early: same host, so it cannot change the answer or reach a new host. */
  prefetch(version: string): void;
}

export function createProxySource(
  deps: EngineDeps,
  module: string,
  base: string,
  record: (r: ProbeRecord) => void,
  use: (r: ProbeRecord) => void,
  allow: readonly string[],
  signal?: AbortSignal,
): ProxySource {
  const memo = new Map<string, Promise<ProbeRecord>>();
  const escapedModule = escapePath(module);
  const modulePath = escapedModule.ok ? goPathEscape(escapedModule.value) : module;
  const versionPath = (v: string) => {
    const escaped = escapeVersion(v);
    return goPathEscape(escaped.ok ? escaped.value : v);
  };

  /** Each request once; `use` marks the moment the walk relies on it (the go command's order). */
  const get = async (key: string, step: ProbeRecord['step'], path: string, expect: 'text' | 'zip-h1', zipPrefix?: string) => {
    const r = await start(key, step, path, expect, zipPrefix);
    use(r);
    return r;
  };
  const start = (key: string, step: ProbeRecord['step'], path: string, expect: 'text' | 'zip-h1', zipPrefix?: string) => {
    let pending = memo.get(key);
    if (pending === undefined) {
      pending = probeStep(deps, {
        step, role: 'proxy', url: `${base}/${modulePath}/${path}`, expect,
        maxBodyBytes: expect === 'zip-h1' ? ZIP_CAP : TEXT_CAP, credentials: 'go',
        ...(zipPrefix === undefined ? {} : { zipPrefix }),
      }, allow, signal).then((r) => {
        record(r);
        return r;
      });
      memo.set(key, pending);
    }
    return pending;
  };

  const readInfo = async (r: ProbeRecord, requested: string | null): Promise<SourceResult<VersionInfo>> => {
    if (r.verdict.cls !== 'ok') return { ok: false, failure: failureFromRecord(r) };
    const body = r.outcome.http?.bodyText ?? '';
    const parsed = parseInfo(body);
    if (typeof parsed === 'string') {
      return { ok: false, failure: badContent(r, `invalid response from proxy "${redactUrl(base)}": ${parsed}`, `.info is not JSON: ${snippet(body)}`) };
    }
    if (requested !== null && parsed.version !== requested) {
      return { ok: false, failure: badContent(r, `proxy returned info for version ${parsed.version} instead of requested version`, `asked ${requested}, got ${parsed.version}`) };
    }
    return { ok: true, value: parsed };
  };

  return {
    base,
    async query(versionPrefix) {
      const list = await get('list', 'list', '@v/list', 'text');
      if (list.verdict.cls !== 'ok') return { ok: false, failure: failureFromRecord(list) };
      const body = list.outcome.http?.bodyText ?? '';
      const filtered = versionPrefix === null ? body : body.split('\n').filter((v) => v === versionPrefix || v.startsWith(`${versionPrefix}.`)).join('\n');
      const chosen = selectLatestVersion(filtered);
      if (chosen !== null) return readInfo(await get(`info:${chosen}`, 'info', `@v/${versionPath(chosen)}.info`, 'text'), chosen);
      if (versionPrefix !== null) {
        return { ok: false, failure: { ...failureFromRecord(list), cls: 'module.not_found', notExist: true, evidence: `no version matches ${versionPrefix} in @v/list`, goText: `no matching versions for query "${versionPrefix}"` } };
      }
      return readInfo(await get('latest', 'latest', '@latest', 'text'), null);
    },
    async info(version) {
      return readInfo(await get(`info:${version}`, 'info', `@v/${versionPath(version)}.info`, 'text'), version.startsWith('v') ? version : null);
    },
    async mod(version) {
      const r = await get(`mod:${version}`, 'mod', `@v/${versionPath(version)}.mod`, 'text');
      if (r.verdict.cls !== 'ok') return { ok: false, failure: failureFromRecord(r) };
      return { ok: true, value: r.outcome.http?.bodyText ?? '' };
    },
    async zip(version) {
      const r = await get(`zip:${version}`, 'zip', `@v/${versionPath(version)}.zip`, 'zip-h1', `${module}@${version}/`);
      if (r.verdict.cls !== 'ok') {
        const failure = failureFromRecord(r);
        if (r.outcome.stage === 'body' && (r.outcome.code === 'TCP_EOF' || r.outcome.code === 'TCP_RESET')) {
          return { ok: false, failure: { ...failure, goText: `read "${zipReadUrl(deps, base, versionPath(version), r.outcome.url)}": unexpected EOF` } };
        }
        return { ok: false, failure };
      }
      const http = r.outcome.http;
      if (http?.zipError !== undefined || http?.h1 === undefined) {
        const text = http?.zipError ?? 'zip: not a valid zip file';
        const contentType = http?.headers['content-type'] ?? 'unknown';
        // Go 1.19 prints the archive/zip error with no module context.
        return { ok: false, failure: { ...badContent(r, text, `.zip is not a module zip (${text}; content-type ${contentType})`), bare: text.startsWith('zip: ') } };
      }
      return { ok: true, value: http.h1 };
    },
    prefetch(version) {
      void start(`mod:${version}`, 'mod', `@v/${versionPath(version)}.mod`, 'text');
      void start(`zip:${version}`, 'zip', `@v/${versionPath(version)}.zip`, 'zip-h1', `${module}@${version}/`);
    },
  };
}

/**
 * The URL the go command names when a zip body is cut: Go 1.19 prints it mangled (`//` collapsed, the module
 * path missing: golang/go#52727's first fix); newer releases print the request URL.
 */
function zipReadUrl(deps: EngineDeps, base: string, escapedVersion: string, url: string): string {
  const { goVersion } = deps.goEnv;
  if (goVersion.major === 1 && goVersion.minor <= 19) return `${redactUrl(base).replace('//', '/')}/@v/${escapedVersion}.zip`;
  return redactUrl(url);
}

function badContent(r: ProbeRecord, goText: string, evidence: string): Failure {
  return { ...failureFromRecord(r), cls: 'proxy.bad_content', cause: null, notExist: false, goText, evidence };
}

/** `.info` as the go command decodes it: JSON with a `Version`; else encoding/json's error text. */
function parseInfo(body: string): VersionInfo | string {
  const trimmed = body.trimStart();
  if (trimmed === '') return 'unexpected end of JSON input';
  const first = trimmed[0] ?? '';
  if (first !== '{' && first !== '[' && first !== '"' && !/[-0-9tfn]/.test(first)) {
    return `invalid character '${first}' looking for beginning of value`;
  }
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && 'Version' in value && typeof value.Version === 'string') {
      return { version: value.Version };
    }
    return 'invalid version: no Version field';
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid JSON';
  }
}

function snippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
