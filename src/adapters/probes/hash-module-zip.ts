import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { formatHash1, type FileDigest } from '../../core/checksum/hash1.js';

export type ZipVerdict = { readonly h1: string } | { readonly zipError: string };

/**
 * The module zip's `h1:` dirhash (x/mod dirhash.HashZip: every entry, hashed uncompressed), or
 * the go command's complaint about it (go-modules.md §2.3). Streams: memory stays flat in zip size.
 */
export async function hashModuleZip(path: string, zipPrefix: string | undefined): Promise<ZipVerdict> {
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    // archive/zip's text; Go 1.19 gives no module context here.
    return { zipError: 'zip: not a valid zip file' };
  }
  try {
    const files: FileDigest[] = [];
    for await (const entry of readEntries(zip)) {
      if (zipPrefix !== undefined && !entry.fileName.startsWith(zipPrefix)) {
        return { zipError: `zip for ${zipPrefix.replace(/\/$/, '')} has unexpected file ${entry.fileName}` };
      }
      files.push({ name: entry.fileName, sha256hex: await hashEntry(zip, entry) });
    }
    return { h1: formatHash1(files) };
  } catch (error) {
    return { zipError: `zip: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    zip.close();
  }
}

async function* readEntries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (entry: Entry): void => { cleanup(); resolve(entry); };
      const onEnd = (): void => { cleanup(); resolve(null); };
      const onError = (error: Error): void => { cleanup(); reject(error); };
      const cleanup = (): void => {
        zip.removeListener('entry', onEntry);
        zip.removeListener('end', onEnd);
        zip.removeListener('error', onError);
      };
      zip.once('entry', onEntry);
      zip.once('end', onEnd);
      zip.once('error', onError);
      zip.readEntry();
    });
    if (next === null) return;
    yield next;
  }
}

async function hashEntry(zip: ZipFile, entry: Entry): Promise<string> {
  const hash = createHash('sha256');
  if (entry.fileName.endsWith('/')) return hash.digest('hex');
  const stream = await zip.openReadStreamPromise(entry);
  await pipeline(stream, new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback();
    },
  }));
  return hash.digest('hex');
}
