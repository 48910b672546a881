import { quoteGoString } from '../module/quote-go-string.js';
import { matchModuleGlobs } from './match-module-globs.js';

/** GOVCS rules (vcs.parseGOVCS / CheckGOVCS). https://go.dev/ref/mod#vcs-govcs */
export interface GovcsRule {
  readonly pattern: string;
  readonly allowed: readonly string[];
}

export type GovcsParse = { readonly ok: true; readonly rules: readonly GovcsRule[] } | { readonly ok: false; readonly error: string };

const DEFAULT_RULES: readonly GovcsRule[] = [
  { pattern: 'private', allowed: ['all'] },
  { pattern: 'public', allowed: ['git', 'hg'] },
];

function isRelativePattern(p: string): boolean {
  return p.startsWith('./') || p.startsWith('../') || p === '.' || p === '..';
}

/** The user's rules followed by the built-in `private:all,public:git|hg`. */
export function parseGovcs(govcs: string): GovcsParse {
  const text = govcs.trim();
  const rules: GovcsRule[] = [];
  const seen = new Map<string, string>();
  for (const raw of text === '' ? [] : text.split(',')) {
    const item = raw.trim();
    if (item === '') return { ok: false, error: 'empty entry in GOVCS' };
    const colon = item.indexOf(':');
    if (colon < 0) return { ok: false, error: `malformed entry in GOVCS (missing colon): ${quoteGoString(item)}` };
    const pattern = item.slice(0, colon).trim();
    const list = item.slice(colon + 1).trim();
    if (pattern === '') return { ok: false, error: `empty pattern in GOVCS: ${quoteGoString(item)}` };
    if (list === '') return { ok: false, error: `empty VCS list in GOVCS: ${quoteGoString(item)}` };
    if (isRelativePattern(pattern)) return { ok: false, error: `relative pattern not allowed in GOVCS: ${quoteGoString(pattern)}` };
    const old = seen.get(pattern);
    if (old !== undefined) return { ok: false, error: `unreachable pattern in GOVCS: ${quoteGoString(item)} after ${quoteGoString(old)}` };
    seen.set(pattern, item);
    const allowed = list.split('|').map((a) => a.trim());
    if (allowed.includes('')) return { ok: false, error: `empty VCS name in GOVCS: ${quoteGoString(item)}` };
    rules.push({ pattern, allowed });
  }
  return { ok: true, rules: [...rules, ...DEFAULT_RULES] };
}

/**
 * null when the go command may run `vcs` (`git`, `hg`, `svn`, `bzr`, `fossil`; `mod` is always allowed) for
 * `repoRoot`, else the exact error (`GOVCS disallows using svn for public example.com/x; see 'go help vcs'` or
 * the GOVCS parse error).
 */
export function checkGovcs(govcs: string, goprivate: string, repoRoot: string, vcs: string): string | null {
  if (vcs === 'mod') return null;
  const parsed = parseGovcs(govcs);
  if (!parsed.ok) return parsed.error;
  const isPrivate = matchModuleGlobs(goprivate, repoRoot);
  for (const rule of parsed.rules) {
    const match = rule.pattern === 'private' ? isPrivate
      : rule.pattern === 'public' ? !isPrivate
        : matchModuleGlobs(rule.pattern, repoRoot);
    if (!match) continue;
    if (rule.allowed.includes(vcs) || rule.allowed.includes('all')) return null;
    break;
  }
  return `GOVCS disallows using ${vcs} for ${isPrivate ? 'private' : 'public'} ${repoRoot}; see 'go help vcs'`;
}
