import type { Readable } from 'node:stream';
import { fromBuffer, type ZipFile } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { buildModuleZip } from './module-zip.js';

const HELLO = {
  'hello.go': 'package hello\n\n// Hello greets.\nfunc Hello() string { return "hello, world" }\n',
  'README.md': `# hello\n\n${'A module served by the gomod-doctor lab. '.repeat(8)}\n`,
};

async function readZip(zip: Buffer): Promise<Record<string, string>> {
  const file = await new Promise<ZipFile>((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true, strictFileNames: true }, (error, opened) => (error ? reject(error) : resolve(opened)));
  });
  const contents: Record<string, string> = {};
  for await (const entry of file.eachEntry()) {
    const stream: Readable = await file.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    contents[entry.fileName] = Buffer.concat(chunks).toString('utf8');
  }
  return contents;
}

describe('buildModuleZip', () => {
  it('puts every file, and a default go.mod, under <module>@<version>/', async () => {
    const built = buildModuleZip('corp.example/hello', 'v1.0.0', HELLO);
    expect(await readZip(built.zip)).toEqual({
      'corp.example/hello@v1.0.0/README.md': HELLO['README.md'],
      'corp.example/hello@v1.0.0/go.mod': 'module corp.example/hello\n',
      'corp.example/hello@v1.0.0/hello.go': HELLO['hello.go'],
    });
    expect(built.mod).toBe('module corp.example/hello\n');
  });

  it('keeps a go.mod that is given', async () => {
    const mod = 'module corp.example/hello\n\ngo 1.19\n';
    const built = buildModuleZip('corp.example/hello', 'v1.0.0', { 'go.mod': mod });
    expect(await readZip(built.zip)).toEqual({ 'corp.example/hello@v1.0.0/go.mod': mod });
    expect(built.mod).toBe(mod);
  });

  // The same values go 1.19 reported as Sum/GoModSum for this zip (module-zip.int.test.ts checks it live).
  it('computes the h1 hashes that go 1.19 reports for the zip and the go.mod', () => {
    const built = buildModuleZip('corp.example/hello', 'v1.0.0', HELLO);
    expect({ h1: built.h1, modH1: built.modH1 }).toEqual({
      h1: 'h1:08rQhkTbG+UFgr32k2wuQmw4QLSJXL42ECvxAQdWFdI=',
      modH1: 'h1:Z/dT61K0Xa9keg/47BIJhoq5YtQyMM7+WBiqvTkMV8Q=',
    });
  });

  it.each([
    ['a changed file', { ...HELLO, 'hello.go': `${HELLO['hello.go']}// tampered\n` }],
    ['an extra file', { ...HELLO, 'extra.go': 'package hello\n' }],
    ['a renamed file', { 'hello2.go': HELLO['hello.go'], 'README.md': HELLO['README.md'] }],
  ])('gives a different h1 for a tampered variant: %s', (_label, files) => {
    const original = buildModuleZip('corp.example/hello', 'v1.0.0', HELLO);
    const tampered = buildModuleZip('corp.example/hello', 'v1.0.0', files);
    expect(tampered.h1).not.toBe(original.h1);
    expect(tampered.modH1).toBe(original.modH1);
  });

  it('gives a different h1 for another version of the same files', () => {
    expect(buildModuleZip('corp.example/hello', 'v1.0.1', HELLO).h1).not.toBe(buildModuleZip('corp.example/hello', 'v1.0.0', HELLO).h1);
  });

  it('builds the same bytes for the same input', () => {
    expect(buildModuleZip('corp.example/hello', 'v1.0.0', HELLO).zip.equals(buildModuleZip('corp.example/hello', 'v1.0.0', HELLO).zip)).toBe(true);
  });
});
