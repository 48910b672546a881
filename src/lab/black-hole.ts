import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { Worker } from 'node:worker_threads';

/** A loopback port whose SYNs are dropped, so a client's connect times out exactly like a firewall drop. */
export interface BlackHole {
  readonly port: number;
  close(): Promise<void>;
}

// The worker listens with backlog 1, reports its port, then blocks its event loop so it never accepts.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const net = require('node:net');
const stop = new Int32Array(workerData.stop);
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  while (Atomics.load(stop, 0) === 0) Atomics.wait(stop, 0, 0, 50);
});
`;

/** How many connections fill the accept queue of a backlog-1 listener on Linux (backlog + 1). */
const FILLERS = 2;

function connectFiller(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Starts a black hole: a listener that never accepts, with its accept queue full of its own
 * connections, so that Linux drops further SYNs (no root, no firewall rules).
 */
export async function startBlackHole(): Promise<BlackHole> {
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { stop } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (value: number) => resolve(value));
    worker.once('error', reject);
  });
  const fillers: Socket[] = [];
  for (let i = 0; i < FILLERS; i += 1) fillers.push(await connectFiller(port));
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      const flag = new Int32Array(stop);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await worker.terminate();
    },
  };
}
