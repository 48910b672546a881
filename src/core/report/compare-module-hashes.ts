import type { ModuleHashes } from './check-result.js';

/** One source's hashes of a module version: a proxy (`zone`+`hop`), the checksum DB or go.sum. */
export interface HashSource {
  readonly source: string;
  readonly hashes: ModuleHashes;
}

export interface HashDifference {
  readonly file: 'mod' | 'zip';
  /** The hash most trusted: go.sum, else the checksum DB, else what most proxies serve. */
  readonly expected: string;
  readonly expectedFrom: string;
  /** Every source that served something else, with what it served. */
  readonly differing: readonly { readonly source: string; readonly hash: string }[];
}

/**
 * Compares the `h1:` hashes that several sources give for one module version. `reference` names the
 * sources trusted first, in order (go.sum, then the checksum DB); without them the majority wins.
 */
export function compareModuleHashes(sources: readonly HashSource[], reference: readonly string[]): HashDifference[] {
  const differences: HashDifference[] = [];
  for (const file of ['mod', 'zip'] as const) {
    const seen = sources.flatMap((s) => (s.hashes[file] === null ? [] : [{ source: s.source, hash: s.hashes[file] as string }]));
    if (new Set(seen.map((s) => s.hash)).size <= 1) continue;
    const trusted = reference.map((r) => seen.find((s) => s.source === r)).find((s) => s !== undefined);
    const expected = trusted ?? pickMajority(seen);
    differences.push({
      file,
      expected: expected.hash,
      expectedFrom: expected.source,
      differing: seen.filter((s) => s.hash !== expected.hash),
    });
  }
  return differences;
}

function pickMajority(seen: readonly { source: string; hash: string }[]): { source: string; hash: string } {
  const counts = new Map<string, number>();
  for (const s of seen) counts.set(s.hash, (counts.get(s.hash) ?? 0) + 1);
  let best = seen[0] as { source: string; hash: string };
  for (const s of seen) if ((counts.get(s.hash) ?? 0) > (counts.get(best.hash) ?? 0)) best = s;
  return best;
}
