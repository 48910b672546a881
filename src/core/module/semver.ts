/**
 * golang.org/x/mod/semver, exactly: `v` MAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]], shorthands `v1`, `v1.2`.
 * https://pkg.go.dev/golang.org/x/mod/semver
 */

interface ParsedSemver {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly short: string;
  readonly prerelease: string;
  readonly build: string;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function parseInt(v: string): [string, string] | null {
  if (!isDigit(v[0])) return null;
  let i = 1;
  while (isDigit(v[i])) i++;
  if (v[0] === '0' && i !== 1) return null;
  return [v.slice(0, i), v.slice(i)];
}

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9A-Za-z-]$/.test(ch);
}

function isBadNum(v: string): boolean {
  return /^[0-9]+$/.test(v) && v.length > 1 && v[0] === '0';
}

function parseSuffix(v: string, lead: '-' | '+'): [string, string] | null {
  if (v[0] !== lead) return null;
  let i = 1;
  let start = 1;
  while (i < v.length && !(lead === '-' && v[i] === '+')) {
    if (!isIdentChar(v[i]) && v[i] !== '.') return null;
    if (v[i] === '.') {
      if (start === i || (lead === '-' && isBadNum(v.slice(start, i)))) return null;
      start = i + 1;
    }
    i++;
  }
  if (start === i || (lead === '-' && isBadNum(v.slice(start, i)))) return null;
  return [v.slice(0, i), v.slice(i)];
}

function parseSemver(input: string): ParsedSemver | null {
  if (!input.startsWith('v')) return null;
  const major = parseInt(input.slice(1));
  if (major === null) return null;
  let rest = major[1];
  if (rest === '') return { major: major[0], minor: '0', patch: '0', short: '.0.0', prerelease: '', build: '' };
  if (rest[0] !== '.') return null;
  const minor = parseInt(rest.slice(1));
  if (minor === null) return null;
  rest = minor[1];
  if (rest === '') return { major: major[0], minor: minor[0], patch: '0', short: '.0', prerelease: '', build: '' };
  if (rest[0] !== '.') return null;
  const patch = parseInt(rest.slice(1));
  if (patch === null) return null;
  rest = patch[1];
  let prerelease = '';
  let build = '';
  if (rest.startsWith('-')) {
    const pre = parseSuffix(rest, '-');
    if (pre === null) return null;
    [prerelease, rest] = pre;
  }
  if (rest.startsWith('+')) {
    const b = parseSuffix(rest, '+');
    if (b === null) return null;
    [build, rest] = b;
  }
  if (rest !== '') return null;
  return { major: major[0], minor: minor[0], patch: patch[0], short: '', prerelease, build };
}

export function isValidSemver(v: string): boolean {
  return parseSemver(v) !== null;
}

/** semver.Canonical: `v1.2` → `v1.2.0`, build metadata dropped; '' when invalid. */
export function canonicalSemver(v: string): string {
  const p = parseSemver(v);
  if (p === null) return '';
  if (p.build !== '') return v.slice(0, v.length - p.build.length);
  return v + p.short;
}

/** module.CanonicalVersion: like canonicalSemver but keeps `+incompatible`. */
export function canonicalModuleVersion(v: string): string {
  const cv = canonicalSemver(v);
  return semverBuild(v) === '+incompatible' ? `${cv}+incompatible` : cv;
}

/** `v2` for `v2.1.0`; '' when invalid. */
export function semverMajor(v: string): string {
  const p = parseSemver(v);
  return p === null ? '' : `v${p.major}`;
}

/** `-pre.1` for `v1.0.0-pre.1`; '' when none or invalid. */
export function semverPrerelease(v: string): string {
  return parseSemver(v)?.prerelease ?? '';
}

/** `+meta` for `v1.0.0+meta`; '' when none or invalid. */
export function semverBuild(v: string): string {
  return parseSemver(v)?.build ?? '';
}

export function isPrerelease(v: string): boolean {
  return semverPrerelease(v) !== '';
}

function compareInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

function comparePrerelease(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < xs.length && i < ys.length; i++) {
    const dx = xs[i] ?? '';
    const dy = ys[i] ?? '';
    if (dx === dy) continue;
    const ix = /^[0-9]*$/.test(dx);
    const iy = /^[0-9]*$/.test(dy);
    if (ix !== iy) return ix ? -1 : 1;
    if (ix && dx.length !== dy.length) return dx.length < dy.length ? -1 : 1;
    return dx < dy ? -1 : 1;
  }
  return xs.length < ys.length ? -1 : 1;
}

/** semver.Compare: -1, 0 or +1; an invalid version is less than every valid one (two invalid are equal). */
export function compareSemver(v: string, w: string): number {
  const pv = parseSemver(v);
  const pw = parseSemver(w);
  if (pv === null && pw === null) return 0;
  if (pv === null) return -1;
  if (pw === null) return 1;
  return compareInt(pv.major, pw.major) || compareInt(pv.minor, pw.minor) || compareInt(pv.patch, pw.patch)
    || comparePrerelease(pv.prerelease, pw.prerelease);
}
