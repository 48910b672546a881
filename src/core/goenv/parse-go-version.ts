import type { GoVersion } from './go-env.js';

/** The release assumed when no go is on PATH. */
export const DEFAULT_GO_VERSION: GoVersion = { major: 1, minor: 25, patch: 0, text: 'go1.25.0', source: 'default' };

/**
 * `go version` output (`go version go1.19.8 linux/amd64`, `go version go1.21rc2 …`, `go1.22` …) → GoVersion;
 * DEFAULT_GO_VERSION when there is no output or it cannot be read. Pre-releases count as their release line
 * (`go1.21rc2` → 1.21.0); a devel toolchain counts as the default release.
 */
export function parseGoVersion(output: string | null): GoVersion {
  if (output === null) return DEFAULT_GO_VERSION;
  const m = /\bgo(\d+)\.(\d+)(?:\.(\d+))?((?:rc|beta)\d+)?\b/.exec(output);
  if (m === null) return DEFAULT_GO_VERSION;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] === undefined ? 0 : Number(m[3]);
  return { major, minor, patch, text: m[0], source: 'path' };
}

/** True when `v` is at least go`major`.`minor`[.`patch`]. */
export function goAtLeast(v: GoVersion, major: number, minor: number, patch = 0): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}
