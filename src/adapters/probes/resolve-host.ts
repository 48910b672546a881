import { promises as dnsPromises } from 'node:dns';
import { isIP } from 'node:net';
import { findErrorCodes } from './to-outcome-code.js';

export type DnsFailureCode = 'DNS_NXDOMAIN' | 'DNS_SERVFAIL' | 'DNS_TIMEOUT' | 'DNS_UNREACHABLE';

/** What the resolver said about one name: the addresses (A first, then AAAA) or why there are none. */
export type DnsAnswer =
  | { readonly ok: true; readonly addresses: readonly string[]; readonly server: string | null }
  | { readonly ok: false; readonly code: DnsFailureCode; readonly detail: string; readonly server: string | null };

export interface DnsResolverOptions {
  /** `ip:port` (or `[ip6]:port`) name servers; absent = the system's resolv.conf servers. */
  readonly servers?: readonly string[];
  /** Per-try timeout (c-ares `timeout`), milliseconds. */
  readonly timeoutMs: number;
  readonly tries: number;
  /** Static names checked before any query, like /etc/hosts for Go's resolver. */
  readonly hosts?: Readonly<Record<string, readonly string[]>>;
}

/** When A and AAAA disagree, the more telling failure wins (Go reports a non-"not found" error first). */
const FAILURE_RANK: Readonly<Record<DnsFailureCode, number>> = {
  DNS_TIMEOUT: 3, DNS_UNREACHABLE: 2, DNS_SERVFAIL: 1, DNS_NXDOMAIN: 0,
};

const FAILURE_BY_CARES_CODE: Readonly<Record<string, DnsFailureCode>> = {
  ENOTFOUND: 'DNS_NXDOMAIN', ENODATA: 'DNS_NXDOMAIN', ENONAME: 'DNS_NXDOMAIN',
  ESERVFAIL: 'DNS_SERVFAIL', EREFUSED: 'DNS_SERVFAIL', EFORMERR: 'DNS_SERVFAIL', EBADRESP: 'DNS_SERVFAIL',
  ETIMEOUT: 'DNS_TIMEOUT', ECANCELLED: 'DNS_TIMEOUT',
  ECONNREFUSED: 'DNS_UNREACHABLE', ENETUNREACH: 'DNS_UNREACHABLE', EHOSTUNREACH: 'DNS_UNREACHABLE',
};

/**
 * A c-ares resolver (no libuv threadpool, runtime-bullmq-undici.md §3.7) that asks A and AAAA like
 * Go's pure-Go resolver. IP literals and `localhost` never reach the network.
 */
export function createDnsResolver(options: DnsResolverOptions): (host: string) => Promise<DnsAnswer> {
  const resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: options.tries });
  if (options.servers !== undefined) resolver.setServers([...options.servers]);
  const server = formatServer(resolver.getServers()[0]);

  return async (rawHost) => {
    const host = stripBrackets(rawHost).toLowerCase();
    if (isIP(host) !== 0) return { ok: true, addresses: [host], server: null };
    const pinned = options.hosts?.[host];
    if (pinned !== undefined) return { ok: true, addresses: pinned, server: null };
    if (host === 'localhost' || host.endsWith('.localhost')) return { ok: true, addresses: ['127.0.0.1'], server: null };

    const [v4, v6] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
    const addresses = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
    if (addresses.length > 0) return { ok: true, addresses, server };

    const failures = [v4, v6].flatMap((r) => (r.status === 'rejected' ? [toFailureCode(r.reason)] : []));
    const code = failures.reduce<DnsFailureCode>((worst, next) => (FAILURE_RANK[next] > FAILURE_RANK[worst] ? next : worst), 'DNS_NXDOMAIN');
    return { ok: false, code, detail: describeLookupFailure(host, server, code), server };
  };
}

function toFailureCode(error: unknown): DnsFailureCode {
  for (const code of findErrorCodes(error)) {
    const mapped = FAILURE_BY_CARES_CODE[code];
    if (mapped !== undefined) return mapped;
  }
  return 'DNS_SERVFAIL';
}

/** Go's wording (go-modules.md §6.2), without the local UDP port it cannot know here. */
function describeLookupFailure(host: string, server: string | null, code: DnsFailureCode): string {
  const on = server === null ? '' : ` on ${server}`;
  switch (code) {
    case 'DNS_NXDOMAIN': return `dial tcp: lookup ${host}${on}: no such host`;
    case 'DNS_SERVFAIL': return `dial tcp: lookup ${host}${on}: server misbehaving`;
    case 'DNS_TIMEOUT': return `dial tcp: lookup ${host}${on}: i/o timeout`;
    case 'DNS_UNREACHABLE': return `dial tcp: lookup ${host}${on}: read: connection refused`;
  }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `getServers()` gives `1.2.3.4`, `1.2.3.4:5353` or `[::1]:5353`; Go prints `ip:port` with 53 by default. */
function formatServer(server: string | undefined): string | null {
  if (server === undefined) return null;
  if (isIP(server) === 4) return `${server}:53`;
  if (isIP(server) === 6) return `[${server}]:53`;
  return server;
}
