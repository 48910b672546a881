import { describe, expect, it } from 'vitest';
import { computeSubtreeHash, computeTreeHash, hashRecord } from './merkle-tree.js';

// The RFC 6962 reference leaves and roots of certificate-transparency's merkle tree tests.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
  .map((hex) => hashRecord(Buffer.from(hex, 'hex')));

describe('computeTreeHash', () => {
  it.each([
    [1, '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'],
    [2, 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'],
    [3, 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77'],
    [4, 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'],
    [5, '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4'],
    [6, '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef'],
    [7, 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c'],
    [8, '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
  ])('hashes the first %i reference leaves to the RFC 6962 root', (size, root) => {
    expect(computeTreeHash(LEAVES, size).toString('hex')).toBe(root);
  });

  it('gives 32 zero bytes for the empty tree', () => {
    expect(computeTreeHash([])).toEqual(Buffer.alloc(32));
  });

  it('rejects a size larger than the leaves', () => {
    expect(() => computeTreeHash(LEAVES, 9)).toThrow(RangeError);
  });
});

describe('computeSubtreeHash', () => {
  it('gives the root of a complete subtree', () => {
    expect(computeSubtreeHash(LEAVES, 2, 0)).toEqual(computeTreeHash(LEAVES, 4));
    expect(computeSubtreeHash(LEAVES, 0, 5)).toEqual(LEAVES[5]);
    expect(computeSubtreeHash(LEAVES, 3, 0)).toEqual(computeTreeHash(LEAVES, 8));
  });

  it('gives undefined for a subtree the leaves do not complete', () => {
    expect(computeSubtreeHash(LEAVES.slice(0, 7), 3, 0)).toBeUndefined();
    expect(computeSubtreeHash(LEAVES, 0, 8)).toBeUndefined();
  });
});
