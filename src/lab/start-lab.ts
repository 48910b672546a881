import { createHash } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import type { SecureContext } from 'node:tls';
import { startBlackHole } from './black-hole.js';
import { startConnectProxy } from './connect-proxy.js';
import type { ConnectProxy, ConnectRequest } from './connect-proxy.js';
import { LAB_DNS_NAMES, startDnsResponder } from './dns-responder.js';
import type { DnsQuery } from './dns-responder.js';
import { handleGoproxyRequest, handleSumdbRequest, recordLabRequest } from './fault-goproxy.js';
import type { FaultGoproxyOptions, LabRequest, SumdbHandler } from './fault-goproxy.js';
import { LAB_CA_FILE, readLabKeyPair } from './lab-certs.js';
import type { LabCertKind } from './lab-certs.js';
import { buildLabModules } from './lab-modules.js';
import type { LabModule } from './lab-modules.js';
import { createSumdb } from './sumdb/create-sumdb.js';
import { findRefusedPort, startResetOnConnect, startTlsStall } from './tcp-faults.js';
import { handleDiscoveryRequest, handleGitRequest } from './vcs-host.js';

export interface StartLabOptions {
  /** Port of the trusted HTTPS server (0 = any). */
  readonly port?: number;
  /** Also serve HTTPS on 127.0.0.1:443 and HTTP on 127.0.0.1:80 (the recorder's network namespace only). */
  readonly bindPrivilegedPorts?: boolean;
  /** Latency of the `slow` fault, in ms (default 200). */
  readonly latencyMs?: number;
  /** Port of the DNS responder (0 = any; 53 in the recorder's network namespace). */
  readonly dnsPort?: number;
}

/** Everything the lab runs, all on 127.0.0.1. GOPROXY URLs are `<base>/<fault>` (see fault-goproxy.ts). */
export interface Lab {
  readonly urls: {
    /** HTTPS with a leaf from the lab CA (trust it with `caFile`). */
    readonly trusted: string;
    /** HTTPS with a leaf from a CA nobody trusts (a TLS-inspecting gateway). */
    readonly unknownAuthority: string;
    /** HTTPS with a lab-CA leaf valid 2001–2002. */
    readonly expired: string;
    /** HTTPS with a lab-CA leaf for other-host.corp.example only (no IP SAN). */
    readonly wrongName: string;
    /** Plain HTTP, same handler. */
    readonly http: string;
  };
  readonly httpsPort: number;
  readonly httpPort: number;
  /** A port that refuses connections. */
  readonly refusedUrl: string;
  /** A port whose SYNs are dropped (connect times out). */
  readonly blackholeUrl: string;
  /** TCP accepted, no TLS ServerHello ever. */
  readonly tlsStallUrl: string;
  /** TCP accepted, then RST on the first bytes. */
  readonly resetUrl: string;
  /** `https://` to the plain-HTTP port (`server gave HTTP response to HTTPS client`). */
  readonly protocolErrorUrl: string;
  readonly dns: { readonly host: string; readonly port: number };
  /** HTTP(S)_PROXY values: tunnel, 407 without `alice:s3cret`, 403. */
  readonly connectProxy: { readonly pass: string; readonly auth: string; readonly forbid: string };
  /** The lab CA (SSL_CERT_FILE / GIT_SSL_CAINFO value). */
  readonly caFile: string;
  /** The checksum-DB stand-in: GOSUMDB=`verifierKey` (reached through `<trusted>/ok/sumdb/<name>`). */
  readonly sumdb: { readonly name: string; readonly verifierKey: string };
  /** Basic credentials the `auth` fault, the git endpoint and the `auth` CONNECT proxy accept. */
  readonly credentials: { readonly user: string; readonly password: string };
  readonly modules: ReadonlyMap<string, LabModule>;
  /** Where a client that pins names to loopback must connect for a lab host name (null: not a lab name). */
  connectTo(host: string, port: number): { host: string; port: number } | null;
  readonly requests: readonly LabRequest[];
  readonly dnsQueries: readonly DnsQuery[];
  readonly proxyRequests: readonly ConnectRequest[];
  close(): Promise<void>;
}

const CREDENTIALS = { user: 'alice', password: 's3cret' };
const SUMDB_NAME = 'sum.corp.example';
/** Modules the checksum DB has no record of (private modules: lookups answer 404). */
const PRIVATE_MODULES = new Set(['corp.example/private', 'vanity.corp.example/private', 'expired.corp.example/legacy']);

/** Names whose TLS certificate the lab picks by SNI on its trusted port (and on 443). */
const SNI_KINDS: Readonly<Record<string, LabCertKind>> = {
  'untrusted.corp.example': 'unknownAuthority',
  'expired.corp.example': 'expired',
  'wrongname.corp.example': 'wrongName',
};

function listen(server: HttpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: HttpServer): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Go percent-encodes `!` of case-encoded paths (`%21big%21corp`). */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function isLabName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return (name === 'corp.example' || name.endsWith('.corp.example')) && LAB_DNS_NAMES[name] === undefined;
}

function createLabSumdbHandler(modules: ReadonlyMap<string, LabModule>): { handler: SumdbHandler; verifierKey: string } {
  const records = [...modules.values()]
    .filter((m) => !PRIVATE_MODULES.has(m.module))
    .flatMap((m) => m.versions.map((v) => ({ module: m.module, version: v.version, h1: v.content.h1, modH1: v.content.modH1 })));
  const seed = createHash('sha256').update('gomod-doctor lab checksum database').digest();
  const sumdb = createSumdb({ name: SUMDB_NAME, records, seed });
  const handler: SumdbHandler = (req, res, name, rest) => {
    if (name !== SUMDB_NAME) return false;
    req.url = `/${rest}`;
    sumdb.handle(req, res);
    return true;
  };
  return { handler, verifierKey: sumdb.verifierKey };
}

/** Starts the fault lab (every server on 127.0.0.1); `close()` stops all of it. */
export async function startLab(options: StartLabOptions = {}): Promise<Lab> {
  const modules = buildLabModules();
  const requests: LabRequest[] = [];
  const stalled = new Set<ServerResponse>();
  const sumdb = createLabSumdbHandler(modules);
  const goproxy: FaultGoproxyOptions = {
    modules, log: requests, latencyMs: options.latencyMs ?? 200, credentials: CREDENTIALS, sumdb: sumdb.handler, stalled,
  };
  let bases = { proxy: '', git: '' };

  async function handle(server: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    recordLabRequest(requests, server, req);
    const url = new URL(req.url ?? '/', 'http://lab.invalid');
    const pathname = decodePath(url.pathname);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (url.searchParams.get('go-get') === '1') handleDiscoveryRequest(req, res, pathname, bases);
    else if (pathname.startsWith('/git/')) handleGitRequest(req, res);
    else if (host === SUMDB_NAME) handleSumdbRequest(req, res, `/sumdb/${SUMDB_NAME}${pathname}`, sumdb.handler);
    else if (pathname.startsWith('/sumdb/')) handleSumdbRequest(req, res, pathname, sumdb.handler);
    else await handleGoproxyRequest(req, res, pathname, goproxy);
  }

  function listener(server: string): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      handle(server, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('lab error\n');
      });
    };
  }

  const contexts = new Map<string, SecureContext>();
  for (const [name, kind] of Object.entries(SNI_KINDS)) contexts.set(name, createSecureContext(readLabKeyPair(kind)));
  const trustedPair = readLabKeyPair('trusted');
  const createTrusted = (name: string): HttpServer => createHttpsServer({
    ...trustedPair,
    SNICallback: (servername, done) => done(null, contexts.get(servername.toLowerCase()) ?? createSecureContext(trustedPair)),
  }, listener(name));
  const servers: HttpServer[] = [];
  const start = async (server: HttpServer, port: number): Promise<number> => {
    servers.push(server);
    return listen(server, port);
  };

  const httpsPort = await start(createTrusted('trusted'), options.port ?? 0);
  const httpsBase = `https://127.0.0.1:${httpsPort}`;
  // On port 443 (recorder's namespace) meta tags name lab hosts, as a real vanity server would.
  bases = options.bindPrivilegedPorts === true
    ? { proxy: 'https://goproxy.corp.example', git: 'https://git.corp.example' }
    : { proxy: httpsBase, git: httpsBase };
  const [httpPort, unknownPort, expiredPort, wrongNamePort] = await Promise.all([
    start(createHttpServer(listener('http')), 0),
    start(createHttpsServer(readLabKeyPair('unknownAuthority'), listener('unknownAuthority')), 0),
    start(createHttpsServer(readLabKeyPair('expired'), listener('expired')), 0),
    start(createHttpsServer(readLabKeyPair('wrongName'), listener('wrongName')), 0),
  ]);
  if (options.bindPrivilegedPorts === true) {
    try {
      await start(createTrusted('trusted:443'), 443);
      await start(createHttpServer(listener('http:80')), 80);
    } catch (error) {
      await Promise.all(servers.filter((s) => s.listening).map(closeServer));
      throw error;
    }
  }

  const connectTo = (host: string, port: number): { host: string; port: number } | null => {
    if (!isLabName(host)) return null;
    if (port === 443) return { host: '127.0.0.1', port: httpsPort };
    if (port === 80) return { host: '127.0.0.1', port: httpPort };
    return null;
  };
  const [dns, blackHole, tlsStall, reset, refusedPort, passProxy, authProxy, forbidProxy] = await Promise.all([
    startDnsResponder({ port: options.dnsPort ?? 0 }),
    startBlackHole(),
    startTlsStall(),
    startResetOnConnect(),
    findRefusedPort(),
    startConnectProxy({ mode: 'pass', connectTo }),
    startConnectProxy({ mode: 'auth', connectTo }),
    startConnectProxy({ mode: 'forbid', connectTo }),
  ]);
  const proxies: ConnectProxy[] = [passProxy, authProxy, forbidProxy];

  return {
    urls: {
      trusted: httpsBase,
      unknownAuthority: `https://127.0.0.1:${unknownPort}`,
      expired: `https://127.0.0.1:${expiredPort}`,
      wrongName: `https://127.0.0.1:${wrongNamePort}`,
      http: `http://127.0.0.1:${httpPort}`,
    },
    httpsPort,
    httpPort,
    refusedUrl: `https://127.0.0.1:${refusedPort}`,
    blackholeUrl: `https://127.0.0.1:${blackHole.port}`,
    tlsStallUrl: `https://127.0.0.1:${tlsStall.port}`,
    resetUrl: `https://127.0.0.1:${reset.port}`,
    protocolErrorUrl: `https://127.0.0.1:${httpPort}`,
    dns: { host: dns.host, port: dns.port },
    connectProxy: { pass: passProxy.url, auth: authProxy.url, forbid: forbidProxy.url },
    caFile: LAB_CA_FILE,
    sumdb: { name: SUMDB_NAME, verifierKey: sumdb.verifierKey },
    credentials: CREDENTIALS,
    modules,
    connectTo,
    requests,
    dnsQueries: dns.queries,
    get proxyRequests() {
      return proxies.flatMap((p) => p.requests);
    },
    close: async () => {
      for (const res of stalled) res.destroy();
      await Promise.all([
        ...servers.map(closeServer),
        dns.close(), blackHole.close(), tlsStall.close(), reset.close(),
        ...proxies.map((p) => p.close()),
      ]);
    },
  };
}
