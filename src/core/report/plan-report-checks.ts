import { matchModuleGlobs } from '../goenv/match-module-globs.js';
import { escapePath, escapeVersion } from '../module/escape-module-path.js';

/** A hop of one zone as the report checks it. `url` may carry userinfo: it goes to the probe, never to output. */
export interface PlannedHop {
  readonly hop: string;
  readonly url: string;
  readonly role: 'proxy' | 'sumdb' | 'vcs';
  readonly critical: boolean;
}

export interface WatchItem {
  readonly module: string;
  readonly version?: string | undefined;
}

export interface ReportPlan {
  readonly zone: string;
  readonly proxies: readonly PlannedHop[];
  readonly sumdb: (PlannedHop & { readonly name: string }) | null;
  /** VCS hosts of watchlist modules the go command fetches directly (GOPRIVATE/GONOPROXY), with the module. */
  readonly vcs: readonly (PlannedHop & { readonly module: string })[];
  /** Modules the checksum DB is not asked about (GOPRIVATE/GONOSUMDB). */
  readonly noSumdb: ReadonlySet<string>;
}

const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
const DEFAULT_GOSUMDB = 'sum.golang.org';

/**
 * The hops a zone's report covers, from its Go environment: each URL entry of GOPROXY (the first is
 * critical unless a `|` lets errors fall through), the checksum DB of GOSUMDB, and the VCS hosts of
 * watchlist modules matched by GOPRIVATE/GONOPROXY. Only hops the go command itself would contact.
 */
export function planReportChecks(zone: string, env: Readonly<Record<string, string | undefined>>, watchlist: readonly WatchItem[]): ReportPlan {
  const goproxy = env.GOPROXY === undefined || env.GOPROXY === '' ? DEFAULT_GOPROXY : env.GOPROXY;
  const entries = splitProxyList(goproxy);
  const proxies: PlannedHop[] = [];
  entries.forEach((e, i) => {
    if (!/^https?:\/\//i.test(e.value)) return;
    const critical = i === 0 && e.separator !== '|';
    proxies.push({ hop: stripUserinfo(e.value), url: e.value, role: 'proxy', critical });
  });
  const noProxy = env.GONOPROXY ?? env.GOPRIVATE ?? '';
  const noSumdbPatterns = env.GONOSUMDB ?? env.GOPRIVATE ?? '';
  const noSumdb = new Set(watchlist.filter((w) => matchModuleGlobs(noSumdbPatterns, w.module)).map((w) => w.module));
  const vcs = [...new Map(watchlist.filter((w) => matchModuleGlobs(noProxy, w.module)).map((w) => {
    const host = w.module.split('/')[0] ?? w.module;
    return [host, { hop: `https://${host}`, url: `https://${w.module}?go-get=1`, role: 'vcs' as const, critical: false, module: w.module }];
  })).values()];
  return { zone, proxies, sumdb: planSumdb(env.GOSUMDB), vcs, noSumdb };
}

function planSumdb(gosumdb: string | undefined): ReportPlan['sumdb'] {
  const value = (gosumdb === undefined || gosumdb === '' ? DEFAULT_GOSUMDB : gosumdb).trim();
  if (value === 'off') return null;
  const [nameKey, url] = value.split(/\s+/);
  const name = (nameKey ?? '').split('+')[0] ?? '';
  if (name === '') return null;
  const base = (url ?? `https://${name}`).replace(/\/+$/, '');
  return { hop: stripUserinfo(base), url: base, role: 'sumdb', critical: true, name };
}

/** The checksum-DB lookup URL of a module version. */
export function formatSumdbLookupUrl(base: string, module: string, version: string): string | null {
  const m = escapePath(module);
  const v = escapeVersion(version);
  return m.ok && v.ok ? `${base}/lookup/${m.value}@${v.value}` : null;
}

/** A GOPROXY URL for one file of a module version (`.info`, `.mod`, `.zip`), or `@latest`. */
export function formatProxyUrl(base: string, module: string, file: 'latest' | { version: string; ext: 'info' | 'mod' | 'zip' }): string | null {
  const m = escapePath(module);
  if (!m.ok) return null;
  const root = base.replace(/\/+$/, '');
  if (file === 'latest') return `${root}/${m.value}/@latest`;
  const v = escapeVersion(file.version);
  return v.ok ? `${root}/${m.value}/@v/${v.value}.${file.ext}` : null;
}

function splitProxyList(list: string): { value: string; separator: ',' | '|' | null }[] {
  const out: { value: string; separator: ',' | '|' | null }[] = [];
  let rest = list;
  while (rest !== '') {
    const sep = rest.search(/[,|]/);
    const value = (sep >= 0 ? rest.slice(0, sep) : rest).trim().replace(/\/+$/, '');
    const separator = sep >= 0 ? rest[sep] as ',' | '|' : null;
    rest = sep >= 0 ? rest.slice(sep + 1) : '';
    if (value !== '') out.push({ value, separator });
  }
  return out;
}

function stripUserinfo(url: string): string {
  return url.replace(/^([a-z]+:\/\/)[^/@]*@/i, '$1');
}
