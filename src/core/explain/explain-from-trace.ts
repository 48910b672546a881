import type { GoErrorCause } from './go-error-cause.js';
import { findUnfinishedGets, type XTraceEntry } from './parse-x-trace.js';
import { extractOrigin, inferStepFromUrl } from './extract-origin.js';

/**
 * When the go output names no error, the `-x` trace can still show a hang: a `# get` that never
 * answered (the go command has no response timeout of its own). Failed `# get` lines alone are not
 * findings: with `|` (or a 404/410 with `,`) the go command fell through them and succeeded.
 */
export function explainFromTrace(trace: readonly XTraceEntry[]): GoErrorCause[] {
  return findUnfinishedGets(trace).map((url) => ({
    class: 'http.stall',
    hop: extractOrigin(url),
    step: inferStepFromUrl(url),
    evidence: `# get ${url} never answered: the go command was still waiting (it has no timeout of its own)`,
  }));
}

/** The `# get` URL whose error the block repeats: names the hop when Go printed a relative URL (redirects). */
export function findTraceUrl(trace: readonly XTraceEntry[], blockText: string): string | null {
  for (const entry of trace) {
    if (entry.kind === 'error' && blockText.includes(entry.error.slice(0, 200))) return entry.url;
  }
  return null;
}
