/**
 * URL helpers that print and escape exactly as the go command does.
 */

const KEEP = /[A-Za-z0-9\-_.~$&+=:@/]/;

/** `url.PathEscape` with `%2F` turned back into `/` (cmd/go/internal/modfetch/proxy.go `pathEscape`). */
export function goPathEscape(value: string): string {
  let out = '';
  for (const ch of value) {
    if (KEEP.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface SplitUrl {
  /** The URL without userinfo. */
  readonly url: string;
  readonly username: string | null;
  readonly password: string | null;
  /** `scheme://host[:port]` without userinfo. */
  readonly origin: string;
  readonly host: string;
  readonly port: number;
  readonly scheme: 'http' | 'https' | 'file' | 'other';
}

/** Splits credentials off a URL; the credentials go to the probe, never to output. */
export function splitUrl(raw: string): SplitUrl {
  const parsed = new URL(raw);
  const username = parsed.username === '' ? null : decodeURIComponent(parsed.username);
  const password = parsed.password === '' ? null : decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const scheme = parsed.protocol === 'http:' ? 'http' : parsed.protocol === 'https:' ? 'https' : parsed.protocol === 'file:' ? 'file' : 'other';
  const defaultPort = scheme === 'http' ? 80 : 443;
  return {
    url: parsed.href,
    username,
    password,
    origin: `${parsed.protocol}//${parsed.host}`,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? defaultPort : Number(parsed.port),
    scheme,
  };
}

/**
 * The URL as Go's `url.Redacted()` prints it in `reading <URL>: …` errors: the password becomes `xxxxx`.
 * (net/http transport errors use `***`; callers pick the mask.)
 */
export function redactUrl(raw: string | URL, mask: 'xxxxx' | '***' = 'xxxxx'): string {
  let parsed: URL;
  try {
    parsed = new URL(raw.toString());
  } catch {
    return raw.toString().replace(/\/\/[^/@]*@/, `//${mask}@`);
  }
  if (parsed.password !== '') parsed.password = mask;
  return parsed.href;
}

/** The origin with credentials removed, as the hop table shows it. */
export function hopOf(raw: string): string {
  try {
    const parsed = new URL(raw);
    return `${parsed.protocol}//${parsed.host}${parsed.protocol === 'file:' ? parsed.pathname : ''}`;
  } catch {
    return raw;
  }
}
