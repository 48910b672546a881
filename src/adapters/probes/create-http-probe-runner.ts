import { isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSecureContext } from 'node:tls';
import type { PhaseTimings } from '../../core/diagnosis.js';
import type {
  HttpObservation, HttpProbeOutcome, HttpProbeRequest, OutcomeCode, ProbeRunner, ProbeStage, TlsObservation,
} from '../../ports/probe-runner.js';
import { checkRedirect, formatAuthority } from './check-redirect.js';
import type { TlsSessionCache } from './create-tls-session-cache.js';
import { dialTcp } from './dial-tcp.js';
import { exchangeHttp } from './exchange-http.js';
import { handshakeTls } from './handshake-tls.js';
import { openProxyTunnel } from './open-proxy-tunnel.js';
import { redactUrl } from '../../core/plan/go-url.js';
import type { DnsAnswer } from './resolve-host.js';

export interface HttpProbeRunnerDeps {
  readonly resolve: (host: string) => Promise<DnsAnswer>;
  /** Lab/test remap like curl `--connect-to`: dial here instead; Host and SNI keep the real name. */
  readonly connectTo?: (host: string, port: number) => { readonly host: string; readonly port: number } | null;
  /** PEM roots (see loadTrustRoots); null = Node's bundled store. */
  readonly trustRoots: readonly string[] | null;
  /** Monotonic milliseconds for phase timings (default performance.now). */
  readonly now?: () => number;
  /** Wall-clock milliseconds for certificate validity (default Date.now). */
  readonly wallClock?: () => number;
  /**
   * Opt-in TLS session resumption to the probed host (not to an https proxy), per proxy, host:port
   * and server name. Off by default: `diagnose` measures full handshakes. For bulk checks (the report).
   */
  readonly tlsSessionCache?: TlsSessionCache;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'Go-http-client/1.1';

interface HopTimings {
  dnsMs: number | null;
  connectMs: number | null;
  proxyMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
}

interface HopResult {
  readonly ok: boolean;
  readonly stage: ProbeStage;
  readonly code: OutcomeCode;
  readonly detail: string;
  readonly address: string | null;
  readonly tls: TlsObservation | null;
  readonly proxyConnect: { readonly status: number; readonly statusText: string } | null;
  readonly http: HttpObservation | null;
  readonly timings: HopTimings;
}

/**
 * The real ProbeRunner: each hop runs DNS → TCP → (proxy CONNECT) → TLS → HTTP itself, each phase
 * timed and bounded by its own budget, and reports what it saw as data (STYLE.md "Error model").
 * Rejects only when `signal` aborts.
 */
export function createHttpProbeRunner(deps: HttpProbeRunnerDeps): ProbeRunner {
  const now = deps.now ?? (() => performance.now());
  const wallClock = deps.wallClock ?? (() => Date.now());
  // One context for every probe: parsing the roots per handshake would cost more than the handshake.
  // An empty list trusts nothing, as Go does with a missing SSL_CERT_FILE.
  const secureContext = deps.trustRoots === null ? null : createSecureContext({ ca: [...deps.trustRoots] });

  async function fetchProbe(request: HttpProbeRequest, signal?: AbortSignal): Promise<HttpProbeOutcome> {
    const startedAt = now();
    const first = new URL(request.url);
    const credentials = request.basicAuth ?? readUserinfo(first);
    const redirects: string[] = [];
    const finish = (hop: HopResult, override?: Partial<HopResult>): HttpProbeOutcome => {
      const result = { ...hop, ...override };
      const timings: PhaseTimings = { ...result.timings, totalMs: now() - startedAt };
      return {
        url: redactUrl(first), ok: result.ok, stage: result.stage, code: result.code, detail: result.detail,
        address: result.address, tls: result.tls, proxyConnect: result.proxyConnect, http: result.http,
        redirects, timings,
      };
    };
    let current = first;
    for (;;) {
      // Credentials go to the original host only, as net/http drops Authorization across hosts.
      const auth = credentials !== null && formatAuthority(current) === formatAuthority(first) ? credentials : null;
      const hop = await probeHop(current, request, auth, signal);
      const location = hop.http?.headers['location'];
      if (!hop.ok || hop.http === null || !REDIRECT_STATUSES.has(hop.http.status) || location === undefined) return finish(hop);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return finish(hop, { ok: false, stage: 'http', code: 'HTTP_PROTOCOL', detail: `failed to parse Location header ${JSON.stringify(location)}` });
      }
      const verdict = checkRedirect(first, current, next, request.redirectAllow);
      if (verdict?.code === 'HTTP_REDIRECT_INSECURE') return finish(hop, { ok: false, stage: 'http', ...verdict });
      if (redirects.length + 1 >= request.maxRedirects) {
        return finish(hop, { ok: false, stage: 'http', code: 'HTTP_REDIRECT_LOOP', detail: `Get "${redactUrl(next)}": stopped after ${request.maxRedirects} redirects` });
      }
      if (verdict !== null) return finish(hop, { ok: false, stage: 'http', ...verdict });
      redirects.push(redactUrl(next));
      current = next;
    }
  }

  async function probeHop(url: URL, request: HttpProbeRequest, auth: Credentials | null, signal?: AbortSignal): Promise<HopResult> {
    const timings: HopTimings = { dnsMs: null, connectMs: null, proxyMs: null, tlsMs: null, ttfbMs: null };
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      return failHop(timings, 'http', 'PROBE_INTERNAL', `unsupported protocol scheme ${JSON.stringify(url.protocol.replace(/:$/, ''))}`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port !== '' ? url.port : secure ? 443 : 80);
    const proxy = request.proxy === null ? null : parseProxyUrl(request.proxy.url);
    if (proxy !== null && proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
      return failHop(timings, 'proxy', 'PROBE_INTERNAL', `proxy scheme ${JSON.stringify(proxy.protocol.replace(/:$/, ''))} is not probed`);
    }
    const proxyAuth = proxy === null ? null : readUserinfo(proxy);
    const dialName = proxy === null ? host : proxy.hostname.replace(/^\[|\]$/g, '');
    const dialPort = proxy === null ? port : Number(proxy.port !== '' ? proxy.port : proxy.protocol === 'https:' ? 443 : 80);
    const remap = deps.connectTo?.(dialName, dialPort) ?? null;
    const dialHost = remap?.host ?? dialName;
    const viaProxy = proxy !== null;
    const dialStage: ProbeStage = viaProxy ? 'proxy' : 'dns';
    const prefix = viaProxy ? 'proxyconnect tcp: ' : '';

    let phaseStart = now();
    const answer = await resolveWithin(dialHost, request.budget.dnsMs, signal);
    if (isIP(dialHost) === 0) timings.dnsMs = now() - phaseStart;
    if (!answer.ok) return failHop(timings, dialStage, answer.code, prefix + answer.detail);
    if (answer.addresses.length === 0) return failHop(timings, dialStage, 'DNS_NXDOMAIN', `${prefix}dial tcp: lookup ${dialHost}: no such host`);

    phaseStart = now();
    const dial = await dialTcp(answer.addresses, remap?.port ?? dialPort, request.budget.connectMs, now, signal);
    timings.connectMs = now() - phaseStart;
    if (!dial.ok) {
      const code = viaProxy && dial.code === 'TCP_REFUSED' ? 'PROXY_CONNECT_REFUSED' : dial.code;
      return failHop(timings, viaProxy ? 'proxy' : 'connect', code, prefix + dial.detail, dial.address);
    }
    let socket: Socket = dial.socket;
    const address = dial.address;
    const guard = (): void => undefined; // errors after a phase are read by the next phase's listeners
    socket.on('error', guard);
    let tls: TlsObservation | null = null;
    let proxyConnect: HopResult['proxyConnect'] = null;
    try {
      if (proxy !== null && proxy.protocol === 'https:') {
        // An https:// proxy means TLS to the proxy itself before anything else (go-modules.md §8).
        const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
        const toProxy = await handshakeTls(socket, proxyHost, {
          secureContext, insecureSkipVerify: false, timeoutMs: request.budget.tlsMs, wallClock,
        }, signal);
        if (!toProxy.ok) {
          const detail = toProxy.code === 'TLS_PROTOCOL' ? 'tls: first record does not look like a TLS handshake' : toProxy.detail;
          return failHop(timings, 'proxy', toProxy.code, prefix + detail, address, toProxy.observation);
        }
        toProxy.socket.on('error', guard);
        socket = toProxy.socket;
      }
      if (viaProxy && secure) {
        phaseStart = now();
        const tunnel = await openProxyTunnel(socket, formatAuthority(url), proxyAuth === null ? null : basicHeader(proxyAuth), request.budget.proxyMs, signal);
        timings.proxyMs = now() - phaseStart;
        if (tunnel.status !== null) proxyConnect = { status: tunnel.status, statusText: tunnel.statusText ?? '' };
        if (!tunnel.ok) return failHop(timings, 'proxy', tunnel.code, tunnel.detail, address, null, proxyConnect);
      }
      if (secure) {
        phaseStart = now();
        const handshake = await handshakeTls(socket, host, {
          secureContext, insecureSkipVerify: request.insecureSkipVerify, timeoutMs: request.budget.tlsMs, wallClock,
          ...(deps.tlsSessionCache === undefined ? {} : {
            resumption: { cache: deps.tlsSessionCache, key: `${request.proxy?.url ?? 'direct'}|${host}:${port}` }, // the server name is the host
          }),
        }, signal);
        timings.tlsMs = now() - phaseStart;
        tls = handshake.observation;
        if (!handshake.ok) return failHop(timings, 'tls', handshake.code, handshake.detail, address, tls, proxyConnect);
        handshake.socket.on('error', guard);
        socket = handshake.socket;
      }
      const headers: Record<string, string> = { host: url.host, 'user-agent': USER_AGENT };
      if (auth !== null) headers['authorization'] = basicHeader(auth);
      const absoluteForm = viaProxy && !secure;
      if (absoluteForm && proxyAuth !== null) headers['proxy-authorization'] = basicHeader(proxyAuth);
      const exchange = await exchangeHttp(socket, {
        origin: url.origin,
        path: absoluteForm ? stripUserinfo(url) : `${url.pathname}${url.search}`,
        headers,
        expect: request.expect,
        maxBodyBytes: request.maxBodyBytes,
        ...(request.zipPrefix === undefined ? {} : { zipPrefix: request.zipPrefix }),
        ttfbMs: request.budget.ttfbMs,
        bodyMs: request.budget.bodyMs,
        skipBody: (status) => REDIRECT_STATUSES.has(status),
      }, now, signal);
      timings.ttfbMs = exchange.ttfbMs;
      if (exchange.failure !== null) {
        return { ok: false, ...exchange.failure, address, tls, proxyConnect, http: exchange.http, timings };
      }
      const http = exchange.http as HttpObservation;
      return { ok: true, stage: 'done', code: 'OK', detail: `${http.status} ${http.statusText}`.trim(), address, tls, proxyConnect, http, timings };
    } finally {
      socket.destroy();
      dial.socket.destroy();
    }
  }

  async function resolveWithin(host: string, budgetMs: number, signal?: AbortSignal): Promise<DnsAnswer> {
    signal?.throwIfAborted();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await Promise.race([
        deps.resolve(host),
        new Promise<DnsAnswer>((resolve) => {
          timer = setTimeout(() => resolve({ ok: false, code: 'DNS_TIMEOUT', detail: `dial tcp: lookup ${host}: i/o timeout`, server: null }), budgetMs);
        }),
        new Promise<DnsAnswer>((_resolve, reject) => {
          onAbort = () => reject(signal?.reason);
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
  }

  return { fetch: fetchProbe };
}

interface Credentials { readonly username: string; readonly password: string }

function failHop(
  timings: HopTimings, stage: ProbeStage, code: OutcomeCode, detail: string, address: string | null = null,
  tls: TlsObservation | null = null, proxyConnect: HopResult['proxyConnect'] = null,
): HopResult {
  return { ok: false, stage, code, detail, address, tls, proxyConnect, http: null, timings };
}

/** Like Go 1.19's proxy parsing: a value without a scheme (`127.0.0.1:3128`) is read as `http://…`. */
function parseProxyUrl(raw: string): URL {
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
}

function readUserinfo(url: URL): Credentials | null {
  if (url.username === '' && url.password === '') return null;
  return { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

function basicHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

function stripUserinfo(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  return copy.toString();
}
