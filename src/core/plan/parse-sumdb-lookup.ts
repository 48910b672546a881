/**
 * The records of a checksum-database `/lookup/<module>@<version>` answer: `<module> <version>[/go.mod] h1:…`
 * lines after the record id (golang.org/x/mod/sumdb/client.go). Only what we compare is kept.
 */
export interface SumdbRecord {
  readonly zip: string | null;
  readonly mod: string | null;
}

export function parseSumdbLookup(body: string, module: string, version: string): SumdbRecord {
  let zip: string | null = null;
  let mod: string | null = null;
  for (const line of body.split('\n')) {
    const [path, ver, hash] = line.trim().split(/\s+/);
    if (path !== module || hash === undefined || !hash.startsWith('h1:')) continue;
    if (ver === version) zip = hash;
    else if (ver === `${version}/go.mod`) mod = hash;
  }
  return { zip, mod };
}
