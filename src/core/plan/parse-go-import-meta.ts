/**
 * `<meta name="go-import" content="<prefix> <vcs> <repo-root>[ <subdir>]">` tags, read the way
 * cmd/go/internal/vcs/discovery.go does: only in the head, attribute names case-insensitive.
 * https://go.dev/ref/mod#vcs-find
 */
export interface GoImport {
  readonly prefix: string;
  readonly vcs: string;
  readonly repoRoot: string;
}

const META = /<meta\b([^>]*)>/gi;
const ATTR = /([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

export function parseGoImportMeta(html: string): GoImport[] {
  const headEnd = html.search(/<body\b|<\/head>/i);
  const head = headEnd === -1 ? html : html.slice(0, headEnd);
  const imports: GoImport[] = [];
  for (const match of head.matchAll(META)) {
    const attrs = new Map<string, string>();
    for (const attr of (match[1] ?? '').matchAll(ATTR)) {
      attrs.set((attr[1] ?? '').toLowerCase(), decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''));
    }
    if (attrs.get('name') !== 'go-import') continue;
    const fields = (attrs.get('content') ?? '').trim().split(/\s+/);
    if (fields.length !== 3 && fields.length !== 4) continue;
    const [prefix = '', vcs = '', repoRoot = ''] = fields;
    imports.push({ prefix, vcs, repoRoot });
  }
  return imports;
}

/**
 * The tag that serves `modulePath`: its prefix must be a path prefix; `mod` entries win over VCS entries for the
 * same prefix. Returns Go's error text when none or several match.
 */
export function matchGoImport(imports: readonly GoImport[], modulePath: string, url: string):
  { readonly ok: true; readonly match: GoImport } | { readonly ok: false; readonly error: string } {
  const matching = imports.filter((imp) => modulePath === imp.prefix || modulePath.startsWith(`${imp.prefix}/`));
  const modEntries = matching.filter((imp) => imp.vcs === 'mod');
  const candidates = modEntries.length > 0 ? modEntries : matching;
  if (candidates.length > 1) return { ok: false, error: `multiple meta tags match import path "${modulePath}"` };
  const [match] = candidates;
  if (match !== undefined) return { ok: true, match };
  const others = imports.map((imp) => `meta tag ${imp.prefix} did not match import path ${modulePath}`).join('\n');
  return { ok: false, error: `parse ${url}: no go-import meta tags (${others})` };
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
