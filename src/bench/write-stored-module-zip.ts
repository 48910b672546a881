import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { formatHash1, type FileDigest } from '../core/checksum/hash1.js';

/** A module zip written to disk, with the `h1:` go.sum would record for it. */
export interface WrittenModuleZip {
  readonly path: string;
  readonly bytes: number;
  readonly h1: string;
  /** `<module>@<version>/`: every entry's prefix. */
  readonly prefix: string;
  readonly files: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const FLAG_UTF8 = 0x0800;
const VERSION_NEEDED = 20;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface CentralEntry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * Streams a module zip of about `totalBytes` to `path`: a go.mod plus `data/NNNNN.bin` files of `fileBytes`
 * random (incompressible) bytes, all stored. Memory stays at one file's bytes whatever the total, which
 * lab/module-zip.ts's in-memory, deflating builder cannot offer for hundreds of MiB in a few seconds.
 */
export async function writeStoredModuleZip(path: string, module: string, version: string, options: { totalBytes: number; fileBytes: number }): Promise<WrittenModuleZip> {
  const prefix = `${module}@${version}/`;
  const handle = await open(path, 'w');
  const central: CentralEntry[] = [];
  const digests: FileDigest[] = [];
  let offset = 0;
  const append = async (buffer: Buffer): Promise<void> => {
    await handle.write(buffer);
    offset += buffer.length;
  };
  const addFile = async (relative: string, content: Buffer): Promise<void> => {
    const name = Buffer.from(prefix + relative, 'utf8');
    const entry = { name, crc: crc32(content), size: content.length, offset };
    await append(encodeHeader(LOCAL_HEADER, entry));
    await append(content);
    central.push(entry);
    digests.push({ name: prefix + relative, sha256hex: createHash('sha256').update(content).digest('hex') });
  };
  try {
    await addFile('go.mod', Buffer.from(`module ${module}\n`, 'utf8'));
    const count = Math.max(1, Math.ceil(options.totalBytes / options.fileBytes));
    for (let i = 0; i < count; i += 1) {
      await addFile(`data/${String(i).padStart(5, '0')}.bin`, randomBytes(options.fileBytes));
    }
    const centralStart = offset;
    for (const entry of central) await append(encodeHeader(CENTRAL_HEADER, entry));
    await append(encodeEnd(central.length, offset - centralStart, centralStart));
  } finally {
    await handle.close();
  }
  return { path, bytes: offset, h1: formatHash1(digests), prefix, files: central.length };
}

/** A local (30 bytes) or central (46 bytes) header for a stored entry, followed by its name. */
function encodeHeader(signature: number, entry: CentralEntry): Buffer {
  const isCentral = signature === CENTRAL_HEADER;
  const header = Buffer.alloc(isCentral ? 46 : 30);
  let at = 0;
  header.writeUInt32LE(signature, at); at += 4;
  if (isCentral) { header.writeUInt16LE(VERSION_NEEDED, at); at += 2; }
  header.writeUInt16LE(VERSION_NEEDED, at); at += 2;
  header.writeUInt16LE(FLAG_UTF8, at); at += 2;
  header.writeUInt16LE(0, at); at += 2; // method: stored
  header.writeUInt16LE(0, at); at += 2; // time
  header.writeUInt16LE(DOS_DATE, at); at += 2;
  header.writeUInt32LE(entry.crc, at); at += 4;
  header.writeUInt32LE(entry.size, at); at += 4; // compressed size
  header.writeUInt32LE(entry.size, at); at += 4;
  header.writeUInt16LE(entry.name.length, at);
  // Extra and comment lengths, disk number and attributes stay 0; the central header ends with the offset.
  if (isCentral) header.writeUInt32LE(entry.offset, 42);
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
