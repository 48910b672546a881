import type { GoErrorCause } from './go-error-cause.js';
import type { XTraceEntry } from './parse-x-trace.js';
import { classifyStatusCode } from './classify-http-status.js';
import { classifyNetworkCause } from './classify-network-cause.js';
import { extractOrigin, inferStepFromUrl, isSumdbUrl } from './extract-origin.js';

/**
 * With a cached module, hashes missing from go.sum and `GOPROXY=off`, the go command prints only
 * `module lookup disabled by GOPROXY=off`; the checksum-DB failure shows only in `-x` (§6.8).
 */
export function findHiddenSumdbFailure(trace: readonly XTraceEntry[]): GoErrorCause | null {
  for (const entry of trace) {
    if (entry.kind === 'start' || !isSumdbUrl(entry.url)) continue;
    if (entry.kind === 'status' && entry.status < 400) continue;
    const hop = extractOrigin(entry.url);
    const step = inferStepFromUrl(entry.url) ?? 'sumdb-lookup';
    const hidden = 'hidden behind "module lookup disabled by GOPROXY=off"';
    if (entry.kind === 'status') {
      const inner = classifyStatusCode(entry.status, entry.url);
      const notFound = (inner === 'module.not_found' || inner === 'module.gone') && entry.url.includes('/lookup/');
      return { class: notFound ? 'sumdb.not_found' : 'sumdb.unreachable', hop, step, evidence: `${inner}: HTTP ${entry.statusLine} (${hidden})` };
    }
    const inner = classifyNetworkCause(entry.error);
    const evidence = inner ? `${inner.class}: ${inner.evidence}` : entry.error.slice(0, 300);
    return { class: 'sumdb.unreachable', hop, step, evidence: `${evidence} (${hidden})` };
  }
  return null;
}
