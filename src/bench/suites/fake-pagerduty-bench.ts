import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A minimal Events API v2 endpoint for the bench (the test stand-in lives under test/ and is not compiled). */
export async function startFakePagerDutyForBench(): Promise<{ url: string; triggers(): number; failures(): number; waitForTriggers(n: number): Promise<void>; close(): Promise<void> }> {
  const seen = new Set<string>();
  let requests = 0;
  let failures = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests += 1;
      const status = requests % 25 === 0 ? 429 : requests % 25 === 1 && requests > 1 ? 500 : 202;
      if (status !== 202) {
        failures += 1;
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"status":"error"}');
        return;
      }
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { event_action: string; dedup_key: string };
      if (event.event_action === 'trigger') seen.add(event.dedup_key);
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', dedup_key: event.dedup_key }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/enqueue`,
    triggers: () => seen.size,
    failures: () => failures,
    async waitForTriggers(n) { while (seen.size < n) await new Promise((r) => setTimeout(r, 20)); },
    close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(() => resolve())); },
  };
}
