import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthDeps {
  readonly registry: Registry;
  /** True when this role can do its work now (Redis answers). */
  readonly isReady: () => Promise<boolean>;
}

/** Answers /healthz, /readyz and /metrics; false for any other path (the caller answers 404). */
export async function handleHealthRequest(deps: HealthDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  switch (path) {
    case '/healthz':
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return true;
    case '/readyz': {
      const ready = await deps.isReady().catch(() => false);
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ready\n' : 'not ready: Redis is not answering\n');
      return true;
    }
    case '/metrics': {
      const body = await deps.registry.metrics();
      res.writeHead(200, { 'content-type': deps.registry.contentType }).end(body);
      return true;
    }
    default:
      return false;
  }
}

/** `--metrics-port N`: a small server for any role. */
export async function startHealthServer(deps: HealthDeps, port: number, host = '0.0.0.0'): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handleHealthRequest(deps, req, res).then((handled) => {
      if (!handled) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }, () => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, resolve); });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
