import { quoteGoRune, quoteGoString } from './quote-go-string.js';

/**
 * golang.org/x/mod/module CheckPath / CheckImportPath, returning Go's exact error text.
 * https://pkg.go.dev/golang.org/x/mod/module#CheckPath
 */

export type PathKind = 'module' | 'import' | 'file';

const BAD_WINDOWS_NAMES = [
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
];

const FILE_NAME_PUNCTUATION = "!#$%&()+,-.=@[]^_{}~ ";

function isAsciiAlnum(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

function isModulePathChar(ch: string): boolean {
  return isAsciiAlnum(ch) || ch === '-' || ch === '.' || ch === '_' || ch === '~';
}

function isElemCharOk(ch: string, kind: PathKind): boolean {
  if (kind === 'module') return isModulePathChar(ch);
  if (kind === 'import') return isModulePathChar(ch) || ch === '+';
  if ((ch.codePointAt(0) ?? 0) < 0x80) return isAsciiAlnum(ch) || FILE_NAME_PUNCTUATION.includes(ch);
  return /^\p{L}$/u.test(ch);
}

/** True when the JS string encodes to valid UTF-8 (no lone surrogates). */
export function isValidUtf8(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** x/mod checkElem: the reason an element is invalid, or null. */
export function checkPathElement(elem: string, kind: PathKind): string | null {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${quoteGoString(elem)}`;
  if (elem.startsWith('.') && kind === 'module') return 'leading dot in path element';
  if (elem.endsWith('.')) return 'trailing dot in path element';
  for (const ch of elem) {
    if (!isElemCharOk(ch, kind)) return `invalid char ${quoteGoRune(ch)}`;
  }
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  const upper = short.toUpperCase();
  if (BAD_WINDOWS_NAMES.some((bad) => bad === upper && short.length === bad.length)) {
    return `${quoteGoString(short)} disallowed as path element component on Windows`;
  }
  if (kind === 'file') return null;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return 'trailing tilde and digits in path element';
  }
  return null;
}

/** x/mod checkPath: the reason, or null. */
function checkPathReason(path: string, kind: PathKind): string | null {
  if (!isValidUtf8(path)) return 'invalid UTF-8';
  if (path === '') return 'empty string';
  if (path.startsWith('-') && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const reason = checkPathElement(elem, kind);
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * x/mod SplitPathVersion: `prefix` and `pathMajor` (`/v2`, `.v1`, `.v2-unstable` or ''), ok=false when
 * the major-version suffix is malformed.
 */
export function splitPathVersion(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && /[0-9.]/.test(path[i - 1] ?? '')) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') {
    return { prefix: path, pathMajor: '', ok: true };
  }
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

function splitGopkgIn(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && /[0-9]/.test(path[i - 1] ?? '')) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return { prefix: path, pathMajor: '', ok: false };
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

/** The bare CheckPath reason (`missing dot in first path element`), or null when the module path is valid. */
export function checkModulePathReason(path: string): string | null {
  const common = checkPathReason(path, 'module');
  if (common !== null) return common;
  const slash = path.indexOf('/');
  const first = slash < 0 ? path : path.slice(0, slash);
  if (slash === 0) return 'leading slash';
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path.startsWith('-')) return 'leading dash in first path element';
  for (const ch of first) {
    if (!/^[-.0-9a-z]$/.test(ch)) return `invalid char ${quoteGoRune(ch)} in first path element`;
  }
  if (!splitPathVersion(path).ok) return 'invalid version';
  return null;
}

/** `malformed module path "<p>": <reason>` exactly as Go prints it, or null when valid. */
export function checkModulePath(path: string): string | null {
  const reason = checkModulePathReason(path);
  return reason === null ? null : `malformed module path ${quoteGoString(path)}: ${reason}`;
}

/** `malformed import path "<p>": <reason>` (x/mod CheckImportPath), or null when valid. */
export function checkImportPath(path: string): string | null {
  const reason = checkPathReason(path, 'import');
  return reason === null ? null : `malformed import path ${quoteGoString(path)}: ${reason}`;
}
