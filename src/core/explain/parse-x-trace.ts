/** One `# get` line of `go … -x` output (cmd/go/internal/web). */
export type XTraceEntry =
  | { readonly kind: 'start'; readonly url: string }
  | { readonly kind: 'status'; readonly url: string; readonly status: number; readonly statusLine: string }
  | { readonly kind: 'error'; readonly url: string; readonly error: string };

const ELAPSED = /^ \(\d+(?:\.\d+)?s\)$/;

function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/** Parses `# get <URL>`, `# get <URL>: 200 OK (0.016s)` and `# get <URL>: <err> (0.016s)`; null for other lines. */
export function parseXTraceLine(line: string): XTraceEntry | null {
  if (!line.startsWith('# get ')) return null;
  // A URL holds no spaces, so the first `: ` ends it; a trailing ` (0.016s)` is the elapsed time.
  const sep = line.indexOf(': ', 6);
  const url = (sep === -1 ? line.slice(6) : line.slice(6, sep)).trim();
  if (url === '' || url.includes(' ')) return null;
  if (sep === -1) return { kind: 'start', url };
  let rest = line.slice(sep + 2);
  const open = rest.lastIndexOf(' (');
  if (open !== -1 && ELAPSED.test(rest.slice(open))) rest = rest.slice(0, open);
  if (rest === '') return { kind: 'start', url };
  if (isDigit(rest, 0) && isDigit(rest, 1) && isDigit(rest, 2) && (rest.length === 3 || rest.charCodeAt(3) === 32)) {
    return { kind: 'status', url, status: Number(rest.slice(0, 3)), statusLine: rest };
  }
  return { kind: 'error', url, error: rest };
}

/** URLs whose `# get` started and never reported an answer: where a hang sits. */
export function findUnfinishedGets(entries: readonly XTraceEntry[]): string[] {
  const open = new Map<string, number>();
  for (const e of entries) {
    const n = open.get(e.url) ?? 0;
    if (e.kind === 'start') open.set(e.url, n + 1);
    else if (n > 0) open.set(e.url, n - 1);
  }
  return [...open].filter(([, n]) => n > 0).map(([url]) => url);
}
