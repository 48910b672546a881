import type { GoVersion, ProxyEntry, ProxyList } from './go-env.js';
import { parseGoUrl, redactGoUrl } from './parse-go-url.js';

/**
 * modfetch.proxyList: GOPROXY (+ GONOPROXY) into the ordered entries the go command walks.
 * https://go.dev/ref/mod#goproxy-protocol
 */

export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

/** filepath.IsAbs || path.IsAbs on Unix (a Windows go would also accept `C:\\…`). */
function isAbsolutePath(s: string): boolean {
  return s.startsWith('/');
}

/** newProxyRepo's URL validation: the error text, or null. */
function checkProxyUrl(raw: string): string | null {
  const parsed = parseGoUrl(raw);
  if (!parsed.ok) return parsed.error;
  const u = parsed.url;
  const redacted = redactGoUrl(raw);
  switch (u.scheme) {
    case 'http':
    case 'https':
      return null;
    case 'file':
      if (u.opaque !== '' || u.username !== null || u.host !== '' || u.forceQuery || u.rawQuery !== '' || u.fragment !== '') {
        return `invalid file:// proxy URL with non-path elements: ${redacted}`;
      }
      return null;
    case '':
      return `invalid proxy URL missing scheme: ${redacted}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${redacted}`;
  }
}

/**
 * `goproxy` is the effective GOPROXY value (as `go env GOPROXY` prints it). Before Go 1.21 an empty value means
 * the default; from 1.21 the default comes from $GOROOT/go.env, so an empty value stays empty and the go command
 * refuses every lookup.
 */
export function parseProxyList(goproxy: string, gonoproxy: string, goVersion: GoVersion): ProxyList {
  const preGoEnv = goVersion.major === 1 && goVersion.minor < 21;
  let rest = goproxy === '' && preGoEnv ? DEFAULT_GOPROXY : goproxy;
  const entries: ProxyEntry[] = [];
  if (gonoproxy !== '' && rest !== 'direct') entries.push({ kind: 'noproxy', fallThrough: 'not-found' });
  while (rest !== '') {
    let url: string;
    let fallBackOnError = false;
    const sep = rest.search(/[,|]/);
    if (sep >= 0) {
      url = rest.slice(0, sep);
      fallBackOnError = rest[sep] === '|';
      rest = rest.slice(sep + 1);
    } else {
      url = rest;
      rest = '';
    }
    url = url.trim();
    if (url === '') continue;
    const fallThrough = fallBackOnError ? 'any-error' : 'not-found';
    if (url === 'off' || url === 'direct') {
      entries.push({ kind: url, fallThrough });
      break;
    }
    if (/[.:/]/.test(url) && !url.includes(':/') && !isAbsolutePath(url)) url = `https://${url}`;
    const error = checkProxyUrl(url);
    if (error !== null) return { ok: false, error };
    entries.push({ kind: 'url', url: url.endsWith('/') ? url.slice(0, -1) : url, fallThrough });
  }
  if (entries.length === 0 || (entries.length === 1 && entries[0]?.kind === 'noproxy')) {
    return { ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' };
  }
  return { ok: true, entries };
}
