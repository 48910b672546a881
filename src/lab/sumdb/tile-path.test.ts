import { describe, expect, it } from 'vitest';
import { formatTilePath, parseTilePath } from './tile-path.js';

describe('parseTilePath', () => {
  it.each([
    ['tile/8/0/000.p/1', { height: 8, level: 0, index: 0, width: 1 }],
    ['tile/8/0/000', { height: 8, level: 0, index: 0, width: 256 }],
    ['tile/8/1/007.p/255', { height: 8, level: 1, index: 7, width: 255 }],
    ['tile/8/data/000.p/3', { height: 8, level: -1, index: 0, width: 3 }],
    ['tile/8/0/x001/234', { height: 8, level: 0, index: 1234, width: 256 }],
    ['tile/8/2/x001/x234/067.p/9', { height: 8, level: 2, index: 1234067, width: 9 }],
  ])('parses %s', (path, tile) => {
    expect(parseTilePath(path)).toEqual(tile);
    expect(formatTilePath(tile)).toBe(path);
  });

  it.each([
    'tile/8/0/0',
    'tile/8/0/0000',
    'tile/8/0/000.p/256',
    'tile/8/0/000.p/0',
    'tile/8/0/000.p/01',
    'tile/0/0/000',
    'tile/31/0/000',
    'tile/8/01/000',
    'tile/8/0/001/234',
    'tile/8/0/x001',
    'tiles/8/0/000',
  ])('rejects %s', (path) => {
    expect(parseTilePath(path)).toBeUndefined();
  });
});

describe('formatTilePath', () => {
  it.each([
    [{ height: 8, level: 0, index: 1000, width: 256 }, 'tile/8/0/x001/000'],
    [{ height: 8, level: 0, index: 999, width: 256 }, 'tile/8/0/999'],
    [{ height: 4, level: 0, index: 5, width: 15 }, 'tile/4/0/005.p/15'],
  ])('formats %o as %s', (tile, path) => {
    expect(formatTilePath(tile)).toBe(path);
  });
});
