import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { formatHash1, hashGoMod } from './hash1.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('formatHash1', () => {
  it('hashes the sorted summary lines', () => {
    const files = [{ name: 'm@v1/b.go', sha256hex: sha('b') }, { name: 'm@v1/a.go', sha256hex: sha('a') }];
    const summary = `${sha('a')}  m@v1/a.go\n${sha('b')}  m@v1/b.go\n`;
    expect(formatHash1(files)).toBe(`h1:${createHash('sha256').update(summary).digest('base64')}`);
  });

  it('matches the go.mod hash Go records for a known go.mod', () => {
    // `module example.com/m\n` hashed by dirhash.Hash1 over a single go.mod file.
    const expected = formatHash1([{ name: 'go.mod', sha256hex: sha('module example.com/m\n') }]);
    expect(hashGoMod('module example.com/m\n')).toBe(expected);
    expect(hashGoMod('module example.com/m\n')).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
  });

  it('refuses a file name with a newline', () => {
    expect(() => formatHash1([{ name: 'a\nb', sha256hex: sha('x') }])).toThrow(TypeError);
  });
});
