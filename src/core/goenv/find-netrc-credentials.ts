import type { NetrcEntry } from './go-env.js';
import { parseGoUrl } from './parse-go-url.js';

/**
 * The .netrc entry the go command applies to a request (auth.AddCredentials): https only, first entry whose
 * machine equals the URL's host name (no port), or null.
 */
export function findNetrcCredentials(netrc: readonly NetrcEntry[], requestUrl: string): NetrcEntry | null {
  const parsed = parseGoUrl(requestUrl);
  if (!parsed.ok || parsed.url.scheme !== 'https') return null;
  const host = hostnameOf(parsed.url.host);
  return netrc.find((entry) => entry.machine === host) ?? null;
}

/** url.URL.Hostname: the host without port and without IPv6 brackets. */
export function hostnameOf(hostPort: string): string {
  let host = hostPort;
  const colon = hostPort.lastIndexOf(':');
  if (colon >= 0 && /^:[0-9]*$/.test(hostPort.slice(colon))) host = hostPort.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}
