import type { GoErrorCause } from './go-error-cause.js';
import { findUnfinishedGets, type XTraceEntry } from './parse-x-trace.js';
import { classifyGoError } from './classify-go-error.js';
import { classifyStatusCode } from './classify-http-status.js';
import { extractOrigin, inferStepFromUrl } from './extract-origin.js';

/**
 * When the go output names no error, the `-x` trace can: a failed `# get`, or a `# get` that
 * never answered (the go command has no timeout of its own: a hang).
 */
export function explainFromTrace(trace: readonly XTraceEntry[]): GoErrorCause[] {
  const causes: GoErrorCause[] = [];
  for (const entry of trace) {
    if (entry.kind === 'error') {
      const cause = classifyGoError(entry.error.startsWith('Get ') ? entry.error : `Get "${entry.url}": ${entry.error}`);
      if (cause) causes.push({ ...cause, hop: cause.hop ?? extractOrigin(entry.url), step: cause.step ?? inferStepFromUrl(entry.url) });
    } else if (entry.kind === 'status' && entry.status >= 400 && entry.status !== 404 && entry.status !== 410) {
      causes.push({ class: classifyStatusCode(entry.status, entry.url), hop: extractOrigin(entry.url), step: inferStepFromUrl(entry.url), evidence: `HTTP ${entry.statusLine} (from the -x trace)` });
    }
  }
  if (causes.length > 0) return causes;
  for (const url of findUnfinishedGets(trace)) {
    causes.push({ class: 'http.stall', hop: extractOrigin(url), step: inferStepFromUrl(url), evidence: `# get ${url} never answered: the go command was still waiting (it has no timeout of its own)` });
  }
  return causes;
}
