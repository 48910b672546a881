import { describe, expect, it } from 'vitest';
import { selectLatestVersion } from './select-latest-version.js';

describe('selectLatestVersion', () => {
  it.each([
    ['v1.0.0\nv1.2.0\nv1.10.0\n', 'v1.10.0'],
    ['v1.0.0\nv1.1.0-rc.1\n', 'v1.0.0'],
    ['v1.1.0-rc.1\nv1.1.0-beta\n', 'v1.1.0-rc.1'],
    ['v0.0.0-20200101000000-abcdefabcdef\nnot-a-version\n', null],
    ['', null],
  ])('picks the version go would from %j', (body, expected) => {
    expect(selectLatestVersion(body)).toBe(expected);
  });
});
