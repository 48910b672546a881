import type { FailureClass } from '../classify/failure-class.js';
import type { GoErrorCause } from './go-error-cause.js';
import { classifyChecksumMismatch } from './classify-checksum-mismatch.js';
import { classifyGitCause } from './classify-git-cause.js';
import { matchHttpStatus } from './classify-http-status.js';
import { classifyNetworkCause } from './classify-network-cause.js';
import { classifyRefusal } from './classify-refusal.js';
import { extractOrigin, isSumdbUrl } from './extract-origin.js';
import { INVALID_VERSION, SUMDB, SUMDB_OLD, TRANSPORT, UNKNOWN_REV, UNRECOG } from './match-go-error.js';

const GIT_MARKER = /exit status \d+:|fatal: |ssh: |remote: |error: RPC|SSL certificate problem|server certificate verification failed|Could not resolve host|Failed to connect to|Permission denied \(publickey|Host key verification failed/;
/** go-get discovery without the `unrecognized import path` line (an excerpt). */
const DISCOVERY_FETCH = /(?:https|http\/https) fetch: |no go-import meta tags[^\n]*/;

/** A 200 whose body is not what the protocol promises (§6.7), and query misses (§6.10–6.11). */
function classifyContent(text: string): GoErrorCause | null {
  if (!/proxy|zip|revision|matching versions|found, but|cannot find module/.test(text)) return null;
  const bad = /invalid response from proxy "?([^"\s]+)"?: [^\n]*|zip: not a valid zip file|has unexpected file [^\n]*|proxy returned info for version [^\n]*|downloaded zip file too large|invalid character '<' looking for beginning of value/.exec(text);
  if (bad) return { class: 'proxy.bad_content', hop: bad[1] ? extractOrigin(bad[1]) : null, step: null, evidence: bad[0] };
  const rev = UNKNOWN_REV.exec(text);
  if (rev) return { class: 'vcs.unknown_revision', hop: null, step: 'git-refs', evidence: rev[0] };
  const miss = /no matching versions for query [^\n]*|found, but does not contain package [^\n]*|cannot find module providing package [^\n:]*/.exec(text);
  if (miss) return { class: 'module.not_found', hop: null, step: null, evidence: miss[0] };
  return null;
}

/** The inner cause: git's words first in a git block, then transport, then the HTTP status, then content. */
function classifyInner(scan: string, status: GoErrorCause | null): GoErrorCause | null {
  const git = GIT_MARKER.test(scan) ? classifyGitCause(scan) : null;
  return git ?? classifyNetworkCause(scan) ?? status ?? classifyContent(scan);
}

function describeInner(inner: GoErrorCause): string {
  return `${inner.class}: ${inner.evidence}`;
}

/** Under `verifying module|go.mod`, any failure is the checksum DB's: unreachable, or no record (404/410 on lookup). */
function wrapSumdb(inner: GoErrorCause | null, scan: string): GoErrorCause {
  const transportUrl = TRANSPORT.exec(scan)?.[1] ?? null;
  if (!inner) return { class: 'sumdb.unreachable', hop: transportUrl ? extractOrigin(transportUrl) : null, step: 'sumdb-lookup', evidence: scan.trim().split('\n')[0]?.slice(0, 300) ?? '' };
  const notFound = (inner.class === 'module.not_found' || inner.class === 'module.gone') && !scan.includes('/tile/');
  const cls: FailureClass = notFound ? 'sumdb.not_found' : 'sumdb.unreachable';
  return { class: cls, hop: inner.hop, step: inner.step ?? 'sumdb-lookup', evidence: describeInner(inner) };
}

/**
 * Classifies one go error block: outermost marker for the hop's role, innermost cause for the
 * evidence (go-modules.md §10). Returns null when no class can be named.
 */
export function classifyGoError(text: string): GoErrorCause | null {
  const mismatch = classifyChecksumMismatch(text);
  if (mismatch) return mismatch;
  const statusMatch = matchHttpStatus(text);
  // The server's own words (a `server response` quoting a git failure…) are evidence, never the cause.
  const scan = statusMatch ? text.slice(0, statusMatch.end) : text;
  const refusal = classifyRefusal(scan);
  if (refusal) return refusal;
  const inner = classifyInner(scan, statusMatch?.cause ?? null);
  const unrecognized = scan.includes('unrecognized import path') || scan.includes('fetch: ') || scan.includes('go-import') ? UNRECOG.exec(scan) ?? DISCOVERY_FETCH.exec(scan) : null;
  if (unrecognized) {
    const evidence = inner ? describeInner(inner) : (unrecognized[2] ?? unrecognized[0]).slice(0, 300);
    const discoveryUrl = /\?go-get=1/.test(scan) ? /((?:https?):\/\/[^\s"]+\?go-get=1)/.exec(scan)?.[1] ?? null : null;
    const hop = inner?.hop ?? (discoveryUrl ? extractOrigin(discoveryUrl) : null);
    return { class: 'vcs.unrecognized_import_path', hop, step: 'discovery', evidence };
  }
  const statusUrl = statusMatch?.url ?? (scan.includes('://') ? TRANSPORT.exec(scan)?.[1] : undefined) ?? '';
  const verifying = scan.includes('verifying ') && (SUMDB.test(scan) || SUMDB_OLD.test(scan));
  if (verifying || (statusUrl !== '' && isSumdbUrl(statusUrl))) return wrapSumdb(inner, scan);
  if (inner) return inner;
  if (!scan.includes('invalid') && !scan.includes('module path') && !scan.includes('go.mod at revision')) return null;
  const invalid = INVALID_VERSION.exec(scan) ?? /module contains a go\.mod file, so module path must match major version[^\n]*|has (?:post-|non-)\S+ module path [^\n]*|missing \S+\/go\.mod at revision \S+/.exec(scan);
  if (invalid) return { class: 'input.invalid_version', hop: null, step: null, evidence: invalid[0].replace(/^@\S+: /, '') };
  return null;
}
