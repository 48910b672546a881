import type { IncomingMessage, ServerResponse } from 'node:http';
import { computeTreeHash, hashRecord } from './merkle-tree.js';
import { readTileData } from './read-tile-data.js';
import { createNoteSigner } from './sign-note.js';
import { parseTilePath } from './tile-path.js';

/** One module version the checksum database knows: the two go.sum hashes it vouches for. */
export interface SumdbRecord {
  readonly module: string;
  readonly version: string;
  readonly h1: string;
  readonly modH1: string;
}

export interface SumdbOptions {
  /** The database name, e.g. `sum.lab.example`; also the key name in the verifier key. */
  readonly name: string;
  readonly records: readonly SumdbRecord[];
  /** Path prefix the handler serves under, e.g. `/sumdb/sum.lab.example` inside a proxy; default ''. */
  readonly basePath?: string;
  /** A 32-byte Ed25519 seed for a stable key; random when absent. */
  readonly seed?: Buffer;
}

/** A checksum database stand-in the go command accepts (https://go.dev/ref/mod#checksum-database). */
export interface Sumdb {
  readonly name: string;
  /** The first field of GOSUMDB: `<name>+<hash>+<key>`. */
  readonly verifierKey: string;
  /** Paths (without `basePath`) of the requests handled so far, in order. */
  readonly requests: readonly string[];
  /** A node:http handler for `<basePath>/lookup/…`, `/latest`, `/tile/…` and `/supported`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** The x/mod server's check of `/lookup/<module>@<version>` (sumdb/server.go modVerRE). */
const MODULE_AT_VERSION = /^[^@]+@v[0-9]+\.[0-9]+\.[0-9]+(-[^@]*)?(\+incompatible)?$/;

/** Creates a checksum database holding `records` (record ids in the given order), signed with a fresh key. */
export function createSumdb(options: SumdbOptions): Sumdb {
  const signer = createNoteSigner(options.name, options.seed);
  const basePath = options.basePath ?? '';
  const texts: string[] = [];
  const idByKey = new Map<string, number>();
  for (const record of options.records) {
    const key = `${escapeCase(record.module)}@${escapeCase(record.version)}`;
    if (idByKey.has(key)) throw new TypeError(`sumdb: duplicate record ${record.module}@${record.version}`);
    idByKey.set(key, texts.length);
    texts.push(formatRecordText(record));
  }
  const leaves = texts.map((text) => hashRecord(text));
  const treeHash = computeTreeHash(leaves).toString('base64');
  const signedTree = signer.sign(`go.sum database tree\n${texts.length}\n${treeHash}\n`);
  const requests: string[] = [];

  function route(path: string, res: ServerResponse): void {
    if (path === '/latest') return sendText(res, 200, signedTree);
    if (path === '/supported') return sendText(res, 200, '');
    if (path.startsWith('/lookup/')) {
      const key = path.slice('/lookup/'.length);
      if (!MODULE_AT_VERSION.test(key)) return sendText(res, 400, 'invalid module@version syntax\n');
      const id = idByKey.get(key);
      if (id === undefined) return sendText(res, 404, `not found: ${key}: not in the lab checksum database\n`);
      return sendText(res, 200, `${id}\n${texts[id] ?? ''}\n${signedTree}`);
    }
    if (path.startsWith('/tile/')) {
      const tile = parseTilePath(path.slice(1));
      if (tile === undefined) return sendText(res, 400, 'invalid tile syntax\n');
      if (tile.level === -1) return sendDataTile(res, tile.index * 2 ** tile.height, tile.width);
      const data = readTileData(tile, leaves);
      if (data === undefined) return sendText(res, 404, 'tile not found\n');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
      res.end(data);
      return;
    }
    sendText(res, 404, '404 page not found\n');
  }

  function sendDataTile(res: ServerResponse, start: number, width: number): void {
    if (start + width > texts.length) return sendText(res, 404, 'missing records\n');
    sendText(res, 200, texts.slice(start, start + width).map((text, i) => `${start + i}\n${text}\n`).join(''));
  }

  return {
    name: options.name,
    verifierKey: signer.verifierKey,
    requests,
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://sumdb.invalid').pathname;
      requests.push(path.startsWith(basePath) ? path.slice(basePath.length) : path);
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed\n');
      if (!path.startsWith(`${basePath}/`)) return sendText(res, 404, '404 page not found\n');
      route(path.slice(basePath.length), res);
    },
  };
}

/** The record text sum.golang.org serves: the zip line, then the go.mod line. */
function formatRecordText(record: SumdbRecord): string {
  return `${record.module} ${record.version} ${record.h1}\n${record.module} ${record.version}/go.mod ${record.modH1}\n`;
}

/** Case-encoding of module paths and versions in URLs (https://go.dev/ref/mod#goproxy-protocol). */
function escapeCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
