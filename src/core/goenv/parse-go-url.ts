import { quoteGoString } from '../module/quote-go-string.js';

/**
 * The part of Go's net/url.Parse the go command's settings go through (GOPROXY entries, GOSUMDB URLs,
 * HTTP proxy variables), with net/url's error texts. https://pkg.go.dev/net/url#Parse
 */
export interface GoUrl {
  readonly scheme: string;
  readonly opaque: string;
  readonly username: string | null;
  readonly password: string | null;
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly forceQuery: boolean;
  readonly fragment: string;
}

export type GoUrlParse = { readonly ok: true; readonly url: GoUrl } | { readonly ok: false; readonly error: string };

class UrlSyntaxError extends Error {}

function fail(message: string): never {
  throw new UrlSyntaxError(message);
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) fail('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

type Mode = 'host' | 'path' | 'user' | 'fragment';

function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

function shouldEscapeHostChar(c: string): boolean {
  if (/[A-Za-z0-9\-_.~]/.test(c)) return false;
  return !"!$&'()*+,;=:[]<>\"".includes(c);
}

/** net/url unescape: validates `%XX` escapes and host characters, returns the decoded text. */
function unescape(s: string, mode: Mode): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '%') {
      if (i + 2 >= s.length || !isHexDigit(s[i + 1]) || !isHexDigit(s[i + 2])) {
        fail(`invalid URL escape ${quoteGoString(s.slice(i, i + 3))}`);
      }
      const value = Number.parseInt(s.slice(i + 1, i + 3), 16);
      if (mode === 'host' && value < 0x80 && s.slice(i, i + 3) !== '%25') fail(`invalid URL escape ${quoteGoString(s.slice(i, i + 3))}`);
      bytes.push(value);
      i += 2;
      continue;
    }
    if (mode === 'host' && c.charCodeAt(0) < 0x80 && shouldEscapeHostChar(c)) {
      fail(`invalid character ${quoteGoString(c)} in host name`);
    }
    bytes.push(...encoder.encode(c));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function isValidOptionalPort(port: string): boolean {
  if (port === '') return true;
  return /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) fail("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!isValidOptionalPort(colonPort)) fail(`invalid port ${quoteGoString(colonPort)} after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0) {
      const colonPort = host.slice(i);
      if (!isValidOptionalPort(colonPort)) fail(`invalid port ${quoteGoString(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

function parseAuthority(authority: string): { username: string | null; password: string | null; host: string } {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return { username: null, password: null, host };
  const userinfo = authority.slice(0, at);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) fail('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { username: unescape(userinfo, 'user'), password: null, host };
  return { username: unescape(userinfo.slice(0, colon), 'user'), password: unescape(userinfo.slice(colon + 1), 'user'), host };
}

function parseWithoutFragment(raw: string): GoUrl {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) fail('net/url: invalid control character in URL');
  const empty = { scheme: '', opaque: '', username: null, password: null, host: '', path: '', rawQuery: '', forceQuery: false, fragment: '' };
  if (raw === '*') return { ...empty, path: '*' };
  const [schemeRaw, afterScheme] = getScheme(raw);
  const scheme = schemeRaw.toLowerCase();
  let rest = afterScheme;
  let rawQuery = '';
  let forceQuery = false;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return { ...empty, scheme, opaque: rest, rawQuery, forceQuery };
    const slash = rest.indexOf('/');
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(':')) fail('first path segment in URL cannot contain colon');
  }
  let authority = { username: null as string | null, password: null as string | null, host: '' };
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let auth = rest.slice(2);
    rest = '';
    const slash = auth.indexOf('/');
    if (slash >= 0) {
      rest = auth.slice(slash);
      auth = auth.slice(0, slash);
    }
    authority = parseAuthority(auth);
  }
  return { ...empty, scheme, ...authority, path: unescape(rest, 'path'), rawQuery, forceQuery };
}

/** net/url.Parse; errors read `parse "<url>": <reason>` like *url.Error. */
export function parseGoUrl(raw: string): GoUrlParse {
  const hash = raw.indexOf('#');
  const withoutFragment = hash < 0 ? raw : raw.slice(0, hash);
  try {
    const url = parseWithoutFragment(withoutFragment);
    if (hash < 0) return { ok: true, url };
    try {
      return { ok: true, url: { ...url, fragment: unescape(raw.slice(hash + 1), 'fragment') } };
    } catch (err) {
      if (err instanceof UrlSyntaxError) return { ok: false, error: `parse ${quoteGoString(raw)}: ${err.message}` };
      throw err;
    }
  } catch (err) {
    if (err instanceof UrlSyntaxError) return { ok: false, error: `parse ${quoteGoString(withoutFragment)}: ${err.message}` };
    throw err;
  }
}

/** URL.Redacted: the password (if any) replaced by `xxxxx`, as web.HTTPError and newProxyRepo print it. */
export function redactGoUrl(raw: string): string {
  const parsed = parseGoUrl(raw);
  if (!parsed.ok || parsed.url.password === null) return raw;
  return raw.replace(/^([^:/?#]+:\/\/[^:/@]*:)[^@/]*@/, '$1xxxxx@');
}
