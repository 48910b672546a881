/** path.Match for one path element: `*`, `?` and `[…]` classes, never crossing `/`. */
function matchElement(pattern: string, name: string): boolean {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) return false;
      const body = pattern.slice(i + 1, end).replace(/^\^/, '!').replace(/\\/g, '\\\\');
      source += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      source += (pattern[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`${source}$`).test(name);
}

/**
 * Go's `module.MatchPrefixPatterns` (GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE): a glob list
 * matches a path when a pattern matches its leading elements. See https://go.dev/ref/mod#private-modules.
 */
export function matchPrefixPatterns(globs: string, path: string): boolean {
  const elements = path.split('/');
  for (const raw of globs.split(',')) {
    const glob = raw.trim().replace(/\/+$/, '');
    if (glob === '') continue;
    const n = glob.split('/').length;
    if (elements.length < n) continue;
    const prefix = elements.slice(0, n);
    const parts = glob.split('/');
    if (parts.every((p, i) => matchElement(p, prefix[i] ?? ''))) return true;
  }
  return false;
}
