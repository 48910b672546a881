import type { Socket } from 'node:net';
import type { OutcomeCode } from '../../ports/probe-runner.js';
import { toOutcomeCode } from './to-outcome-code.js';

export type TunnelResult =
  | { readonly ok: true; readonly status: number; readonly statusText: string }
  | {
    readonly ok: false; readonly code: OutcomeCode; readonly detail: string;
    readonly status: number | null; readonly statusText: string | null;
  };

/** A CONNECT answer larger than this is not a proxy talking HTTP. */
const MAX_RESPONSE_HEAD_BYTES = 64 * 1024;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/;

/** The CONNECT request Go's transport writes (net/http `persistConn` dial, go-modules.md §8). */
export function formatConnectRequest(authority: string, proxyAuthorization: string | null): string {
  const auth = proxyAuthorization === null ? '' : `Proxy-Authorization: ${proxyAuthorization}\r\n`;
  return `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\nUser-Agent: Go-http-client/1.1\r\n${auth}\r\n`;
}

/**
 * Asks an HTTP proxy for a tunnel to `authority` (`host:port`) on an open socket. On success the
 * socket is paused and positioned at the first tunnelled byte. Rejects only when `signal` aborts.
 */
export function openProxyTunnel(socket: Socket, authority: string, proxyAuthorization: string | null, timeoutMs: number, signal?: AbortSignal): Promise<TunnelResult> {
  return new Promise<TunnelResult>((resolve, reject) => {
    signal?.throwIfAborted();
    let head = Buffer.alloc(0);
    let ended = false;
    const finish = (result: TunnelResult | null, error?: unknown): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.pause();
      if (result === null) reject(error);
      else resolve(result);
    };
    const fail = (code: OutcomeCode, detail: string, status: number | null = null, statusText: string | null = null): void =>
      finish({ ok: false, code, detail, status, statusText });
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_RESPONSE_HEAD_BYTES) fail('HTTP_PROTOCOL', 'net/http: proxy CONNECT response too large');
        return;
      }
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const rest = head.subarray(end + 4);
      const match = STATUS_LINE.exec(statusLine);
      if (match === null) {
        fail('HTTP_PROTOCOL', `malformed HTTP response ${JSON.stringify(statusLine)}`);
        return;
      }
      const status = Number(match[1]);
      const statusText = match[2] ?? '';
      if (status !== 200) {
        // Go prints only the reason phrase, or `unknown status code` when there is none (§6.5).
        fail('PROXY_CONNECT_STATUS', statusText === '' ? 'unknown status code' : statusText, status, statusText);
        return;
      }
      if (rest.length > 0) socket.unshift(rest);
      finish({ ok: true, status, statusText });
    };
    const onEnd = (): void => {
      ended = true;
      fail('TCP_EOF', 'unexpected EOF');
    };
    const onClose = (): void => fail(ended ? 'TCP_EOF' : 'TCP_RESET', ended ? 'unexpected EOF' : 'connection closed');
    const onError = (error: Error): void => {
      const code = toOutcomeCode(error, 'body');
      fail(code === 'PROBE_INTERNAL' ? 'TCP_RESET' : code, describeReadError(socket, error, code));
    };
    const onAbort = (): void => finish(null, signal?.reason);
    const timer = setTimeout(() => fail('PROXY_CONNECT_TIMEOUT', 'proxyconnect tcp: context deadline exceeded'), timeoutMs);
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
    socket.once('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.write(formatConnectRequest(authority, proxyAuthorization));
    socket.resume();
  });
}

/** `read tcp <local>-><remote>: read: connection reset by peer`, as Go words a read failure. */
export function describeReadError(socket: Socket, error: Error, code: OutcomeCode): string {
  const local = `${socket.localAddress ?? '?'}:${socket.localPort ?? '?'}`;
  const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
  if (code === 'TCP_RESET') return `read tcp ${local}->${remote}: read: connection reset by peer`;
  if (code === 'TCP_EOF') return 'unexpected EOF';
  return error.message;
}
