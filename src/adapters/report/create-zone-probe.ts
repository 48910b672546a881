import { parseHttpProxySettings, selectHttpProxy } from '../../core/goenv/select-http-proxy.js';
import type { ProbeRunner } from '../../ports/probe-runner.js';
import { createHttpProbeRunner } from '../probes/create-http-probe-runner.js';
import { createTlsSessionCache } from '../probes/create-tls-session-cache.js';
import { loadTrustRoots } from '../probes/load-trust-roots.js';
import { createDnsResolver } from '../probes/resolve-host.js';

export interface ZoneProbe {
  readonly probe: ProbeRunner;
  readonly proxyFor: (url: string) => { readonly url: string } | null;
}

export interface ZoneProbeOptions {
  /** Name servers (`ip:port`); absent = the system's. */
  readonly resolverServers?: readonly string[];
  readonly connectTo?: (host: string, port: number) => { readonly host: string; readonly port: number } | null;
}

/**
 * A probe runner for one zone's Go environment: the trust roots the go command would use there
 * (SSL_CERT_FILE / SSL_CERT_DIR) and its HTTP(S)_PROXY / NO_PROXY selection. It resumes TLS sessions
 * per hop: thousands of checks against the same few hosts would otherwise each pay a full handshake,
 * and what the report reads (status, hashes, certificate days left, latency with a real TLS round
 * trip) is the same either way.
 */
export async function createZoneProbe(env: Readonly<Record<string, string | undefined>>, options: ZoneProbeOptions = {}): Promise<ZoneProbe> {
  const certFile = env['SSL_CERT_FILE'];
  const certDir = env['SSL_CERT_DIR'];
  const trustRoots = await loadTrustRoots({
    certFile: certFile === undefined || certFile === '' ? null : certFile,
    certDirs: certDir === undefined || certDir === '' ? [] : certDir.split(':').filter((d) => d !== ''),
  });
  const settings = parseHttpProxySettings(env);
  return {
    probe: createHttpProbeRunner({
      resolve: createDnsResolver({ timeoutMs: 2000, tries: 2, ...(options.resolverServers === undefined ? {} : { servers: options.resolverServers }) }),
      trustRoots,
      tlsSessionCache: createTlsSessionCache(),
      ...(options.connectTo === undefined ? {} : { connectTo: options.connectTo }),
    }),
    proxyFor: (url) => {
      const proxy = selectHttpProxy(settings, url);
      return proxy === null ? null : { url: proxy };
    },
  };
}
