import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { HttpProbeRequest } from '../../ports/probe-runner.js';
import { listen } from '../../../test/support/listen.js';
import { createHttpProbeRunner } from './create-http-probe-runner.js';
import { createDnsResolver } from './resolve-host.js';

const TLS_DIR = new URL('../../../assets/lab-tls/', import.meta.url);
const readPem = (name: string): string => readFileSync(new URL(name, TLS_DIR), 'utf8');
const CA = readPem('ca.pem');
const HOST = 'goproxy.corp.example';

const resolve = createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 100, tries: 1, hosts: { [HOST]: ['127.0.0.1'] } });
const runner = createHttpProbeRunner({ resolve, trustRoots: [CA] });

function probeRequest(url: string, overrides: Partial<HttpProbeRequest> = {}): HttpProbeRequest {
  return {
    url, expect: 'text', maxBodyBytes: 1 << 20, proxy: null, insecureSkipVerify: false,
    redirectAllow: [], maxRedirects: 10,
    budget: { dnsMs: 500, connectMs: 500, proxyMs: 500, tlsMs: 500, ttfbMs: 500, bodyMs: 500 },
    ...overrides,
  };
}

async function startTlsServer(leaf: string, extra: ServerOptions = {}): Promise<number> {
  const server = createHttpsServer({ cert: readPem(`${leaf}.pem`), key: readPem(`${leaf}-key.pem`), ...extra }, (req, res) => {
    if (req.url === '/to-http') res.writeHead(302, { location: `http://${HOST}:1/x` }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(`tls ok ${req.headers.host ?? ''}`);
  });
  return (await listen(server)).port;
}

/** An HTTP CONNECT proxy that answers `status` and, on 200, tunnels to 127.0.0.1:`targetPort`. */
async function startConnectProxy(statusLine: string, targetPort: number, overTls = false): Promise<{ port: number; heads: string[] }> {
  const heads: string[] = [];
  const onClient = (client: Socket): void => {
    let head = '';
    client.on('error', () => undefined);
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      client.removeListener('data', onData);
      heads.push(head);
      client.write(`HTTP/1.1 ${statusLine}\r\nContent-Length: 0\r\n\r\n`);
      if (!statusLine.startsWith('200')) return;
      const upstream = connect(targetPort, '127.0.0.1');
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    };
    client.on('data', onData);
  };
  const server = overTls
    ? createTlsServer({ cert: readPem('leaf.pem'), key: readPem('leaf-key.pem') }, onClient)
    : createNetServer(onClient);
  return { port: (await listen(server)).port, heads };
}

describe('createHttpProbeRunner over TLS', () => {
  it('verifies against the injected roots and records the certificate', async () => {
    const port = await startTlsServer('leaf');
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({
      ok: true, code: 'OK', stage: 'done', http: { status: 200, statusText: 'OK', bodyText: `tls ok ${HOST}:${port}` },
      tls: { authorized: true, authorizationError: null, subject: `CN=${HOST},O=gomod-doctor lab`, issuer: 'CN=gomod-doctor lab CA,O=gomod-doctor lab' },
    });
    expect(outcome.tls?.san).toContain(HOST);
    expect(outcome.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(outcome.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(outcome.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(outcome.timings.tlsMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['untrusted', 'TLS_UNKNOWN_AUTHORITY', 'x509: certificate signed by unknown authority', 'CN=Corp TLS Inspection CA,O=Inspecting Gateway'],
    ['expired', 'TLS_EXPIRED', /^x509: certificate has expired or is not yet valid: current time \S+ is after 2002-01-01T00:00:00Z$/, 'CN=gomod-doctor lab CA,O=gomod-doctor lab'],
    ['wrongname', 'TLS_HOSTNAME_MISMATCH', `x509: certificate is valid for other-host.corp.example, not ${HOST}`, 'CN=gomod-doctor lab CA,O=gomod-doctor lab'],
  ] as const)('reports the %s certificate as %s and still records it', async (leaf, code, detail, issuer) => {
    const port = await startTlsServer(leaf);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', code, http: null, tls: { authorized: false, issuer } });
    expect(outcome.detail).toMatch(typeof detail === 'string' ? new RegExp(`^${detail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : detail);
    expect(outcome.tls?.authorizationError).not.toBeNull();
  });

  it('trusts nothing when the roots are empty', async () => {
    const port = await startTlsServer('leaf');
    const outcome = await createHttpProbeRunner({ resolve, trustRoots: [] }).fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, code: 'TLS_UNKNOWN_AUTHORITY' });
  });

  it('goes on past a bad certificate when insecureSkipVerify is set', async () => {
    const port = await startTlsServer('untrusted');
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`, { insecureSkipVerify: true }));
    expect(outcome).toMatchObject({ ok: true, code: 'OK', tls: { authorized: false }, http: { status: 200 } });
  });

  it('stops a handshake that never answers at the tls budget', async () => {
    const server = createNetServer((socket) => socket.on('error', () => undefined));
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`, { budget: { ...probeRequest('').budget, tlsMs: 200 } }));
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', code: 'TLS_HANDSHAKE_TIMEOUT', detail: 'net/http: TLS handshake timeout', tls: null });
    expect(outcome.timings.ttfbMs).toBeNull();
  });

  it('reports a close during the handshake as EOF', async () => {
    const server = createNetServer((socket) => socket.end());
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', code: 'TCP_EOF' });
  });

  it('reports a reset during the handshake as a reset', async () => {
    const server = createNetServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', code: 'TCP_RESET', detail: 'read: connection reset by peer' });
  });

  it('reports https to a plain HTTP port as go does', async () => {
    const server = createHttpServer((_req, res) => res.end('plain'));
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', code: 'TLS_PROTOCOL', detail: 'http: server gave HTTP response to HTTPS client' });
  });

  it('reports a handshake alert from the server', async () => {
    const port = await startTlsServer('leaf', { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' });
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', code: 'TLS_ALERT', detail: 'remote error: tls: handshake failure' });
  });

  it('refuses an https to http redirect', async () => {
    const port = await startTlsServer('leaf');
    const outcome = await runner.fetch(probeRequest(`https://${HOST}:${port}/to-http`, { redirectAllow: [`${HOST}:1`] }));
    expect(outcome).toMatchObject({
      ok: false, stage: 'http', code: 'HTTP_REDIRECT_INSECURE',
      detail: `redirected from secure URL https://${HOST}:${port}/to-http to insecure URL http://${HOST}:1/x`,
    });
  });
});

describe('createHttpProbeRunner through an HTTP proxy', () => {
  it('tunnels with CONNECT, sends the proxy credentials and never echoes them', async () => {
    const target = await startTlsServer('leaf');
    const proxy = await startConnectProxy('200 Connection established', target);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `http://bob:pr0xy-pw@127.0.0.1:${proxy.port}` } }));
    expect(outcome).toMatchObject({ ok: true, code: 'OK', proxyConnect: { status: 200, statusText: 'Connection established' }, tls: { authorized: true } });
    expect(proxy.heads[0]).toMatch(new RegExp(`^CONNECT ${HOST}:443 HTTP/1.1\r\nHost: ${HOST}:443\r\n`));
    expect(proxy.heads[0]).toContain(`Proxy-Authorization: Basic ${Buffer.from('bob:pr0xy-pw').toString('base64')}`);
    expect(outcome.timings.proxyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(outcome)).not.toMatch(/pr0xy-pw|Ym9iOnByMHh5LXB3/);
  });

  it.each([
    ['407 Proxy Authentication Required', 407, 'Proxy Authentication Required'],
    ['403 URLBlocked', 403, 'URLBlocked'],
    ['502', 502, 'unknown status code'],
  ])('reports a CONNECT answered %s by its reason phrase', async (statusLine, status, detail) => {
    const proxy = await startConnectProxy(statusLine, 1);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `http://127.0.0.1:${proxy.port}` } }));
    expect(outcome).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_CONNECT_STATUS', detail, proxyConnect: { status }, tls: null, http: null });
  });

  it('reports a proxy that never answers CONNECT at the proxy budget', async () => {
    const server = createNetServer((socket) => socket.on('error', () => undefined));
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `http://127.0.0.1:${port}` }, budget: { ...probeRequest('').budget, proxyMs: 200 } }));
    expect(outcome).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_CONNECT_TIMEOUT', proxyConnect: null });
  });

  it('reports a refused proxy port at the proxy stage', async () => {
    const server = createNetServer();
    const { port, close } = await listen(server);
    await close();
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `http://127.0.0.1:${port}` } }));
    expect(outcome).toMatchObject({
      ok: false, stage: 'proxy', code: 'PROXY_CONNECT_REFUSED',
      detail: `proxyconnect tcp: dial tcp 127.0.0.1:${port}: connect: connection refused`,
    });
  });

  it('speaks TLS to an https:// proxy before CONNECT', async () => {
    const target = await startTlsServer('leaf');
    const proxy = await startConnectProxy('200 OK', target, true);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `https://127.0.0.1:${proxy.port}` } }));
    expect(outcome).toMatchObject({ ok: true, code: 'OK', proxyConnect: { status: 200 }, tls: { subject: `CN=${HOST},O=gomod-doctor lab` } });
    expect(proxy.heads).toHaveLength(1);
  });

  it('reports an https:// proxy setting that points at a plain proxy as go does', async () => {
    const server = createHttpServer((_req, res) => res.end());
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `https://127.0.0.1:${port}` } }));
    expect(outcome).toMatchObject({
      ok: false, stage: 'proxy', code: 'TLS_PROTOCOL', detail: 'proxyconnect tcp: tls: first record does not look like a TLS handshake',
    });
  });

  it('reads a proxy setting without a scheme as http', async () => {
    const target = await startTlsServer('leaf');
    const proxy = await startConnectProxy('200 OK', target);
    const outcome = await runner.fetch(probeRequest(`https://${HOST}/x`, { proxy: { url: `127.0.0.1:${proxy.port}` } }));
    expect(outcome).toMatchObject({ ok: true, proxyConnect: { status: 200 } });
  });

  it('sends absolute-form requests with Proxy-Authorization for http targets', async () => {
    const seen: { url?: string; auth?: string } = {};
    const server = createHttpServer((req, res) => {
      seen.url = req.url ?? '';
      seen.auth = req.headers['proxy-authorization'] ?? '';
      res.writeHead(200, { 'content-type': 'text/plain' }).end('via proxy');
    });
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`http://${HOST}:8080/m/@v/list`, { proxy: { url: `http://bob:pw@127.0.0.1:${port}` } }));
    expect(outcome).toMatchObject({ ok: true, http: { bodyText: 'via proxy' }, proxyConnect: null });
    expect(seen).toEqual({ url: `http://${HOST}:8080/m/@v/list`, auth: `Basic ${Buffer.from('bob:pw').toString('base64')}` });
  });
});
