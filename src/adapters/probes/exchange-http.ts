import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { Client, type Dispatcher } from 'undici';
import type { BodyExpectation, HttpObservation, OutcomeCode } from '../../ports/probe-runner.js';
import { hashModuleZip } from './hash-module-zip.js';
import { describeReadError } from './open-proxy-tunnel.js';
import { toOutcomeCode } from './to-outcome-code.js';

export interface ExchangeRequest {
  /** The target origin (`https://host:port`): undici derives nothing from it but the Host header. */
  readonly origin: string;
  /** Origin-form path, or absolute-form URL when talking to an HTTP proxy. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expect: BodyExpectation;
  readonly maxBodyBytes: number;
  readonly zipPrefix?: string;
  readonly ttfbMs: number;
  readonly bodyMs: number;
  /** True when the body is not wanted (a redirect to follow): the exchange stops after the headers. */
  readonly skipBody: (status: number) => boolean;
}

export interface ExchangeResult {
  readonly ttfbMs: number | null;
  readonly http: HttpObservation | null;
  readonly failure: { readonly code: OutcomeCode; readonly stage: 'http' | 'body'; readonly detail: string } | null;
}

/** Error-page text kept for non-200 answers (go prints at most 648 bytes of it). */
const ERROR_BODY_BYTES = 64 * 1024;
const SECRET_HEADERS = new Set(['set-cookie', 'cookie', 'authorization', 'proxy-authorization']);

/**
 * Sends one GET over an already connected (and, for https, handshaken) socket with a fresh undici
 * Client, timing the first byte and reading the body as `expect` says. Never throws for what the
 * peer does; rejects only when `signal` aborts.
 */
export async function exchangeHttp(socket: Socket, request: ExchangeRequest, now: () => number, signal?: AbortSignal): Promise<ExchangeResult> {
  signal?.throwIfAborted();
  let handedOut = false;
  const client = new Client(request.origin, {
    connect: (_options, callback) => {
      if (handedOut) {
        callback(new Error('probe socket already used'), null);
        return;
      }
      handedOut = true;
      // Asynchronously: undici ignores a resume requested from inside its own connect call.
      queueMicrotask(() => callback(null, socket));
    },
    headersTimeout: 0,
    bodyTimeout: 0,
    pipelining: 1,
  });
  const tempPath = join(tmpdir(), `gomod-doctor-${randomUUID()}.zip`);
  let file: WriteStream | null = null;
  try {
    const read = await readResponse(client, socket, request, now, (created) => { file = created; }, tempPath, signal);
    if (read.http === null || read.failure !== null || !read.zipBody) return read;
    const verdict = await hashModuleZip(tempPath, request.zipPrefix);
    return { ...read, http: { ...read.http, ...verdict } };
  } finally {
    (file as WriteStream | null)?.destroy();
    await client.destroy().catch(() => undefined);
    await rm(tempPath, { force: true });
  }
}

interface ReadResult extends ExchangeResult { readonly zipBody: boolean }

function readResponse(
  client: Client, socket: Socket, request: ExchangeRequest, now: () => number,
  onFile: (file: WriteStream) => void, tempPath: string, signal?: AbortSignal,
): Promise<ReadResult> {
  return new Promise<ReadResult>((resolve, reject) => {
    const sentAt = now();
    let ttfbMs: number | null = null;
    let controller: Dispatcher.DispatchController | null = null;
    let observation: Omit<HttpObservation, 'bodyBytes' | 'bodyTruncated'> | null = null;
    let mode: 'drain' | 'text' | 'zip' | 'headers-only' = 'drain';
    let cap = request.maxBodyBytes;
    let bodyBytes = 0;
    let truncated = false;
    const kept: Buffer[] = [];
    let file: WriteStream | null = null;
    let settled = false;
    let bodyTimer: NodeJS.Timeout | undefined;
    // A silence budget, not a total: a large zip on a slow link keeps arriving and is not a stall.
    const armBodyTimer = () => {
      clearTimeout(bodyTimer);
      bodyTimer = setTimeout(() => stop({ code: 'HTTP_BODY_TIMEOUT', stage: 'body', detail: `reading body: nothing for ${request.bodyMs} ms after ${bodyBytes} bytes` }), request.bodyMs);
    };

    const settle = (failure: ExchangeResult['failure'], error?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(headersTimer);
      clearTimeout(bodyTimer);
      signal?.removeEventListener('abort', onAbort);
      if (error !== undefined) {
        reject(error);
        return;
      }
      const http: HttpObservation | null = observation === null ? null : {
        ...observation, bodyBytes, bodyTruncated: truncated,
        ...(mode === 'text' ? { bodyText: Buffer.concat(kept).toString('utf8') } : {}),
        ...(mode === 'zip' && failure?.code === 'HTTP_BODY_TOO_LARGE' ? { zipError: 'downloaded zip file too large' } : {}),
      };
      const finishFile = file === null || failure !== null ? Promise.resolve() : new Promise<void>((done, fail) => {
        file?.once('error', fail);
        file?.end(done);
      });
      finishFile.then(
        () => resolve({ ttfbMs, http, failure, zipBody: mode === 'zip' && failure === null }),
        (fileError: unknown) => reject(fileError),
      );
    };
    /** Stops reading on our own terms: the answer so far stands (truncation, redirect, budget). */
    const stop = (failure: ExchangeResult['failure']): void => {
      settle(failure);
      controller?.abort(new Error('probe stopped reading'));
    };
    const onAbort = (): void => {
      settle(null, signal?.reason);
      controller?.abort(new Error('probe aborted'));
    };
    const headersTimer = setTimeout(() => stop({ code: 'HTTP_HEADERS_TIMEOUT', stage: 'http', detail: 'net/http: timeout awaiting response headers' }), request.ttfbMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) { controller = started; },
      onResponseStart(started, statusCode, headers, statusMessage) {
        controller = started;
        if (statusCode < 200) return;
        ttfbMs = now() - sentAt;
        clearTimeout(headersTimer);
        observation = { status: statusCode, statusText: statusMessage ?? '', headers: keepHeaders(headers) };
        if (request.skipBody(statusCode)) {
          mode = 'headers-only';
          stop(null);
          return;
        }
        if (statusCode === 200 && request.expect === 'zip-h1') {
          mode = 'zip';
          file = createWriteStream(tempPath);
          file.on('error', (error) => stop({ code: 'PROBE_INTERNAL', stage: 'body', detail: `writing zip: ${error.message}` }));
          onFile(file);
        } else if (request.expect !== 'none') {
          mode = 'text';
          if (statusCode !== 200) cap = Math.min(cap, ERROR_BODY_BYTES);
        }
        armBodyTimer();
      },
      onResponseData(active, chunk) {
        if (settled) return;
        if (bodyBytes + chunk.length > cap) {
          if (mode === 'zip') {
            bodyBytes += chunk.length;
            stop({ code: 'HTTP_BODY_TOO_LARGE', stage: 'body', detail: `downloaded zip file too large (more than ${cap} bytes)` });
            return;
          }
          if (mode === 'text') kept.push(chunk.subarray(0, cap - bodyBytes));
          bodyBytes = cap;
          truncated = true;
          stop(null);
          return;
        }
        bodyBytes += chunk.length;
        armBodyTimer();
        if (mode === 'text') kept.push(chunk);
        if (mode === 'zip' && file !== null && !file.write(chunk)) {
          active.pause();
          file.once('drain', () => active.resume());
        }
      },
      onResponseEnd() { settle(null); },
      onResponseError(_active, error) {
        if (settled) return;
        const stage = observation === null ? 'http' : 'body';
        let code = toOutcomeCode(error, stage);
        if (code === 'PROBE_INTERNAL' || code === 'TCP_REFUSED') code = 'HTTP_PROTOCOL';
        settle({ code, stage, detail: describeReadError(socket, error, code) });
      },
    };
    client.dispatch({ method: 'GET', path: request.path, headers: { ...request.headers } }, handler);
  });
}

function keepHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    kept[key] = SECRET_HEADERS.has(key) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
