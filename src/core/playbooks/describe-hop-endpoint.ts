export interface HopEndpoint {
  /** `https://goproxy.corp.example`, or a placeholder when the hop is unknown. */
  readonly origin: string;
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  /** What a firewall or TLS-inspecting gateway sees in the ClientHello (none for plain http). */
  readonly sni: string | null;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { https: 443, http: 80, ssh: 22, git: 9418 };

/** Host, port and SNI of a hop origin, for firewall requests and connectivity checks. */
export function describeHopEndpoint(hop: string | null): HopEndpoint {
  const m = hop === null ? null : /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?/i.exec(hop);
  if (!m?.[1] || !m[2]) return { origin: hop ?? '<hop-url>', scheme: 'https', host: '<host>', port: 443, sni: '<host>' };
  const scheme = m[1].toLowerCase();
  const host = m[2].toLowerCase();
  const port = m[3] ? Number(m[3]) : (DEFAULT_PORTS[scheme] ?? 443);
  const isIp = /^\[|^\d+\.\d+\.\d+\.\d+$/.test(host);
  return { origin: hop ?? '', scheme, host, port, sni: scheme === 'https' && !isIp ? host : null };
}

/** The firewall change in one line: FQDN, port and SNI. */
export function describeFirewallRule(endpoint: HopEndpoint, zone: string): string {
  const sni = endpoint.sni ? `, TLS SNI ${endpoint.sni}` : '';
  return `allow outbound TCP from zone "${zone}" (build hosts and CI runners) to ${endpoint.host} port ${endpoint.port}${sni}`;
}
