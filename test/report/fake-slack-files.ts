import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file as Slack would hold it after the two-step upload. */
export interface FakeSlackFile {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  bytes: Buffer | null;
  shared: { channel: string; threadTs: string | null; title: string; initialComment: string | null } | null;
}

export interface FakeSlackFiles {
  /** For the uploader's `slackApiUrl` (ends in `/api/`). */
  readonly apiUrl: string;
  readonly files: FakeSlackFile[];
  readonly calls: string[];
  close(): Promise<void>;
}

/**
 * The Web API's files.getUploadURLExternal / upload URL / files.completeUploadExternal on 127.0.0.1, with
 * Slack's checks: the token, the declared length, and that a completed file was uploaded first.
 * (Only the files part: chat.* lives in test/support/fake-slack-api.ts.)
 */
export async function startFakeSlackFiles(token: string): Promise<FakeSlackFiles> {
  const files: FakeSlackFile[] = [];
  const calls: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', base);
      const answer = (json: Record<string, unknown>): void => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(json)); };
      calls.push(url.pathname);
      if (url.pathname.startsWith('/upload/')) {
        const file = files.find((f) => f.id === url.pathname.slice('/upload/'.length));
        if (file === undefined || body.length !== file.length) { res.writeHead(400); res.end('bad upload'); return; }
        file.bytes = body;
        res.writeHead(200); res.end('OK');
        return;
      }
      if (req.headers.authorization !== `Bearer ${token}`) { answer({ ok: false, error: 'invalid_auth' }); return; }
      if (url.pathname === '/api/files.getUploadURLExternal') {
        const args = new URLSearchParams(body.toString());
        const length = Number(args.get('length'));
        if (args.get('filename') === null || !Number.isInteger(length) || length <= 0) { answer({ ok: false, error: 'invalid_arguments' }); return; }
        const id = `F${String(files.length + 1).padStart(8, '0')}`;
        files.push({ id, filename: args.get('filename') ?? '', length, bytes: null, shared: null });
        answer({ ok: true, upload_url: `${base}/upload/${id}`, file_id: id });
        return;
      }
      if (url.pathname === '/api/files.completeUploadExternal') {
        const args = JSON.parse(body.toString()) as { files: { id: string; title?: string }[]; channel_id?: string; thread_ts?: string; initial_comment?: string };
        for (const f of args.files) {
          const file = files.find((x) => x.id === f.id);
          if (file?.bytes === null || file === undefined) { answer({ ok: false, error: 'file_not_found' }); return; }
          file.shared = { channel: args.channel_id ?? '', threadTs: args.thread_ts ?? null, title: f.title ?? file.filename, initialComment: args.initial_comment ?? null };
        }
        answer({ ok: true, files: args.files.map((f) => ({ id: f.id })) });
        return;
      }
      answer({ ok: false, error: 'unknown_method' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`, files, calls,
    close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(() => resolve())); },
  };
}
