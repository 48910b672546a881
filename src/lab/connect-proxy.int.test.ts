import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectProxy } from './connect-proxy.js';
import type { ConnectProxy, ConnectProxyMode } from './connect-proxy.js';

/** Sends a raw CONNECT, returns the proxy's status line and, through a tunnel, the target's answer. */
function sendConnect(proxyPort: number, target: string, auth?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxyPort, '127.0.0.1', () => {
      const header = auth === undefined ? '' : `Proxy-Authorization: Basic ${Buffer.from(auth).toString('base64')}\r\n`;
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${header}\r\n`);
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.startsWith('HTTP/1.1 200') && text.endsWith('\r\n\r\n') && !text.includes('hello')) {
        socket.write(`GET / HTTP/1.1\r\nHost: ${target}\r\nConnection: close\r\n\r\n`);
      }
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('startConnectProxy', () => {
  let target: Server;
  let targetPort: number;
  const proxies = new Map<ConnectProxyMode, ConnectProxy>();
  beforeAll(async () => {
    target = createServer((_req, res) => res.end('hello from the target'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetPort = (target.address() as AddressInfo).port;
    const connectTo = (host: string, port: number) => (host === 'goproxy.corp.example' && port === 443 ? { host: '127.0.0.1', port: targetPort } : null);
    for (const mode of ['pass', 'auth', 'forbid'] as const) proxies.set(mode, await startConnectProxy({ mode, connectTo }));
  });
  afterAll(async () => {
    for (const p of proxies.values()) await p.close();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  it('tunnels to a lab name through connectTo', async () => {
    const answer = await sendConnect(proxies.get('pass')?.port ?? 0, 'goproxy.corp.example:443');
    expect(answer).toMatch(/^HTTP\/1\.1 200 Connection Established\r\n\r\nHTTP\/1\.1 200 OK[\s\S]*hello from the target$/);
    expect(proxies.get('pass')?.requests.at(-1)).toEqual({ method: 'CONNECT', target: 'goproxy.corp.example:443', proxyAuthorization: false, status: 200 });
  });

  it('refuses targets beyond loopback with 502 and never connects', async () => {
    expect(await sendConnect(proxies.get('pass')?.port ?? 0, 'proxy.golang.org:443')).toMatch(/^HTTP\/1\.1 502 /);
  });

  it('answers 407 without credentials and tunnels with them', async () => {
    const port = proxies.get('auth')?.port ?? 0;
    expect(await sendConnect(port, 'goproxy.corp.example:443')).toMatch(/^HTTP\/1\.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic/);
    expect(await sendConnect(port, 'goproxy.corp.example:443', 'alice:s3cret')).toContain('hello from the target');
    expect(proxies.get('auth')?.requests.map((r) => [r.proxyAuthorization, r.status])).toEqual([[false, 407], [true, 200]]);
  });

  it('answers 403 in forbid mode', async () => {
    expect(await sendConnect(proxies.get('forbid')?.port ?? 0, 'goproxy.corp.example:443')).toMatch(/^HTTP\/1\.1 403 Forbidden/);
  });
});
