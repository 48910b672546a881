import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A minimal Slack Web API stand-in on 127.0.0.1: `{ok:true}` (with a message ts) to any call. */
export interface SlackStandIn {
  /** SLACK_API_URL value (`http://127.0.0.1:N/api/`). */
  readonly apiUrl: string;
  /** A response_url for slash commands. */
  readonly responseUrl: string;
  /** Web API calls and response_url posts seen. */
  readonly calls: () => number;
  close(): Promise<void>;
}

export function startSlackStandIn(): Promise<SlackStandIn> {
  let calls = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      calls += 1;
      response.writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, ts: `1700000000.${String(calls).padStart(6, '0')}`, channel: 'C0001' }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        apiUrl: `${base}/api/`, responseUrl: `${base}/response`, calls: () => calls,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
