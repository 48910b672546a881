import { domainToASCII } from 'node:url';
import type { HttpProxySettings } from './go-env.js';
import { parseGoUrl } from './parse-go-url.js';
import { cidrContains, isLoopbackIp, parseCidr, parseIpAddress } from './parse-ip-address.js';
import { hostnameOf } from './find-netrc-credentials.js';

/**
 * net/http.ProxyFromEnvironment as Go 1.19 vendors it (golang.org/x/net/http/httpproxy).
 * https://pkg.go.dev/golang.org/x/net/http/httpproxy#Config.ProxyFunc
 */

function firstSet(env: Readonly<Record<string, string | undefined>>, upper: string, lower: string): string {
  const u = env[upper];
  if (u !== undefined && u !== '') return u;
  return env[lower] ?? '';
}

/** httpproxy parseProxy: a bare `host:port` gets `http://`; an unusable value is ignored (null), as Go does. */
export function parseProxyValue(value: string): string | null {
  if (value === '') return null;
  const parsed = parseGoUrl(value);
  if (!parsed.ok || !['http', 'https', 'socks5'].includes(parsed.url.scheme)) {
    if (parseGoUrl(`http://${value}`).ok) return `http://${value}`;
  }
  return parsed.ok ? value : null;
}

/** HTTPS_PROXY/https_proxy, HTTP_PROXY/http_proxy, NO_PROXY/no_proxy (uppercase first), REQUEST_METHOD. */
export function parseHttpProxySettings(env: Readonly<Record<string, string | undefined>>): HttpProxySettings {
  return {
    httpsProxy: parseProxyValue(firstSet(env, 'HTTPS_PROXY', 'https_proxy')),
    httpProxy: parseProxyValue(firstSet(env, 'HTTP_PROXY', 'http_proxy')),
    noProxy: firstSet(env, 'NO_PROXY', 'no_proxy'),
    cgi: (env.REQUEST_METHOD ?? '') !== '',
  };
}

function toAsciiHost(host: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(host)) return host;
  const ascii = domainToASCII(host);
  return ascii === '' ? host : ascii;
}

/** net.SplitHostPort, loosely: [host, port] or null. */
function splitHostPort(hostPort: string): [string, string] | null {
  if (hostPort.startsWith('[')) {
    const m = /^\[([^\]]*)\]:([^:]*)$/.exec(hostPort);
    return m === null ? null : [m[1] ?? '', m[2] ?? ''];
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon < 0 || hostPort.indexOf(':') !== colon) return null;
  return [hostPort.slice(0, colon), hostPort.slice(colon + 1)];
}

/** httpproxy useProxy: false when NO_PROXY (or the loopback rule) says the request goes direct. */
function shouldUseProxy(noProxy: string, host: string, port: string): boolean {
  if (host === 'localhost') return false;
  const ip = parseIpAddress(host);
  if (ip !== null && isLoopbackIp(ip)) return false;
  const addr = host.trim().toLowerCase();
  for (const raw of noProxy.split(',')) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    if (p === '*') return false;
    const cidr = parseCidr(p);
    if (cidr !== null) {
      if (ip !== null && cidrContains(cidr, ip)) return false;
      continue;
    }
    let phost = p;
    let pport = '';
    const split = splitHostPort(p);
    if (split !== null) {
      [phost, pport] = split;
      if (phost === '') continue;
    }
    const pip = parseIpAddress(phost);
    if (pip !== null) {
      if (ip !== null && pip.every((b, i) => b === ip[i]) && (pport === '' || pport === port)) return false;
      continue;
    }
    if (phost.startsWith('*.')) phost = phost.slice(1);
    const matchHost = !phost.startsWith('.');
    if (matchHost) phost = `.${phost}`;
    phost = toAsciiHost(phost);
    if ((addr.endsWith(phost) || (matchHost && addr === phost.slice(1))) && (pport === '' || pport === port)) return false;
  }
  return true;
}

/**
 * The proxy URL the go command uses for `targetUrl`, or null for a direct connection. https targets use only
 * HTTPS_PROXY (no fallback to HTTP_PROXY). In CGI mode an http target with HTTP_PROXY set makes Go fail the
 * request (`refusing to use HTTP_PROXY value in CGI environment`); that is reported here as null.
 */
export function selectHttpProxy(settings: HttpProxySettings, targetUrl: string): string | null {
  const parsed = parseGoUrl(targetUrl);
  if (!parsed.ok) return null;
  const { scheme, host: hostPort } = parsed.url;
  let proxy: string | null = null;
  if (scheme === 'https') proxy = settings.httpsProxy;
  else if (scheme === 'http') {
    proxy = settings.httpProxy;
    if (proxy !== null && settings.cgi) return null;
  }
  if (proxy === null) return null;
  const host = toAsciiHost(hostnameOf(hostPort)).toLowerCase();
  const portMatch = /:([0-9]+)$/.exec(hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']')) : hostPort);
  const port = portMatch?.[1] ?? (scheme === 'https' ? '443' : '80');
  return shouldUseProxy(settings.noProxy, host, port) ? proxy : null;
}
