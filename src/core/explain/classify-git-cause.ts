import type { FailureClass } from '../classify/failure-class.js';
import type { GoErrorCause } from './go-error-cause.js';
import { extractOrigin } from './extract-origin.js';
import { GIT_AUTH } from './match-go-error.js';

/** git/curl/ssh texts (§6.2–6.4, §6.10): capitalised, unlike Go's own, so they cannot be confused. */
const GIT_RULES: readonly { readonly pattern: RegExp; readonly class: FailureClass }[] = [
  { pattern: /terminal prompts disabled|could not read (?:Username|Password) for|Authentication failed for|HTTP Basic: Access denied|Permission denied \(publickey[^)]*\)|Host key verification failed/, class: 'vcs.auth_required' },
  { pattern: /Repository not found|repository '[^']*' not found|does not appear to be a git repository/, class: 'vcs.unknown_revision' },
  { pattern: /Could not resolve host: \S+|ssh: Could not resolve hostname \S+/, class: 'dns.nxdomain' },
  { pattern: /(?:Failed to connect to|ssh: connect to host) \S+ port \d+[^\n]*?(?:Connection timed out|Operation timed out|Timeout was reached|No route to host|Network is unreachable)/, class: 'tcp.timeout' },
  { pattern: /Failed to connect to \S+ port \d+[^\n]*|ssh: connect to host \S+ port \d+: Connection refused/, class: 'tcp.refused' },
  { pattern: /SSL certificate problem: certificate has expired/, class: 'tls.expired' },
  { pattern: /no alternative certificate subject name matches[^\n]*|SSL: certificate subject name[^\n]*/, class: 'tls.hostname_mismatch' },
  { pattern: /server certificate verification failed|SSL certificate problem: [^\n]+/, class: 'tls.unknown_authority' },
  { pattern: /Connection reset by peer|early EOF|RPC failed[^\n]*|GnuTLS recv error[^\n]*/, class: 'tcp.reset' },
];

const STATUS_CLASS = (code: number): FailureClass => {
  if (code === 401 || code === 403) return 'vcs.auth_required';
  if (code === 404) return 'vcs.unknown_revision';
  if (code === 429) return 'proxy.rate_limited';
  return code >= 500 ? 'proxy.server_error' : 'vcs.auth_required';
};

/** The VCS hop a git message names: the `'https://…'` it quotes, or `ssh://<host>` for ssh. */
function findGitHop(text: string): string | null {
  const quoted = /'((?:https?|ssh|git):\/\/[^']+)'/.exec(text);
  if (quoted?.[1]) return extractOrigin(quoted[1]);
  const ssh = /ssh: connect to host (\S+) port (\d+)|[\w.-]+@([\w.-]+): Permission denied|Could not resolve hostname ([\w.-]+)/.exec(text);
  const host = ssh?.[1] ?? ssh?.[3] ?? ssh?.[4];
  if (host) return `ssh://${host.toLowerCase()}${ssh?.[2] && ssh[2] !== '22' ? `:${ssh[2]}` : ''}`;
  const resolve = /Could not resolve host: ([\w.-]+)/.exec(text);
  return resolve?.[1] ? `https://${resolve[1].toLowerCase()}` : null;
}

/** Classifies what git (through the go command, direct mode) reported. */
export function classifyGitCause(text: string): GoErrorCause | null {
  const auth = GIT_AUTH.exec(text);
  if (auth) {
    return { class: 'vcs.auth_required', hop: auth[1] ? extractOrigin(auth[1]) : null, step: 'git-refs', evidence: auth[0].replace(/^fatal: /, '') };
  }
  for (const rule of GIT_RULES) {
    const m = rule.pattern.exec(text);
    if (m) return { class: rule.class, hop: findGitHop(text), step: 'git-refs', evidence: m[0].trim() };
  }
  const status = /The requested URL returned error: (\d{3})/.exec(text);
  if (status?.[1]) return { class: STATUS_CLASS(Number(status[1])), hop: findGitHop(text), step: 'git-refs', evidence: status[0] };
  return null;
}
