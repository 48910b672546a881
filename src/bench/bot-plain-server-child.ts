import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Child process of the ack-latency suite: the do-nothing baseline. A node:http server on 127.0.0.1 that reads the
 * body and answers 200 `{}`; prints `{"port":N}` once listening and stops on SIGTERM.
 */
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close());
