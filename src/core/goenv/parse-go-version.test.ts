import { describe, expect, it } from 'vitest';
import { DEFAULT_GO_VERSION, goAtLeast, parseGoVersion } from './parse-go-version.js';

describe('parseGoVersion', () => {
  it.each([
    ['go version go1.19.8 linux/amd64\n', { major: 1, minor: 19, patch: 8, text: 'go1.19.8', source: 'path' }],
    ['go version go1.22 darwin/arm64', { major: 1, minor: 22, patch: 0, text: 'go1.22', source: 'path' }],
    ['go version go1.21rc2 linux/amd64', { major: 1, minor: 21, patch: 0, text: 'go1.21rc2', source: 'path' }],
    ['go version go1.25.0 X:nocoverageredesign windows/amd64', { major: 1, minor: 25, patch: 0, text: 'go1.25.0', source: 'path' }],
    ['go version devel go1.26-abc123 Tue Jan 1 linux/amd64', { major: 1, minor: 26, patch: 0, text: 'go1.26', source: 'path' }],
  ])('reads %j', (output, expected) => {
    expect(parseGoVersion(output)).toEqual(expected);
  });

  it.each([[null], [''], ['bash: go: command not found']])('assumes the current release for %j', (output) => {
    expect(parseGoVersion(output)).toEqual(DEFAULT_GO_VERSION);
  });
});

describe('goAtLeast', () => {
  const v = parseGoVersion('go version go1.21.3 linux/amd64');
  it.each([
    [1, 20, 0, true], [1, 21, 0, true], [1, 21, 3, true], [1, 21, 4, false], [1, 22, 0, false], [2, 0, 0, false], [0, 99, 0, true],
  ])('go1.21.3 ≥ %i.%i.%i is %s', (major, minor, patch, expected) => {
    expect(goAtLeast(v, major, minor, patch)).toBe(expected);
  });
});
