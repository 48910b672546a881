import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { HttpProbeRequest } from '../../ports/probe-runner.js';
import { listen } from '../../../test/support/listen.js';
import { createHttpProbeRunner, type HttpProbeRunnerDeps } from './create-http-probe-runner.js';
import { createTlsSessionCache } from './create-tls-session-cache.js';
import { createDnsResolver } from './resolve-host.js';

const TLS_DIR = new URL('../../../assets/lab-tls/', import.meta.url);
const readPem = (name: string): string => readFileSync(new URL(name, TLS_DIR), 'utf8');
const CA = readPem('ca.pem');
const HOST = 'goproxy.corp.example';
const resolve = createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 100, tries: 1, hosts: { [HOST]: ['127.0.0.1'] } });

function probeRequest(url: string, overrides: Partial<HttpProbeRequest> = {}): HttpProbeRequest {
  return {
    url, expect: 'text', maxBodyBytes: 1 << 20, proxy: null, insecureSkipVerify: false, redirectAllow: [], maxRedirects: 10,
    budget: { dnsMs: 500, connectMs: 500, proxyMs: 500, tlsMs: 500, ttfbMs: 500, bodyMs: 500 },
    ...overrides,
  };
}

/** An https server that notes, per handshake, whether it resumed a session (the server's own view). */
async function startTlsServer(leaf: string): Promise<{ url: string; resumed: boolean[] }> {
  const resumed: boolean[] = [];
  const server = createServer({ cert: readPem(`${leaf}.pem`), key: readPem(`${leaf}-key.pem`) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  server.on('secureConnection', (socket: TLSSocket) => resumed.push(socket.isSessionReused()));
  const { port } = await listen(server);
  return { url: `https://${HOST}:${port}/x`, resumed };
}

/** Listens on `port` (0 = any) and closes when the test finishes; the server's tickets die with it. */
async function listenOn(server: Server, port: number): Promise<number> {
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : port;
}

async function probeTwice(deps: HttpProbeRunnerDeps, url: string, overrides: Partial<HttpProbeRequest> = {}) {
  const runner = createHttpProbeRunner(deps);
  return [await runner.fetch(probeRequest(url, overrides)), await runner.fetch(probeRequest(url, overrides))] as const;
}

describe('createHttpProbeRunner with a TLS session cache', () => {
  it('resumes the session on the second probe of the same origin and keeps the certificate', async () => {
    const server = await startTlsServer('leaf');
    const [first, second] = await probeTwice({ resolve, trustRoots: [CA], tlsSessionCache: createTlsSessionCache() }, server.url);
    expect(server.resumed).toEqual([false, true]);
    expect(first).toMatchObject({ ok: true, code: 'OK', tls: { resumed: false, authorized: true } });
    expect(second).toMatchObject({ ok: true, code: 'OK', http: { status: 200 }, tls: { resumed: true, authorized: true, authorizationError: null } });
    const { resumed: _first, ...firstCert } = first.tls ?? {};
    const { resumed: _second, ...secondCert } = second.tls ?? {};
    expect(secondCert).toEqual(firstCert);
    expect(second.tls?.validTo).toMatch(/^\d{4}-/);
    expect(second.timings.tlsMs).toBeGreaterThanOrEqual(0);
  });

  it('never resumes without a cache, and says nothing about resumption', async () => {
    const server = await startTlsServer('leaf');
    const [first, second] = await probeTwice({ resolve, trustRoots: [CA] }, server.url);
    expect(server.resumed).toEqual([false, false]);
    expect(first.tls).not.toHaveProperty('resumed');
    expect(second).toMatchObject({ ok: true, code: 'OK', tls: { authorized: true } });
    expect(second.tls).not.toHaveProperty('resumed');
  });

  it('keeps no session from a handshake that failed verification', async () => {
    const server = await startTlsServer('untrusted');
    const [first, second] = await probeTwice({ resolve, trustRoots: [CA], tlsSessionCache: createTlsSessionCache() }, server.url);
    expect(first).toMatchObject({ ok: false, code: 'TLS_UNKNOWN_AUTHORITY' });
    // The client drops a connection it does not trust at once, so the server's count is no witness here.
    expect(second).toMatchObject({ ok: false, code: 'TLS_UNKNOWN_AUTHORITY', tls: { resumed: false } });
  });

  it('keeps no session from an insecure probe past a bad certificate', async () => {
    const server = await startTlsServer('untrusted');
    const [, second] = await probeTwice({ resolve, trustRoots: [CA], tlsSessionCache: createTlsSessionCache() }, server.url, { insecureSkipVerify: true });
    expect(second).toMatchObject({ ok: true, tls: { resumed: false, authorized: false } });
    expect(server.resumed).toEqual([false, false]);
  });

  it('judges a resumed handshake by the recorded certificate, then shakes hands in full again', async () => {
    const server = await startTlsServer('leaf');
    let wall = Date.now();
    const runner = createHttpProbeRunner({ resolve, trustRoots: [CA], tlsSessionCache: createTlsSessionCache(), wallClock: () => wall });
    const fresh = await runner.fetch(probeRequest(server.url));
    wall = Date.parse(fresh.tls?.validTo ?? '') + 1000;
    const resumed = await runner.fetch(probeRequest(server.url));
    const after = await runner.fetch(probeRequest(server.url));
    expect(resumed).toMatchObject({ ok: false, code: 'TLS_EXPIRED', tls: { resumed: true, validTo: fresh.tls?.validTo } });
    expect(after).toMatchObject({ ok: false, code: 'TLS_EXPIRED', tls: { resumed: false, validTo: fresh.tls?.validTo } });
  });

  it('does not offer a session older than its age limit', async () => {
    const server = await startTlsServer('leaf');
    let clock = 0;
    const cache = createTlsSessionCache({ maxAgeMs: 1000, now: () => clock });
    const runner = createHttpProbeRunner({ resolve, trustRoots: [CA], tlsSessionCache: cache });
    await runner.fetch(probeRequest(server.url));
    clock = 1001;
    const second = await runner.fetch(probeRequest(server.url));
    expect(second).toMatchObject({ ok: true, tls: { resumed: false } });
    expect(server.resumed).toEqual([false, false]);
  });

  it('takes the new session when the server declines the offered one', async () => {
    const answer = (_req: IncomingMessage, res: ServerResponse): void => { res.writeHead(200).end('ok'); };
    const before = createServer({ cert: readPem('leaf.pem'), key: readPem('leaf-key.pem') }, answer);
    const port = await listenOn(before, 0);
    const runner = createHttpProbeRunner({ resolve, trustRoots: [CA], tlsSessionCache: createTlsSessionCache() });
    const url = `https://${HOST}:${port}/x`;
    await runner.fetch(probeRequest(url));
    await new Promise<void>((done) => before.close(() => done()));
    // A restarted server has new ticket keys: the offered session is refused and a full handshake follows.
    await listenOn(createServer({ cert: readPem('leaf.pem'), key: readPem('leaf-key.pem') }, answer), port);
    const declined = await runner.fetch(probeRequest(url));
    const next = await runner.fetch(probeRequest(url));
    expect(declined).toMatchObject({ ok: true, tls: { resumed: false, authorized: true } });
    expect(next).toMatchObject({ ok: true, tls: { resumed: true, authorized: true } });
  });
});
