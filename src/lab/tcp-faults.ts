import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/** A raw TCP fault server on loopback. */
export interface TcpFault {
  readonly port: number;
  close(): Promise<void>;
}

async function listenLoopback(server: Server, sockets: Set<Socket>): Promise<TcpFault> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port that was just bound and closed: connecting to it is refused. */
export async function findRefusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts TCP and never sends a byte: a TLS client waits for the ServerHello (TLS handshake timeout). */
export function startTlsStall(): Promise<TcpFault> {
  const sockets = new Set<Socket>();
  return listenLoopback(createServer(() => undefined), sockets);
}

/** Accepts TCP, then answers with a RST as soon as the client sends anything (an SNI filter or IPS). */
export function startResetOnConnect(): Promise<TcpFault> {
  const sockets = new Set<Socket>();
  return listenLoopback(createServer((socket) => {
    socket.once('data', () => socket.resetAndDestroy());
  }), sockets);
}
