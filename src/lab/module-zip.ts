import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { formatHash1, hashGoMod } from '../core/checksum/hash1.js';
import { encodeCentralHeader, encodeEndOfCentralDirectory, encodeLocalHeader, type ZipRecord } from './zip-records.js';

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

interface ZipEntry extends ZipRecord {
  readonly data: Buffer;
}

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
  chunks.push(central, encodeEndOfCentralDirectory(entries.length, central.length, offset));
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
    compressedSize: useDeflate ? deflated.length : content.length,
    data: useDeflate ? deflated : content,
    offset,
  };
}
