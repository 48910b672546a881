import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One Web API call (or response_url post) as the stand-in received it, arguments decoded. */
export interface SlackCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly at: number;
  /** What the stand-in answered: `ok`, or the error name (`ratelimited`, `invalid_blocks`, …). */
  readonly answer: string;
}

export type SlackFault =
  | { readonly status: 429; readonly retryAfterSeconds: number }
  | { readonly error: string };

export interface FakeSlackApi {
  /** For `slackApiUrl` (ends in `/api/`). */
  readonly apiUrl: string;
  /** A response_url on this stand-in; posts to it are recorded as method `response_url:<id>`. */
  responseUrl(id: string): string;
  readonly calls: readonly SlackCall[];
  /** Messages by ts with their latest content (chat.update edits them in place). */
  readonly messages: ReadonlyMap<string, { channel: string; threadTs: string | null; text: string; blocks: unknown[]; edits: number }>;
  /** The next calls to `method` answer with these faults, in order. */
  failNext(method: string, ...faults: SlackFault[]): void;
  /** usergroups.users.list answers. */
  setUserGroup(id: string, users: readonly string[]): void;
  callsTo(method: string): SlackCall[];
  /** Socket Mode: `apps.connections.open` hands out a WebSocket on this stand-in; envelopes go down it. */
  readonly socketMode: {
    /** Resolves once a client has connected and been sent `hello`. */
    connected(): Promise<void>;
    /** Sends an envelope and resolves with the payload the app acked it with. */
    send(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>>;
  };
  /** Polls the record until `predicate` holds; rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const LIMITS = { blocks: 50, homeBlocks: 100, sectionText: 3000, headerText: 150 };

/** Checks Block Kit limits the way Slack does; returns the error Slack would give, or null. */
export function checkBlocks(blocks: unknown, maxBlocks: number): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > maxBlocks) return 'invalid_blocks';
  for (const block of blocks as Record<string, unknown>[]) {
    const text = (block['text'] as { text?: unknown } | undefined)?.text;
    if (block['type'] === 'section' && typeof text === 'string' && (text.length > LIMITS.sectionText || text.length === 0)) return 'invalid_blocks';
    if (block['type'] === 'header' && typeof text === 'string' && text.length > LIMITS.headerText) return 'invalid_blocks';
    if (typeof block['type'] !== 'string') return 'invalid_blocks';
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function decodeArgs(req: IncomingMessage, body: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return body === '' ? {} : JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    args[k] = (k === 'blocks' || k === 'view') ? JSON.parse(v) : v;
  }
  return args;
}

/** A Slack Web API stand-in on 127.0.0.1:0 that records calls, enforces Block Kit limits and can rate-limit. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const messages = new Map<string, { channel: string; threadTs: string | null; text: string; blocks: unknown[]; edits: number }>();
  const faults = new Map<string, SlackFault[]>();
  const groups = new Map<string, readonly string[]>();
  let seq = 0;

  const answer = (res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const responseMatch = /^\/response\/(.+)$/.exec(url.pathname);
      if (responseMatch !== null) {
        calls.push({ method: `response_url:${responseMatch[1]}`, args: JSON.parse(body || '{}') as Record<string, unknown>, at: Date.now(), answer: 'ok' });
        answer(res, 200, { ok: true });
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      let args: Record<string, unknown>;
      try {
        args = decodeArgs(req, body);
      } catch {
        calls.push({ method, args: {}, at: Date.now(), answer: 'invalid_arguments' });
        answer(res, 200, { ok: false, error: 'invalid_arguments' });
        return;
      }
      const record = (result: string): void => { calls.push({ method, args, at: Date.now(), answer: result }); };
      const fault = faults.get(method)?.shift();
      if (fault !== undefined) {
        if ('status' in fault) {
          record('ratelimited');
          answer(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSeconds) });
        } else {
          record(fault.error);
          answer(res, 200, { ok: false, error: fault.error });
        }
        return;
      }
      const blockError = checkBlocks(method === 'views.publish' ? (args['view'] as { blocks?: unknown } | undefined)?.blocks : args['blocks'],
        method === 'views.publish' ? LIMITS.homeBlocks : LIMITS.blocks);
      if (blockError !== null) {
        record(blockError);
        answer(res, 200, { ok: false, error: blockError });
        return;
      }
      record('ok');
      switch (method) {
        case 'apps.connections.open':
          answer(res, 200, { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` });
          return;
        case 'auth.test':
          answer(res, 200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'gomod-doctor' });
          return;
        case 'chat.postMessage': {
          seq += 1;
          const ts = `1700000000.${String(seq).padStart(6, '0')}`;
          messages.set(ts, { channel: String(args['channel']), threadTs: typeof args['thread_ts'] === 'string' ? args['thread_ts'] : null,
            text: String(args['text'] ?? ''), blocks: (args['blocks'] as unknown[] | undefined) ?? [], edits: 0 });
          answer(res, 200, { ok: true, channel: args['channel'], ts });
          return;
        }
        case 'chat.update': {
          const message = messages.get(String(args['ts']));
          if (message === undefined) { answer(res, 200, { ok: false, error: 'message_not_found' }); return; }
          message.text = String(args['text'] ?? '');
          message.blocks = (args['blocks'] as unknown[] | undefined) ?? [];
          message.edits += 1;
          answer(res, 200, { ok: true, channel: args['channel'], ts: args['ts'] });
          return;
        }
        case 'chat.postEphemeral':
          answer(res, 200, { ok: true, message_ts: `1700000001.${String(++seq).padStart(6, '0')}` });
          return;
        case 'usergroups.users.list':
          answer(res, 200, { ok: true, users: groups.get(String(args['usergroup'])) ?? [] });
          return;
        default:
          answer(res, 200, { ok: true });
      }
    })().catch((error: unknown) => answer(res, 500, { ok: false, error: String(error) }));
  });
  const socket = acceptSocketMode(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    messages,
    failNext: (method, ...list) => { faults.set(method, [...(faults.get(method) ?? []), ...list]); },
    setUserGroup: (id, users) => { groups.set(id, users); },
    socketMode: socket,
    callsTo: (method) => calls.filter((c) => c.method === method),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate();
        if (value !== undefined && value !== false && value !== null) return value;
        if (Date.now() > deadline) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method}=${c.answer}`).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise((resolve) => { socket.closeAll(); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A minimal WebSocket endpoint (RFC 6455: text, ping/pong, close; no fragmentation) speaking Slack's Socket Mode envelopes. */
function acceptSocketMode(server: ReturnType<typeof createServer>): FakeSlackApi['socketMode'] & { closeAll(): void } {
  const clients = new Set<Socket>();
  const acks = new Map<string, (payload: Record<string, unknown>) => void>();
  let onConnected: (() => void) | null = null;
  const connected = new Promise<void>((resolve) => { onConnected = resolve; });
  const frame = (opcode: number, payload: Buffer): Buffer => {
    const head = payload.length < 126 ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65536 ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(payload.length)); return b; })()]);
    return Buffer.concat([head, payload]);
  };
  server.on('upgrade', (req: IncomingMessage, sock: Socket) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    clients.add(sock);
    sock.on('close', () => clients.delete(sock));
    sock.on('error', () => clients.delete(sock));
    let buffer = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = (buffer[0] ?? 0) & 0x0f;
        const masked = ((buffer[1] ?? 0) & 0x80) !== 0;
        let length = (buffer[1] ?? 0) & 0x7f;
        let offset = 2;
        if (length === 126) { if (buffer.length < 4) return; length = buffer.readUInt16BE(2); offset = 4; }
        else if (length === 127) { if (buffer.length < 10) return; length = Number(buffer.readBigUInt64BE(2)); offset = 10; }
        const maskKey = masked ? buffer.subarray(offset, offset + 4) : null;
        offset += masked ? 4 : 0;
        if (buffer.length < offset + length) return;
        const payload = Buffer.from(buffer.subarray(offset, offset + length));
        if (maskKey !== null) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (maskKey[i % 4] ?? 0);
        buffer = buffer.subarray(offset + length);
        if (opcode === 0x9) sock.write(frame(0xa, payload));
        else if (opcode === 0x8) { sock.end(frame(0x8, Buffer.alloc(0))); return; }
        else if (opcode === 0x1) {
          const message = JSON.parse(payload.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
          if (message.envelope_id !== undefined) acks.get(message.envelope_id)?.(message.payload ?? {});
        }
      }
    });
    sock.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0001' } }))));
    onConnected?.();
  });
  return {
    connected: () => connected,
    send(type, payload) {
      const envelopeId = randomUUID();
      const acked = new Promise<Record<string, unknown>>((resolve) => acks.set(envelopeId, resolve));
      const body = Buffer.from(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
      for (const client of clients) client.write(frame(0x1, body));
      return acked;
    },
    closeAll() {
      for (const client of clients) client.destroy();
    },
  };
}
