import { createHash } from 'node:crypto';

/**
 * RFC 6962 Merkle tree hashing as golang.org/x/mod/sumdb/tlog does it:
 * https://pkg.go.dev/golang.org/x/mod/sumdb/tlog
 */

/** The leaf hash of one record: SHA-256(0x00 || data). */
export function hashRecord(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest();
}

/** The interior hash: SHA-256(0x01 || left || right). */
function hashNode(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();
}

/** The tree hash of the first `size` leaves (tlog.TreeHash); 32 zero bytes for the empty tree. */
export function computeTreeHash(leaves: readonly Buffer[], size: number = leaves.length): Buffer {
  if (size > leaves.length) throw new RangeError(`tlog: tree of ${size} from ${leaves.length} leaves`);
  return size === 0 ? Buffer.alloc(32) : hashRange(leaves, 0, size);
}

/**
 * The hash at `level` and `index` of the tree (the root of leaves [index·2^level, (index+1)·2^level)),
 * or undefined when that subtree is not complete in `leaves`.
 */
export function computeSubtreeHash(leaves: readonly Buffer[], level: number, index: number): Buffer | undefined {
  const width = 2 ** level;
  const start = index * width;
  return start + width > leaves.length ? undefined : hashRange(leaves, start, start + width);
}

function hashRange(leaves: readonly Buffer[], start: number, end: number): Buffer {
  const count = end - start;
  if (count === 1) {
    const leaf = leaves[start];
    if (leaf === undefined) throw new RangeError(`tlog: no leaf ${start}`);
    return leaf;
  }
  let split = 1;
  while (split * 2 < count) split *= 2;
  return hashNode(hashRange(leaves, start, start + split), hashRange(leaves, start + split, end));
}
