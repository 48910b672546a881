import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { formatHash1, type FileDigest } from '../core/checksum/hash1.js';
import { encodeCentralHeader, encodeEndOfCentralDirectory, encodeLocalHeader, type ZipRecord } from '../lab/zip-records.js';

/** A module zip written to disk, with the `h1:` go.sum would record for it. */
export interface WrittenModuleZip {
  readonly path: string;
  readonly bytes: number;
  readonly h1: string;
  /** `<module>@<version>/`: every entry's prefix. */
  readonly prefix: string;
  readonly files: number;
}

/**
 * Streams a module zip of about `totalBytes` to `path`: a go.mod plus `data/NNNNN.bin` files of `fileBytes`
 * random (incompressible) bytes, all stored. Memory stays at one file's bytes whatever the total, which
 * lab/module-zip.ts's in-memory, deflating builder cannot offer for hundreds of MiB in a few seconds.
 */
export async function writeStoredModuleZip(path: string, module: string, version: string, options: { totalBytes: number; fileBytes: number }): Promise<WrittenModuleZip> {
  const prefix = `${module}@${version}/`;
  const handle = await open(path, 'w');
  const central: ZipRecord[] = [];
  const digests: FileDigest[] = [];
  let offset = 0;
  const append = async (buffer: Buffer): Promise<void> => {
    await handle.write(buffer);
    offset += buffer.length;
  };
  const addFile = async (relative: string, content: Buffer): Promise<void> => {
    const name = Buffer.from(prefix + relative, 'utf8');
    const entry: ZipRecord = { name, method: 0, crc: crc32(content), compressedSize: content.length, size: content.length, offset };
    await append(encodeLocalHeader(entry));
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
    for (const entry of central) await append(encodeCentralHeader(entry));
    await append(encodeEndOfCentralDirectory(central.length, offset - centralStart, centralStart));
  } finally {
    await handle.close();
  }
  return { path, bytes: offset, h1: formatHash1(digests), prefix, files: central.length };
}
