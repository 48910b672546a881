import { matchModuleGlobs } from '../goenv/match-module-globs.js';

/** Public code hosts: a private pattern there must name the organisation, never the whole host. */
const PUBLIC_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'dev.azure.com', 'golang.org', 'gopkg.in', 'go.googlesource.com', 'codeberg.org', 'sr.ht', 'git.sr.ht']);
/** First host labels that name a service, not an organisation: `git.corp.example` → `*.corp.example`. */
const SERVICE_LABELS = new Set(['git', 'gitlab', 'github', 'gitea', 'vanity', 'go', 'code', 'src', 'scm', 'repo', 'repos', 'vcs', 'source', 'mod', 'modules']);

export interface PrivatePatternSuggestion {
  /** The pattern to add, e.g. `*.corp.example`, `corp.example.com` or `github.com/corp`. */
  readonly pattern: string;
  /** The whole new value: the current list plus the pattern (the current one when already covered). */
  readonly value: string;
  /** True when the current list already matches the module: GOPRIVATE is not what is missing. */
  readonly alreadyCovered: boolean;
}

/** The GOPRIVATE-style pattern that covers the module, merged into the current list. */
export function suggestPrivatePattern(module: string, current: string): PrivatePatternSuggestion {
  const trimmed = current.trim();
  if (trimmed !== '' && matchModuleGlobs(trimmed, module)) return { pattern: '', value: trimmed, alreadyCovered: true };
  const elements = module.split('/');
  const host = (elements[0] ?? module).toLowerCase();
  let pattern = host;
  if (PUBLIC_HOSTS.has(host) && elements[1]) pattern = `${host}/${elements[1]}`;
  else {
    const labels = host.split('.');
    if (labels.length >= 3 && SERVICE_LABELS.has(labels[0] ?? '')) pattern = `*.${labels.slice(1).join('.')}`;
  }
  return { pattern, value: trimmed === '' ? pattern : `${trimmed},${pattern}`, alreadyCovered: false };
}
