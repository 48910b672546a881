import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashModuleZip } from '../adapters/probes/hash-module-zip.js';
import { writeStoredModuleZip } from './write-stored-module-zip.js';

describe('writeStoredModuleZip', () => {
  let dir = '';
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'gmd-zip-test-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('writes a module zip whose h1 the probes\' zip hasher agrees with', async () => {
    const written = await writeStoredModuleZip(join(dir, 'm.zip'), 'corp.example/big', 'v1.0.0', { totalBytes: 300_000, fileBytes: 100_000 });
    expect(written.files).toBe(4); // go.mod + 3 data files
    expect((await stat(written.path)).size).toBe(written.bytes);
    expect(await hashModuleZip(written.path, written.prefix)).toEqual({ h1: written.h1 });
  });

  it('stores random bytes: the zip is no smaller than its contents', async () => {
    const written = await writeStoredModuleZip(join(dir, 'm.zip'), 'corp.example/big', 'v1.0.0', { totalBytes: 200_000, fileBytes: 50_000 });
    expect(written.bytes).toBeGreaterThan(200_000);
    expect((await readFile(written.path)).subarray(0, 4).readUInt32LE(0)).toBe(0x04034b50);
  });

  it('gives different zips on each call (fresh random contents)', async () => {
    const a = await writeStoredModuleZip(join(dir, 'a.zip'), 'corp.example/big', 'v1.0.0', { totalBytes: 1000, fileBytes: 1000 });
    const b = await writeStoredModuleZip(join(dir, 'b.zip'), 'corp.example/big', 'v1.0.0', { totalBytes: 1000, fileBytes: 1000 });
    expect(a.h1).not.toBe(b.h1);
  });
});
