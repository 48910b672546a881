import { isValidSemver, semverBuild, semverPrerelease } from './semver.js';
import { quoteGoString } from './quote-go-string.js';

/** x/mod module/pseudo.go. https://go.dev/ref/mod#pseudo-versions */
const PSEUDO_VERSION_RE =
  /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/u;

export function isPseudoVersion(v: string): boolean {
  return (v.match(/-/g)?.length ?? 0) >= 2 && isValidSemver(v) && PSEUDO_VERSION_RE.test(v);
}

export type PseudoVersionPart<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

interface PseudoVersionParts {
  readonly base: string;
  readonly timestamp: string;
  readonly rev: string;
  readonly build: string;
}

function invalidPseudo(v: string, reason: string): { ok: false; error: string } {
  return { ok: false, error: `pseudo-version ${quoteGoString(v)} invalid: ${reason}` };
}

function parsePseudoVersion(v: string): PseudoVersionPart<PseudoVersionParts> {
  if (!isPseudoVersion(v)) return invalidPseudo(v, 'syntax error');
  const build = semverBuild(v);
  const bare = v.slice(0, v.length - build.length);
  const j = bare.lastIndexOf('-');
  const head = bare.slice(0, j);
  const rev = bare.slice(j + 1);
  const i = head.lastIndexOf('-');
  const dot = head.lastIndexOf('.');
  if (dot > i) return { ok: true, value: { base: head.slice(0, dot), timestamp: head.slice(dot + 1), rev, build } };
  return { ok: true, value: { base: head.slice(0, i), timestamp: head.slice(i + 1), rev, build } };
}

/** The commit prefix of a pseudo-version (`abcdef123456`). */
export function pseudoVersionRevision(v: string): PseudoVersionPart<string> {
  const parts = parsePseudoVersion(v);
  return parts.ok ? { ok: true, value: parts.value.rev } : parts;
}

function decrementDecimal(decimal: string): string {
  const digits = [...decimal];
  let i = digits.length - 1;
  for (; i >= 0 && digits[i] === '0'; i--) digits[i] = '9';
  if (i < 0) return '';
  if (i === 0 && digits[0] === '1' && digits.length > 1) digits.shift();
  else digits[i] = String(Number(digits[i]) - 1);
  return digits.join('');
}

/** x/mod PseudoVersionBase: the tag the pseudo-version builds on (`v1.2.3`, `v1.2.3-pre`), '' for `vX.0.0-…`. */
export function pseudoVersionBase(v: string): PseudoVersionPart<string> {
  const parsed = parsePseudoVersion(v);
  if (!parsed.ok) return parsed;
  const { base, build } = parsed.value;
  const pre = semverPrerelease(base);
  if (pre === '') {
    if (build !== '') return invalidPseudo(v, `lacks base version, but has build metadata ${quoteGoString(build)}`);
    return { ok: true, value: '' };
  }
  if (pre === '-0') {
    const bare = base.slice(0, -pre.length);
    const i = bare.lastIndexOf('.');
    const patch = decrementDecimal(bare.slice(i + 1));
    if (patch === '') return invalidPseudo(v, `version before ${bare} would have negative patch number`);
    return { ok: true, value: bare.slice(0, i + 1) + patch + build };
  }
  return { ok: true, value: base.slice(0, -'.0'.length) + build };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The commit time (UTC, ISO 8601 `2006-01-02T15:04:05Z`), validated like Go's time.Parse. */
export function pseudoVersionTime(v: string): PseudoVersionPart<string> {
  const parts = parsePseudoVersion(v);
  if (!parts.ok) return parts;
  const ts = parts.value.timestamp;
  const [year, month, day, hour, minute, second] = [
    ts.slice(0, 4), ts.slice(4, 6), ts.slice(6, 8), ts.slice(8, 10), ts.slice(10, 12), ts.slice(12, 14),
  ].map(Number) as [number, number, number, number, number, number];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return invalidPseudo(v, `malformed time ${quoteGoString(ts)}`);
  return { ok: true, value: `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z` };
}
