/**
 * go.sum as cmd/go's readGoSum reads it: `<module> <version>[/go.mod] <hash>` per line, blank lines skipped.
 * Only `h1:` hashes are kept (the go command checks only those). https://go.dev/ref/mod#go-sum-files
 */

/** x/mod's hash of an empty go.mod: readGoSum skips such lines. */
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

export interface GoSum {
  /** Key `<module> <version>` (zip hash) or `<module> <version>/go.mod`. */
  readonly hashes: ReadonlyMap<string, readonly string[]>;
}

export type GoSumParse =
  | { readonly ok: true; readonly sum: GoSum }
  /** `malformed go.sum:\n<file>:<line>: wrong number of fields <n>\n`, as the go command fails. */
  | { readonly ok: false; readonly error: string };

export function parseGoSum(text: string, fileName = 'go.sum'): GoSumParse {
  const hashes = new Map<string, string[]>();
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const fields = line.split(/[ \t\r\v\f]+/).filter((f) => f !== '');
    if (fields.length === 0) continue;
    if (fields.length !== 3) {
      return { ok: false, error: `malformed go.sum:\n${fileName}:${index + 1}: wrong number of fields ${fields.length}\n` };
    }
    const [module, version, hash] = fields as [string, string, string];
    if (hash === EMPTY_GO_MOD_HASH || !hash.startsWith('h1:')) continue;
    const key = `${module} ${version}`;
    const list = hashes.get(key);
    if (list === undefined) hashes.set(key, [hash]);
    else if (!list.includes(hash)) list.push(hash);
  }
  return { ok: true, sum: { hashes } };
}

/** The `h1:` hashes recorded for a module zip (`zip`) or its go.mod (`go.mod`); empty when none. */
export function lookupGoSum(sum: GoSum, module: string, version: string, kind: 'zip' | 'go.mod'): readonly string[] {
  return sum.hashes.get(`${module} ${version}${kind === 'go.mod' ? '/go.mod' : ''}`) ?? [];
}
