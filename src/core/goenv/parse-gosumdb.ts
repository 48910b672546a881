import { createHash } from 'node:crypto';
import type { SumdbSetting } from './go-env.js';
import { parseGoUrl } from './parse-go-url.js';
import { isValidUtf8 } from '../module/check-module-path.js';

/** modfetch/key.go knownGOSUMDB. */
export const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

/** The verifier's name, or the x/mod/sumdb/note error text. https://pkg.go.dev/golang.org/x/mod/sumdb/note#NewVerifier */
export function checkVerifierKey(vkey: string): { ok: true; name: string } | { ok: false; error: string } {
  const [name, afterName] = chop(vkey, '+');
  const [hash16, key64] = chop(afterName, '+');
  const key = decodeStdBase64(key64);
  const validName = name !== '' && isValidUtf8(name) && !/\s/u.test(name) && !name.includes('+');
  if (!/^[0-9A-Fa-f]{8}$/.test(hash16) || key === null || !validName || key.length === 0) {
    return { ok: false, error: 'malformed verifier id' };
  }
  const digest = createHash('sha256').update(name).update('\n').update(key).digest();
  if (digest.readUInt32BE(0) !== Number.parseInt(hash16, 16)) return { ok: false, error: 'invalid verifier hash' };
  if (key[0] !== 1) return { ok: false, error: 'unknown verifier algorithm' };
  if (key.length !== 33) return { ok: false, error: 'malformed verifier id' };
  return { ok: true, name };
}

function chop(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** encoding/base64 StdEncoding (padded); Go skips `\r` and `\n`. */
function decodeStdBase64(s: string): Buffer | null {
  const text = s.replace(/[\r\n]/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  return Buffer.from(text, 'base64');
}

/**
 * GOSUMDB as modfetch.dbDial reads it: `off`, a known name, `sum.golang.google.cn`, a verifier key,
 * optionally followed by a URL. Errors are the text printed after `verifying …: `.
 * https://go.dev/ref/mod#checksum-database
 */
export function parseGosumdb(gosumdb: string): SumdbSetting {
  if (gosumdb === 'off') return { kind: 'off' };
  const value = gosumdb === 'sum.golang.google.cn' ? 'sum.golang.org https://sum.golang.google.cn' : gosumdb;
  const fields = value.split(/\s+/u).filter((f) => f !== '');
  if (fields.length === 0) return { kind: 'invalid', error: 'missing GOSUMDB' };
  if (fields.length > 2) return { kind: 'invalid', error: 'invalid GOSUMDB: too many fields' };
  const key = fields[0] === 'sum.golang.org' ? SUM_GOLANG_ORG_KEY : (fields[0] ?? '');
  const verifier = checkVerifierKey(key);
  if (!verifier.ok) return { kind: 'invalid', error: `invalid GOSUMDB: ${verifier.error}` };
  const nameError = checkSumdbName(verifier.name);
  if (nameError !== null) return { kind: 'invalid', error: nameError };
  const explicit = fields[1];
  if (explicit !== undefined) {
    const parsed = parseGoUrl(explicit);
    if (!parsed.ok) return { kind: 'invalid', error: `invalid GOSUMDB URL: ${parsed.error}` };
  }
  return { kind: 'db', name: verifier.name, key, url: explicit ?? null };
}

/** dbDial's "no funny business in the database name": `https://<name>` must be only a host and a path. */
function checkSumdbName(name: string): string | null {
  const parsed = parseGoUrl(`https://${name}`);
  const u = parsed.ok ? parsed.url : null;
  const plain = u !== null && u.opaque === '' && u.username === null && !u.forceQuery && u.rawQuery === ''
    && u.fragment === '' && u.host !== '' && !/%[0-9A-Fa-f]{2}/.test(name);
  if (plain && !name.endsWith('/')) return null;
  const shown = u === null
    ? '{Scheme: Opaque: User: Host: Path: RawPath: OmitHost:false ForceQuery:false RawQuery: Fragment: RawFragment:}'
    : `{Scheme:${u.scheme} Opaque:${u.opaque} User:${u.username === null ? '' : '…'} Host:${u.host} Path:${u.path} RawPath: OmitHost:false ForceQuery:${String(u.forceQuery)} RawQuery:${u.rawQuery} Fragment:${u.fragment} RawFragment:}`;
  return `invalid sumdb name (must be host[/path]): ${name} ${shown}`;
}
