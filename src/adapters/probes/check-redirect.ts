import { isIP } from 'node:net';
import type { OutcomeCode } from '../../ports/probe-runner.js';
import { redactUrl } from '../../core/plan/go-url.js';

export interface RedirectVerdict {
  readonly code: OutcomeCode;
  readonly detail: string;
}

/** Names that reach cloud instance metadata; a redirect there is an SSRF attempt, whatever the allow list says. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', '169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/** `host:port` in lower case with the scheme's default port filled in, IPv6 bracketed. */
export function formatAuthority(url: URL): string {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return `${url.hostname.toLowerCase()}:${port}`;
}

/**
 * Whether the go command's client (plus our SSRF fence) may follow a redirect from `first`
 * (the original request) via `last` to `next` (go-modules.md §2.3: https→http is refused).
 */
export function checkRedirect(first: URL, last: URL, next: URL, allow: readonly string[]): RedirectVerdict | null {
  if (first.protocol === 'https:' && next.protocol !== 'https:') {
    return { code: 'HTTP_REDIRECT_INSECURE', detail: `redirected from secure URL ${redactUrl(last)} to insecure URL ${redactUrl(next)}` };
  }
  if (next.protocol !== 'https:' && next.protocol !== 'http:') {
    return { code: 'HTTP_REDIRECT_BLOCKED', detail: `redirect to unsupported protocol scheme ${JSON.stringify(next.protocol.replace(/:$/, ''))}` };
  }
  const host = next.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (METADATA_HOSTS.has(host) || isLinkLocal(host)) {
    return { code: 'HTTP_REDIRECT_BLOCKED', detail: `redirect to ${formatAuthority(next)} blocked: link-local or cloud metadata address` };
  }
  const authority = formatAuthority(next);
  if (!allow.some((entry) => entry.toLowerCase() === authority)) {
    return { code: 'HTTP_REDIRECT_BLOCKED', detail: `redirect to ${authority} blocked: host not in the redirect allow list` };
  }
  return null;
}

function isLinkLocal(host: string): boolean {
  const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  if (isIP(v4) === 4) return v4.startsWith('169.254.');
  // fe80::/10, and IPv4-mapped 169.254/16 as the URL parser prints it (`::ffff:a9fe:…`).
  if (isIP(host) === 6) return /^fe[89ab][0-9a-f]:/i.test(host) || /^::ffff:a9fe:/i.test(host);
  return false;
}
