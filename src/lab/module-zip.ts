import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { formatHash1, hashGoMod } from '../core/checksum/hash1.js';

/** A module zip as a GOPROXY serves it, with the hashes go.sum and the checksum DB record for it. */
export interface ModuleZip {
  readonly zip: Buffer;
  /** `h1:` of the zip (go.sum line `<module> <version> <h1>`). */
  readonly h1: string;
  /** The go.mod served as `@v/<version>.mod` (the zip's go.mod). */
  readonly mod: string;
  /** `h1:` of the go.mod (go.sum line `<module> <version>/go.mod <modH1>`). */
  readonly modH1: string;
}

interface ZipEntry {
  readonly name: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
  readonly offset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const FLAG_UTF8 = 0x0800;
const VERSION_NEEDED = 20;
/** 1980-01-01 00:00 in MS-DOS date/time: fixed so the same input always gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Builds a Go module zip (https://go.dev/ref/mod#zip-files): every file under `<module>@<version>/`,
 * plus a `go.mod` of `module <module>\n` unless `files` has one. Small files are stored, others deflated.
 */
export function buildModuleZip(module: string, version: string, files: Record<string, string>): ModuleZip {
  const mod = files['go.mod'] ?? `module ${module}\n`;
  const all: Record<string, string> = { ...files, 'go.mod': mod };
  const prefix = `${module}@${version}/`;
  const names = Object.keys(all).sort();
  const chunks: Buffer[] = [];
  const entries: ZipEntry[] = [];
  let offset = 0;
  for (const relative of names) {
    const content = Buffer.from(all[relative] ?? '', 'utf8');
    const entry = createEntry(Buffer.from(prefix + relative, 'utf8'), content, offset);
    const local = encodeLocalHeader(entry);
    chunks.push(local, entry.data);
    offset += local.length + entry.data.length;
    entries.push(entry);
  }
  const central = Buffer.concat(entries.map(encodeCentralHeader));
  chunks.push(central, encodeEnd(entries.length, central.length, offset));
  const h1 = formatHash1(names.map((relative) => ({
    name: prefix + relative,
    sha256hex: createHash('sha256').update(all[relative] ?? '', 'utf8').digest('hex'),
  })));
  return { zip: Buffer.concat(chunks), h1, mod, modH1: hashGoMod(mod) };
}

function createEntry(name: Buffer, content: Buffer, offset: number): ZipEntry {
  const deflated = content.length >= 64 ? deflateRawSync(content) : undefined;
  const useDeflate = deflated !== undefined && deflated.length < content.length;
  return {
    name,
    method: useDeflate ? 8 : 0,
    crc: crc32(content),
    size: content.length,
    data: useDeflate ? deflated : content,
    offset,
  };
}

function encodeLocalHeader(entry: ZipEntry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(FLAG_UTF8, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.data.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function encodeCentralHeader(entry: ZipEntry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(FLAG_UTF8, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.data.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  // extra length, comment length, disk number, internal and external attributes stay 0.
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function encodeEnd(count: number, centralSize: number, centralOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralOffset, 16);
  return end;
}
