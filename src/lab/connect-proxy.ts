import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/** `pass` tunnels; `auth` wants `Proxy-Authorization` (407 without it); `forbid` answers 403. */
export type ConnectProxyMode = 'pass' | 'auth' | 'forbid';

export interface ConnectRequest {
  readonly method: string;
  readonly target: string;
  readonly proxyAuthorization: boolean;
  readonly status: number;
}

export interface ConnectProxy {
  readonly url: string;
  readonly port: number;
  readonly requests: readonly ConnectRequest[];
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  readonly mode: ConnectProxyMode;
  /** Maps lab host names to loopback ports; anything that is not loopback is refused (502). */
  readonly connectTo: (host: string, port: number) => { host: string; port: number } | null;
}

const PROXY_USER = 'alice';
const PROXY_PASSWORD = 's3cret';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function splitTarget(target: string): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
  if (match === null) return null;
  return { host: (match[1] ?? '').replace(/^\[|\]$/g, ''), port: Number(match[2]) };
}

function resolveLoopback(target: string, options: ConnectProxyOptions): { host: string; port: number } | null {
  const split = splitTarget(target);
  if (split === null) return null;
  const mapped = options.connectTo(split.host, split.port);
  if (mapped !== null) return mapped;
  return LOOPBACK_HOSTS.has(split.host) || /^127\./.test(split.host) ? split : null;
}

function decideStatus(req: IncomingMessage, mode: ConnectProxyMode): number {
  if (mode === 'forbid') return 403;
  if (mode === 'auth') {
    const expected = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`;
    if (req.headers['proxy-authorization'] !== expected) return 407;
  }
  return 200;
}

const REFUSALS: Record<number, string> = {
  403: 'HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 28\r\nConnection: close\r\n\r\nforbidden by proxy policy.\r\n',
  407: 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="lab proxy"\r\n'
    + 'Content-Type: text/plain\r\nContent-Length: 31\r\nConnection: close\r\n\r\nProxy Authentication Required\r\n',
  502: 'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: 35\r\nConnection: close\r\n\r\nthe lab proxy only reaches loopback',
};

/** Starts an HTTP proxy (CONNECT tunnels, and absolute-URI requests for http targets) on loopback. */
export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const requests: ConnectRequest[] = [];
  const tunnels = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const status = decideStatus(req, options.mode);
    const url = URL.canParse(req.url ?? '') ? new URL(req.url ?? '') : null;
    const upstream = url === null ? null : resolveLoopback(`${url.hostname}:${url.port || '80'}`, options);
    const final = status === 200 && upstream === null ? 502 : status;
    requests.push({ method: req.method ?? 'GET', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] !== undefined, status: final });
    if (final !== 200 || upstream === null || url === null) {
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (final === 407) headers['proxy-authenticate'] = 'Basic realm="lab proxy"';
      res.writeHead(final, headers);
      res.end(final === 407 ? 'Proxy Authentication Required\n' : final === 403 ? 'forbidden by proxy policy.\n' : 'the lab proxy only reaches loopback\n');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const forward = httpRequest({ host: upstream.host, port: upstream.port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const status = decideStatus(req, options.mode);
    const upstream = resolveLoopback(target, options);
    const final = status === 200 && upstream === null ? 502 : status;
    requests.push({ method: 'CONNECT', target, proxyAuthorization: req.headers['proxy-authorization'] !== undefined, status: final });
    client.on('error', () => client.destroy());
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    if (final !== 200 || upstream === null) {
      client.end(REFUSALS[final] ?? '');
      return;
    }
    const remote = connect(upstream.port, upstream.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) remote.write(head);
      remote.pipe(client);
      client.pipe(remote);
    });
    tunnels.add(remote);
    remote.on('error', () => client.destroy());
    remote.on('close', () => { tunnels.delete(remote); client.destroy(); });
    client.on('close', () => remote.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
