import { checkModulePath, checkPathElement } from './check-module-path.js';
import { quoteGoString } from './quote-go-string.js';

/** x/mod case-encoding for proxy URLs and cache paths. https://go.dev/ref/mod#goproxy-protocol */
export type EscapeResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

function escapeString(s: string): EscapeResult {
  for (const ch of s) {
    if (ch === '!' || (ch.codePointAt(0) ?? 0) >= 0x80) return { ok: false, error: 'internal error: inconsistency in EscapePath' };
  }
  return { ok: true, value: s.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`) };
}

/** `github.com/BurntSushi/toml` → `github.com/!burnt!sushi/toml`; CheckPath errors first. */
export function escapePath(path: string): EscapeResult {
  const error = checkModulePath(path);
  return error === null ? escapeString(path) : { ok: false, error };
}

/** `v1.0.0-RC1` → `v1.0.0-!r!c1`; `version "<v>" invalid: disallowed version string` for bad versions. */
export function escapeVersion(version: string): EscapeResult {
  if (checkPathElement(version, 'file') !== null || version.includes('!')) {
    return { ok: false, error: `version ${quoteGoString(version)} invalid: disallowed version string` };
  }
  return escapeString(version);
}

function unescapeString(escaped: string): string | null {
  let out = '';
  let bang = false;
  for (const ch of escaped) {
    if ((ch.codePointAt(0) ?? 0) >= 0x80) return null;
    if (bang) {
      bang = false;
      if (ch < 'a' || ch > 'z') return null;
      out += ch.toUpperCase();
      continue;
    }
    if (ch === '!') {
      bang = true;
      continue;
    }
    if (ch >= 'A' && ch <= 'Z') return null;
    out += ch;
  }
  return bang ? null : out;
}

export function unescapePath(escaped: string): EscapeResult {
  const path = unescapeString(escaped);
  if (path === null) return { ok: false, error: `invalid escaped module path ${quoteGoString(escaped)}` };
  const reason = checkModulePath(path);
  if (reason !== null) return { ok: false, error: `invalid escaped module path ${quoteGoString(escaped)}: ${reason}` };
  return { ok: true, value: path };
}

export function unescapeVersion(escaped: string): EscapeResult {
  const version = unescapeString(escaped);
  if (version === null) return { ok: false, error: `invalid escaped version ${quoteGoString(escaped)}` };
  const reason = checkPathElement(version, 'file');
  if (reason !== null) return { ok: false, error: `invalid escaped version ${quoteGoString(version)}: ${reason}` };
  return { ok: true, value: version };
}

/** Percent-escapes a URL path like Go's url.PathEscape but keeps `/` (modfetch pathEscape). */
export function escapeUrlPath(escaped: string): string {
  return escaped.split('/').map((seg) => encodeGoPathSegment(seg)).join('/');
}

function encodeGoPathSegment(seg: string): string {
  // url.PathEscape leaves unreserved chars and `$&+:=@` alone.
  return encodeURIComponent(seg).replace(/%(24|26|2B|3A|3D|40)/g, (m) => decodeURIComponent(m))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
