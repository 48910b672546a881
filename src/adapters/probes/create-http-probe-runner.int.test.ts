import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startBlackHole } from '../../lab/black-hole.js';
import { buildModuleZip } from '../../lab/module-zip.js';
import type { HttpProbeRequest } from '../../ports/probe-runner.js';
import { listen } from '../../../test/support/listen.js';
import { createHttpProbeRunner } from './create-http-probe-runner.js';
import { createDnsResolver } from './resolve-host.js';

const resolve = createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 100, tries: 1, hosts: { 'goproxy.corp.example': ['127.0.0.1'] } });
const runner = createHttpProbeRunner({ resolve, trustRoots: [] });

function probeRequest(url: string, overrides: Partial<HttpProbeRequest> = {}): HttpProbeRequest {
  return {
    url, expect: 'text', maxBodyBytes: 1 << 20, proxy: null, insecureSkipVerify: false,
    redirectAllow: [], maxRedirects: 10,
    budget: { dnsMs: 500, connectMs: 500, proxyMs: 500, tlsMs: 500, ttfbMs: 500, bodyMs: 500 },
    ...overrides,
  };
}

/** A raw HTTP peer: `onRequest` gets the socket once the request head has arrived. */
async function startRawServer(onRequest: (socket: Socket, head: string) => void): Promise<number> {
  const server = createNetServer((socket) => {
    let head = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) onRequest(socket, head);
    });
  });
  return (await listen(server)).port;
}

async function findClosedPort(): Promise<number> {
  const server = createNetServer();
  const { port, close } = await listen(server);
  await close();
  return port;
}

describe('createHttpProbeRunner over plain HTTP', () => {
  it('reports the status with the reason phrase the server sent, and sane timings', async () => {
    let seen: IncomingHttpHeaders = {};
    const port = await startRawServer((socket, head) => {
      seen = { head };
      socket.end('HTTP/1.1 403 URLBlocked\r\nContent-Type: text/plain\r\nSet-Cookie: s=secret\r\nContent-Length: 7\r\n\r\nblocked');
    });
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/corp.example/m/@v/list`));
    expect(outcome).toMatchObject({
      ok: true, stage: 'done', code: 'OK', detail: '403 URLBlocked', address: `127.0.0.1:${port}`, tls: null, redirects: [],
      http: { status: 403, statusText: 'URLBlocked', bodyText: 'blocked', bodyBytes: 7, bodyTruncated: false, headers: { 'content-type': 'text/plain', 'set-cookie': '[redacted]' } },
    });
    expect(String(seen['head'])).toMatch(/^GET \/corp.example\/m\/@v\/list HTTP\/1.1\r\n/);
    expect(String(seen['head'])).toContain('user-agent: Go-http-client/1.1');
    const { timings } = outcome;
    expect(timings).toMatchObject({ dnsMs: null, tlsMs: null, proxyMs: null });
    expect(timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(timings.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(timings.totalMs).toBeGreaterThanOrEqual((timings.connectMs ?? 0) + (timings.ttfbMs ?? 0));
  });

  it('reports a refused port at the connect stage', async () => {
    const port = await findClosedPort();
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`));
    expect(outcome).toMatchObject({
      ok: false, stage: 'connect', code: 'TCP_REFUSED', address: `127.0.0.1:${port}`, http: null,
      detail: `dial tcp 127.0.0.1:${port}: connect: connection refused`,
    });
    expect(outcome.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(outcome.timings.ttfbMs).toBeNull();
  });

  it('tries the next address when the first refuses, within the connect budget', async () => {
    const port = await startRawServer((socket) => socket.end('HTTP/1.1 204 No Content\r\n\r\n'));
    const multi = createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 100, tries: 1, hosts: { 'multi.corp.example': ['127.0.0.2', '127.0.0.1'] } });
    const outcome = await createHttpProbeRunner({ resolve: multi, trustRoots: [] }).fetch(probeRequest(`http://multi.corp.example:${port}/x`));
    expect(outcome).toMatchObject({ ok: true, address: `127.0.0.1:${port}`, http: { status: 204, statusText: 'No Content' } });
  });

  it('reports a response that is not HTTP as a protocol error', async () => {
    const port = await startRawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'http', code: 'HTTP_PROTOCOL', http: null });
  });

  it('reports a reset before the response', async () => {
    const port = await startRawServer((socket) => socket.resetAndDestroy());
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'http', code: 'TCP_RESET', http: null });
  });

  it('reports a close before the response as EOF', async () => {
    const port = await startRawServer((socket) => socket.end());
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'http', code: 'TCP_EOF', http: null });
  });

  it('stops waiting for headers at the ttfb budget', async () => {
    const port = await startRawServer(() => undefined);
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`, { budget: { ...probeRequest('').budget, ttfbMs: 200 } }));
    expect(outcome).toMatchObject({ ok: false, stage: 'http', code: 'HTTP_HEADERS_TIMEOUT', http: null, detail: 'net/http: timeout awaiting response headers' });
    expect(outcome.timings.ttfbMs).toBeNull();
  });

  it('stops a stalled body at the body budget and keeps the status', async () => {
    const port = await startRawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789'));
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`, { budget: { ...probeRequest('').budget, bodyMs: 200 } }));
    expect(outcome).toMatchObject({ ok: false, stage: 'body', code: 'HTTP_BODY_TIMEOUT', http: { status: 200, bodyBytes: 10 } });
    expect(outcome.timings.ttfbMs).toBeGreaterThanOrEqual(0);
  });

  it('lets a slow body that keeps moving finish: the body budget is a silence budget', async () => {
    // Five chunks 40 ms apart take 200 ms in all, longer than the 100 ms budget, but no gap reaches it.
    const port = await startRawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n');
      let sent = 0;
      const timer = setInterval(() => {
        socket.write('0123456789');
        sent += 1;
        if (sent === 5) clearInterval(timer);
      }, 40);
      socket.on('close', () => clearInterval(timer));
    });
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`, { budget: { ...probeRequest('').budget, bodyMs: 100 } }));
    expect(outcome).toMatchObject({ ok: true, code: 'OK', http: { status: 200, bodyBytes: 50 } });
  });

  it.each([
    ['closed', 'TCP_EOF', (socket: Socket) => socket.end()],
    ['reset', 'TCP_RESET', (socket: Socket) => socket.resetAndDestroy()],
  ] as const)('reports a body %s mid-way as %s at the body stage', async (_how, code, cut) => {
    const port = await startRawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789', () => setTimeout(() => cut(socket), 20));
    });
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`));
    expect(outcome).toMatchObject({ ok: false, stage: 'body', code, http: { status: 200 } });
  });

  it('rejects with the reason when the caller aborts, and leaves no connection behind', async () => {
    const controller = new AbortController();
    let serverSide: Promise<unknown> = Promise.resolve();
    const port = await startRawServer((socket) => {
      serverSide = once(socket, 'close');
      controller.abort(new Error('job cancelled'));
    });
    await expect(runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`), controller.signal)).rejects.toThrow('job cancelled');
    await serverSide;
  });

  it('keeps at most maxBodyBytes of text and says it cut', async () => {
    const port = await startRawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789'));
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/x`, { maxBodyBytes: 4 }));
    expect(outcome).toMatchObject({ ok: true, http: { bodyText: '0123', bodyBytes: 4, bodyTruncated: true } });
  });

  it('reports an unknown name at the dns stage', async () => {
    const detail = 'dial tcp: lookup nx.corp.example on 127.0.0.1:53: no such host';
    const nxdomain = createHttpProbeRunner({ resolve: async () => ({ ok: false, code: 'DNS_NXDOMAIN', detail, server: '127.0.0.1:53' }), trustRoots: [] });
    const outcome = await nxdomain.fetch(probeRequest('http://nx.corp.example/x'));
    expect(outcome).toMatchObject({ ok: false, stage: 'dns', code: 'DNS_NXDOMAIN', detail, address: null, http: null });
    expect(outcome.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(outcome.timings.connectMs).toBeNull();
  });

  it('never echoes credentials and sends them as Basic auth', async () => {
    let head = '';
    const port = await startRawServer((socket, received) => {
      head = received;
      socket.end('HTTP/1.1 302 Found\r\nLocation: http://evil.example/steal\r\nContent-Length: 0\r\n\r\n');
    });
    const outcome = await runner.fetch(probeRequest(`http://alice:s3cr3t-pw@127.0.0.1:${port}/x`));
    expect(head).toContain(`authorization: Basic ${Buffer.from('alice:s3cr3t-pw').toString('base64')}`);
    expect(outcome).toMatchObject({ code: 'HTTP_REDIRECT_BLOCKED', url: `http://alice:xxxxx@127.0.0.1:${port}/x` });
    const json = JSON.stringify(outcome);
    expect(json).not.toContain('s3cr3t-pw');
    expect(json).not.toContain(Buffer.from('alice:s3cr3t-pw').toString('base64'));
  });
});

describe('createHttpProbeRunner redirects', () => {
  it('stops after maxRedirects like net/http', async () => {
    const paths: string[] = [];
    const server = createHttpServer((req, res) => {
      paths.push(req.url ?? '');
      const n = Number((req.url ?? '/0').slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/0`, { redirectAllow: [`127.0.0.1:${port}`] }));
    expect(outcome).toMatchObject({ ok: false, stage: 'http', code: 'HTTP_REDIRECT_LOOP', detail: `Get "http://127.0.0.1:${port}/10": stopped after 10 redirects` });
    expect(paths).toHaveLength(10);
    expect(outcome.redirects).toHaveLength(9);
  });

  it('follows an allowed redirect and keeps the final hop', async () => {
    const server = createHttpServer((req, res) => {
      if (req.url === '/a') res.writeHead(301, { location: '/b' }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('here');
    });
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/a`, { redirectAllow: [`127.0.0.1:${port}`] }));
    expect(outcome).toMatchObject({ ok: true, code: 'OK', redirects: [`http://127.0.0.1:${port}/b`], http: { status: 200, bodyText: 'here' } });
  });

  it.each([
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['a link-local IPv6 address', 'http://[fe80::1]/x'],
    ['a host outside the allow list', 'http://elsewhere.example/x'],
  ])('blocks a redirect to %s', async (_what, location) => {
    const server = createHttpServer((_req, res) => res.writeHead(307, { location }).end());
    const { port } = await listen(server);
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${port}/a`, { redirectAllow: [`127.0.0.1:${port}`, '169.254.169.254:80', '[fe80::1]:80'] }));
    expect(outcome).toMatchObject({ ok: false, stage: 'http', code: 'HTTP_REDIRECT_BLOCKED', redirects: [], http: { status: 307 } });
  });
});

describe('createHttpProbeRunner zip-h1', () => {
  async function serveBody(body: Buffer): Promise<number> {
    const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/zip' }).end(body));
    return (await listen(server)).port;
  }
  const zipRequest = (port: number, overrides: Partial<HttpProbeRequest> = {}): HttpProbeRequest =>
    probeRequest(`http://127.0.0.1:${port}/corp.example/m/@v/v1.0.0.zip`, { expect: 'zip-h1', zipPrefix: 'corp.example/m@v1.0.0/', ...overrides });

  it('computes the h1 dirhash of a module zip', async () => {
    const built = buildModuleZip('corp.example/m', 'v1.0.0', { 'm.go': 'package m\n', 'LICENSE': 'MIT\n'.repeat(500) });
    const outcome = await runner.fetch(zipRequest(await serveBody(built.zip)));
    expect(outcome).toMatchObject({ ok: true, http: { status: 200, h1: built.h1, bodyBytes: built.zip.length } });
    expect(outcome.http?.bodyText).toBeUndefined();
  });

  it('names a file outside the module prefix as go does', async () => {
    const built = buildModuleZip('corp.example/other', 'v1.0.0', { 'm.go': 'package m\n' });
    const outcome = await runner.fetch(zipRequest(await serveBody(built.zip)));
    expect(outcome.http?.zipError).toMatch(/^zip for corp\.example\/m@v1\.0\.0 has unexpected file corp\.example\/other@v1\.0\.0\//);
    expect(outcome.http?.h1).toBeUndefined();
  });

  it('reports a body that is not a zip with archive/zip\'s words', async () => {
    const outcome = await runner.fetch(zipRequest(await serveBody(Buffer.from('<html>Sign in</html>'))));
    expect(outcome).toMatchObject({ ok: true, http: { status: 200, zipError: 'zip: not a valid zip file' } });
  });

  it('stops a zip larger than maxBodyBytes', async () => {
    const built = buildModuleZip('corp.example/m', 'v1.0.0', { 'big.txt': 'x'.repeat(2_000) });
    const outcome = await runner.fetch(zipRequest(await serveBody(built.zip), { maxBodyBytes: 100 }));
    expect(outcome).toMatchObject({ ok: false, stage: 'body', code: 'HTTP_BODY_TOO_LARGE', http: { zipError: 'downloaded zip file too large' } });
  });
});

describe('createHttpProbeRunner against a black hole', () => {
  it('stops a connect whose SYNs are dropped at the connect budget', async () => {
    const hole = await startBlackHole();
    onTestFinished(() => hole.close());
    const outcome = await runner.fetch(probeRequest(`http://127.0.0.1:${hole.port}/x`, { budget: { ...probeRequest('').budget, connectMs: 200 } }));
    expect(outcome).toMatchObject({
      ok: false, stage: 'connect', code: 'TCP_TIMEOUT', address: `127.0.0.1:${hole.port}`,
      detail: `dial tcp 127.0.0.1:${hole.port}: i/o timeout`,
    });
  });

  it('lets connectTo send a named host to a lab port while Host keeps the name', async () => {
    let head = '';
    const port = await startRawServer((socket, received) => {
      head = received;
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    });
    const remapped = createHttpProbeRunner({ resolve, trustRoots: [], connectTo: (host, p) => (host === 'goproxy.corp.example' && p === 80 ? { host: '127.0.0.1', port } : null) });
    const outcome = await remapped.fetch(probeRequest('http://goproxy.corp.example/x'));
    expect(outcome).toMatchObject({ ok: true, address: `127.0.0.1:${port}` });
    expect(head).toContain('host: goproxy.corp.example\r\n');
  });
});
