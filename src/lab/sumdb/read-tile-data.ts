import { computeSubtreeHash } from './merkle-tree.js';
import type { Tile } from './tile-path.js';

/**
 * The bytes of a hash tile (tlog.ReadTileData): `width` 32-byte hashes at level `height·level`,
 * or undefined when the tree (`leaves`, the record hashes) is too small to hold them.
 */
export function readTileData(tile: Tile, leaves: readonly Buffer[]): Buffer | undefined {
  if (tile.level < 0) return undefined;
  const level = tile.height * tile.level;
  const first = tile.index * 2 ** tile.height;
  const hashes: Buffer[] = [];
  for (let i = 0; i < tile.width; i++) {
    const hash = computeSubtreeHash(leaves, level, first + i);
    if (hash === undefined) return undefined;
    hashes.push(hash);
  }
  return Buffer.concat(hashes);
}
