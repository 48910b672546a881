import { isPseudoVersion } from '../module/pseudo-version.js';
import { compareSemver, isPrerelease, isValidSemver } from '../module/semver.js';

/**
 * The version `@latest` resolves to from a `@v/list` body (cmd/go/internal/modload/query.go): the highest
 * release, else the highest pre-release; pseudo-versions and invalid lines are ignored. Null: ask `@latest`.
 */
export function selectLatestVersion(listBody: string): string | null {
  const tagged = listBody.split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((v) => v !== '' && isValidSemver(v) && !isPseudoVersion(v));
  const releases = tagged.filter((v) => !isPrerelease(v));
  const pool = releases.length > 0 ? releases : tagged;
  let best: string | null = null;
  for (const v of pool) if (best === null || compareSemver(v, best) > 0) best = v;
  return best;
}
