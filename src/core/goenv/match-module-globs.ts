/**
 * x/mod module.MatchPrefixPatterns with Go's path.Match, exactly: comma-split with no trimming, one trailing
 * `/` dropped, each glob matched against as many leading path elements as it has. https://go.dev/ref/mod#private-modules
 */

class BadPattern extends Error {}

function scanChunk(pattern: readonly string[]): { star: boolean; chunk: string[]; rest: string[] } {
  let p = pattern;
  let star = false;
  while (p.length > 0 && p[0] === '*') {
    p = p.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case '\\':
        if (i + 1 < p.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
      default:
        break;
    }
  }
  return { star, chunk: p.slice(0, i), rest: p.slice(i) };
}

function getEscaped(chunk: readonly string[]): [string, string[]] {
  let c = chunk;
  if (c.length === 0 || c[0] === '-' || c[0] === ']') throw new BadPattern();
  if (c[0] === '\\') {
    c = c.slice(1);
    if (c.length === 0) throw new BadPattern();
  }
  const r = c[0] ?? '';
  const next = c.slice(1);
  if (next.length === 0) throw new BadPattern();
  return [r, next];
}

/** path.matchChunk: the rest of `s` after matching `chunk`, or null; throws BadPattern. */
function matchChunk(chunkIn: readonly string[], sIn: readonly string[]): string[] | null {
  let chunk = chunkIn;
  let s = sIn;
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const head = chunk[0];
    if (head === '[') {
      let r = '';
      if (!failed) {
        r = s[0] ?? '';
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        let lo: string;
        let hi: string;
        [lo, chunk] = getEscaped(chunk);
        hi = lo;
        if (chunk[0] === '-') [hi, chunk] = getEscaped(chunk.slice(1));
        const cp = r.codePointAt(0) ?? -1;
        if ((lo.codePointAt(0) ?? 0) <= cp && cp <= (hi.codePointAt(0) ?? 0)) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (head === '?') {
      if (!failed) {
        if (s[0] === '/') failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    } else if (head === '\\') {
      chunk = chunk.slice(1);
      if (chunk.length === 0) throw new BadPattern();
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    } else {
      if (!failed) {
        if (head !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? null : [...s];
}

/** Go's path.Match; a malformed pattern never matches (Go returns false with ErrBadPattern). */
export function matchGoPath(patternText: string, nameText: string): boolean {
  let pattern = [...patternText];
  let name = [...nameText];
  try {
    outer: while (pattern.length > 0) {
      const scanned = scanChunk(pattern);
      pattern = scanned.rest;
      const { star, chunk } = scanned;
      if (star && chunk.length === 0) return !name.includes('/');
      const t = matchChunk(chunk, name);
      if (t !== null && (t.length === 0 || pattern.length > 0)) {
        name = t;
        continue;
      }
      if (star) {
        for (let i = 0; i < name.length && name[i] !== '/'; i++) {
          const t2 = matchChunk(chunk, name.slice(i + 1));
          if (t2 !== null) {
            if (pattern.length === 0 && t2.length > 0) continue;
            name = t2;
            continue outer;
          }
        }
      }
      while (pattern.length > 0) {
        const next = scanChunk(pattern);
        pattern = next.rest;
        matchChunk(next.chunk, []);
      }
      return false;
    }
    return name.length === 0;
  } catch (err) {
    if (err instanceof BadPattern) return false;
    throw err;
  }
}

/** module.MatchPrefixPatterns(globs, target). */
export function matchModuleGlobs(globs: string, target: string): boolean {
  for (const raw of globs.split(',')) {
    const glob = raw.endsWith('/') ? raw.slice(0, -1) : raw;
    if (glob === '') continue;
    let n = glob.split('/').length - 1;
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target[i] === '/') {
        if (n === 0) {
          prefix = target.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue;
    if (matchGoPath(glob, prefix)) return true;
  }
  return false;
}
