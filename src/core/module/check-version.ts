import { checkModulePathReason, splitPathVersion } from './check-module-path.js';
import { canonicalModuleVersion, isValidSemver, semverBuild, semverMajor } from './semver.js';

/**
 * How the go command treats the `@version` of a query (modload/query.go):
 * - `latest`: no version, `latest`, `upgrade` or `patch` → `@v/list` and `@latest`;
 * - `canonical`: `v1.2.3`, `v1.2.3-pre`, `v2.0.0+incompatible` → `@v/<v>.info` directly;
 * - `semver-noncanonical`: shorthands `v1`, `v1.2` → resolved from `@v/list`;
 * - `revision`: anything else (`1.0.0`, `master`, a hash, `v1.0.0+meta`) → sent to the proxy as a revision
 *   (`@v/<rev>.info`); errors come back wrapped in `invalid version:`. Go never rejects these locally.
 * Comparison queries (`<v1.2`, `>=v1.0.0`) are not modelled: they classify as `revision`.
 */
export type VersionQueryKind = 'latest' | 'canonical' | 'semver-noncanonical' | 'revision';

export function classifyVersionQuery(version: string | null): VersionQueryKind {
  if (version === null || version === 'latest' || version === 'upgrade' || version === 'patch') return 'latest';
  if (!isValidSemver(version)) return 'revision';
  if (canonicalModuleVersion(version) === version) return 'canonical';
  if (/^v[0-9]+(\.[0-9]+)?$/.test(version)) return 'semver-noncanonical';
  return 'revision';
}

/** x/mod CheckPathMajor: `should be v0 or v1, not v2` (bare reason), or null. */
export function checkPathMajor(version: string, pathMajor: string): string | null {
  let major = pathMajor;
  if (major.startsWith('.v') && major.endsWith('-unstable')) major = major.slice(0, -'-unstable'.length);
  if (version.startsWith('v0.0.0-') && major === '.v1') return null;
  const m = semverMajor(version);
  let want: string;
  if (major === '') {
    if (m === 'v0' || m === 'v1' || semverBuild(version) === '+incompatible') return null;
    want = 'v0 or v1';
  } else {
    if (m === major.slice(1)) return null;
    want = major.slice(1);
  }
  return `should be ${want}, not ${m}`;
}

/**
 * x/mod module.Check for a canonical version: `<mod>@<ver>: invalid version: <reason>`, or null.
 * Returns null for non-canonical versions: the go command sends those as queries (see classifyVersionQuery).
 * Observed with Go 1.19: in proxy mode the go command does not apply this check before requesting
 * `@v/<ver>.info`, so a mismatch surfaces as the proxy's answer first; direct mode applies it.
 */
export function checkModuleVersion(path: string, version: string): string | null {
  if (checkModulePathReason(path) !== null) return null;
  if (classifyVersionQuery(version) !== 'canonical') return null;
  if (!isValidSemver(version)) return `${path}@${version}: invalid version: not a semantic version`;
  const reason = checkPathMajor(version, splitPathVersion(path).pathMajor);
  return reason === null ? null : `${path}@${version}: invalid version: ${reason}`;
}
