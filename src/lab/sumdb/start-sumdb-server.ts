import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSumdb } from './create-sumdb.js';
import type { Sumdb, SumdbOptions } from './create-sumdb.js';

/** A checksum database listening on 127.0.0.1. */
export interface SumdbServer {
  readonly sumdb: Sumdb;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The GOSUMDB value that points the go command at this server: `<verifierKey> <url>`. */
  readonly gosumdb: string;
  close(): Promise<void>;
}

/** Starts a checksum database on 127.0.0.1 (port 0 unless given). */
export async function startSumdbServer(options: SumdbOptions & { readonly port?: number }): Promise<SumdbServer> {
  const sumdb = createSumdb(options);
  const server = createServer((req, res) => sumdb.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${options.basePath ?? ''}`;
  return {
    sumdb,
    url,
    gosumdb: `${sumdb.verifierKey} ${url}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
