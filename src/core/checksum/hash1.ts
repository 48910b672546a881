import { createHash } from 'node:crypto';

/** One file of a module tree: its name inside the zip (`<module>@<version>/…`) and its SHA-256 in hex. */
export interface FileDigest {
  readonly name: string;
  readonly sha256hex: string;
}

/**
 * The `h1:` dirhash of golang.org/x/mod/sumdb/dirhash Hash1: SHA-256 over the sorted lines
 * `<sha256hex>  <name>\n`, base64-encoded. https://pkg.go.dev/golang.org/x/mod/sumdb/dirhash#Hash1
 */
export function formatHash1(files: readonly FileDigest[]): string {
  const summary = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    if (file.name.includes('\n')) throw new TypeError(`dirhash: filename with newline: ${JSON.stringify(file.name)}`);
    summary.update(`${file.sha256hex}  ${file.name}\n`);
  }
  return `h1:${summary.digest('base64')}`;
}

/** The `h1:` of a go.mod as go.sum's `<version>/go.mod` line records it (one file named `go.mod`). */
export function hashGoMod(contents: string | Uint8Array): string {
  const digest = createHash('sha256').update(contents).digest('hex');
  return formatHash1([{ name: 'go.mod', sha256hex: digest }]);
}
