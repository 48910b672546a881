import { describe, expect, it } from 'vitest';
import { parseSumdbLookup } from './parse-sumdb-lookup.js';

describe('parseSumdbLookup', () => {
  it('finds the zip and go.mod hashes of the asked version', () => {
    const body = '7\ncorp.example/hello v1.0.0 h1:ZIP=\ncorp.example/hello v1.0.0/go.mod h1:MOD=\n\ngo.sum database tree\n8\nroot=\n';
    expect(parseSumdbLookup(body, 'corp.example/hello', 'v1.0.0')).toEqual({ zip: 'h1:ZIP=', mod: 'h1:MOD=' });
    expect(parseSumdbLookup(body, 'corp.example/other', 'v1.0.0')).toEqual({ zip: null, mod: null });
  });
});
