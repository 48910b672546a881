import { connect, isIP, type Socket } from 'node:net';
import type { OutcomeCode } from '../../ports/probe-runner.js';
import { toOutcomeCode } from './to-outcome-code.js';

export type DialResult =
  | { readonly ok: true; readonly socket: Socket; readonly address: string }
  | { readonly ok: false; readonly code: OutcomeCode; readonly detail: string; readonly address: string | null };

/** Go's net.Dialer gives each remaining address a share of the budget, but never less than 2 s. */
const SANE_MINIMUM_MS = 2_000;

/** Go's (Linux errno) words for a failed connect, by Node error code. */
const CONNECT_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connect: connection refused',
  ECONNRESET: 'connect: connection reset by peer',
  EHOSTUNREACH: 'connect: no route to host',
  ENETUNREACH: 'connect: network is unreachable',
  EADDRNOTAVAIL: 'connect: cannot assign requested address',
  ETIMEDOUT: 'i/o timeout',
};

/** `ip:port`, bracketing IPv6, as Go prints dial addresses. */
export function formatAddress(ip: string, port: number): string {
  return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * Connects to the addresses in order within `budgetMs` (split like Go's dialSerial) and returns
 * the first socket that connects, or the last failure. Rejects only when `signal` aborts.
 */
export async function dialTcp(addresses: readonly string[], port: number, budgetMs: number, now: () => number, signal?: AbortSignal): Promise<DialResult> {
  const deadline = now() + budgetMs;
  let last: DialResult = { ok: false, code: 'TCP_UNREACHABLE', detail: 'dial tcp: no addresses', address: null };
  for (const [index, ip] of addresses.entries()) {
    const remaining = deadline - now();
    if (remaining <= 0) break;
    const share = remaining / (addresses.length - index);
    const attemptMs = Math.min(remaining, Math.max(share, SANE_MINIMUM_MS));
    last = await dialOne(ip, port, attemptMs, signal);
    if (last.ok) return last;
  }
  return last;
}

function dialOne(ip: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<DialResult> {
  const address = formatAddress(ip, port);
  return new Promise<DialResult>((resolve, reject) => {
    signal?.throwIfAborted();
    const socket = connect({ host: ip, port, noDelay: true, autoSelectFamily: false });
    const finish = (result: DialResult | null, error?: unknown): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('connect', onConnect);
      socket.removeListener('error', onError);
      if (result === null) {
        socket.destroy();
        reject(error);
      } else {
        if (!result.ok) socket.destroy();
        resolve(result);
      }
    };
    const onConnect = (): void => finish({ ok: true, socket, address });
    const onError = (error: Error): void => {
      const code = toOutcomeCode(error, 'connect');
      const words = CONNECT_WORDS[(error as { code?: string }).code ?? ''] ?? error.message;
      finish({ ok: false, code: code === 'PROBE_INTERNAL' ? 'TCP_UNREACHABLE' : code, detail: `dial tcp ${address}: ${words}`, address });
    };
    const onAbort = (): void => finish(null, signal?.reason);
    const timer = setTimeout(() => finish({ ok: false, code: 'TCP_TIMEOUT', detail: `dial tcp ${address}: i/o timeout`, address }), timeoutMs);
    socket.once('connect', onConnect);
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
