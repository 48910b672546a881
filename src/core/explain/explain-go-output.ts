import { classTitle, defaultSeverity } from '../classify/failure-class.js';
import type { Explanation, Finding } from '../diagnosis.js';
import { selectPlaybook } from '../playbooks/select-playbook.js';
import type { GoErrorCause } from './go-error-cause.js';
import { classifyGoError } from './classify-go-error.js';
import { explainFromTrace, findTraceUrl } from './explain-from-trace.js';
import { extractOrigin, inferStepFromUrl } from './extract-origin.js';
import { extractModuleVersion, type ModuleVersion } from './extract-module-version.js';
import { findHiddenSumdbFailure } from './find-hidden-sumdb-failure.js';
import { normalizeGoOutput } from './normalize-go-output.js';
import { splitGoErrors } from './split-go-errors.js';

export interface ExplainContext {
  /** The go version that printed the output (`go1.19.8`); shapes of every version are accepted anyway. */
  readonly goVersion?: string;
  /** Zone named in the playbook; `local` by default. */
  readonly zone?: string;
}

const MAX_GO_ERROR_CHARS = 4_000;
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s"']*@/gi;

function toFinding(cause: GoErrorCause, goError: string | null): Finding {
  return {
    class: cause.class,
    severity: defaultSeverity(cause.class),
    title: classTitle(cause.class),
    hop: cause.hop,
    step: cause.step,
    evidence: cause.evidence.includes('@') ? cause.evidence.replace(USERINFO, '$1') : cause.evidence,
    goError: goError === null ? null : goError.slice(0, MAX_GO_ERROR_CHARS),
  };
}

/** Two findings are the same error when class, hop, step and evidence agree (the module may differ). */
function findingKey(f: Finding): string {
  return `${f.class}\u0000${f.hop ?? ''}\u0000${f.step ?? ''}\u0000${f.evidence}`;
}

/**
 * Puts go command output (plain stderr, `-x`, `go mod download -json`, several errors at once)
 * into the failure classes of taxonomy.md: one finding per distinct error, in order. The primary
 * is the first finding, except that a checksum mismatch (P0) always wins. Input without any error
 * gives class `ok` and no findings; error text no rule recognizes is listed in `unrecognized`.
 */
export function explainGoOutput(text: string, context: ExplainContext = {}): Explanation {
  const { blocks, trace } = splitGoErrors(normalizeGoOutput(text));
  const findings: Finding[] = [];
  const subjects: (ModuleVersion | null)[] = [];
  const unrecognized: string[] = [];
  const seen = new Set<string>();
  // Real logs repeat the same error (one per package); each distinct block is classified once.
  const seenBlocks = new Set<string>();
  const push = (finding: Finding, subject: () => ModuleVersion | null): void => {
    const key = findingKey(finding);
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
    subjects.push(subject());
  };
  for (const block of blocks) {
    if (seenBlocks.has(block.text)) continue;
    seenBlocks.add(block.text);
    let cause = classifyGoError(block.text);
    if (!cause) {
      if (block.isError) unrecognized.push(block.text.split('\n')[0] ?? block.text);
      continue;
    }
    if (cause.class === 'config.goproxy_off') cause = findHiddenSumdbFailure(trace) ?? cause;
    if (cause.hop === null && trace.length > 0) {
      const url = findTraceUrl(trace, block.text);
      if (url) cause = { ...cause, hop: extractOrigin(url), step: cause.step ?? inferStepFromUrl(url) };
    }
    push(toFinding(cause, block.text), () => (block.module ? { module: block.module, version: block.version } : extractModuleVersion(block.text)));
  }
  if (findings.length === 0 && unrecognized.length === 0) {
    for (const cause of explainFromTrace(trace)) push(toFinding(cause, null), () => null);
  }
  dropOrphanSecurityErrors(findings, subjects);
  return assembleExplanation(findings, subjects, unrecognized, context);
}

/** A `SECURITY ERROR` block printed apart from its `verifying …` line is the same mismatch. */
function dropOrphanSecurityErrors(findings: Finding[], subjects: (ModuleVersion | null)[]): void {
  const mismatches = findings.filter((f) => f.class === 'checksum.mismatch');
  if (mismatches.length < 2) return;
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i];
    if (f?.class === 'checksum.mismatch' && f.evidence.startsWith('SECURITY ERROR (') && mismatches.some((m) => !m.evidence.startsWith('SECURITY ERROR ('))) {
      findings.splice(i, 1);
      subjects.splice(i, 1);
    }
  }
}

function assembleExplanation(findings: Finding[], subjects: readonly (ModuleVersion | null)[], unrecognized: readonly string[], context: ExplainContext): Explanation {
  const mismatchAt = findings.findIndex((f) => f.class === 'checksum.mismatch');
  const primaryAt = mismatchAt === -1 ? 0 : mismatchAt;
  const primary = findings[primaryAt];
  const extra = unrecognized.length > 0 ? { unrecognized } : {};
  if (!primary) return { schema: 'gomod-doctor/explanation@1', class: 'ok', severity: null, findings, playbook: null, ...extra };
  const subject = subjects[primaryAt] ?? subjects.find((s) => s !== null) ?? null;
  const target = subject ? `${subject.module}${subject.version ? `@${subject.version}` : ''}` : '<module>@<version>';
  const playbook = selectPlaybook(primary.class, {
    module: subject?.module ?? '<module>',
    version: subject?.version ?? null,
    hop: primary.hop,
    evidence: primary.evidence,
    zone: context.zone ?? 'local',
    goEnv: null,
    diagnoseCommand: `gomod-doctor diagnose ${target}`,
  });
  return { schema: 'gomod-doctor/explanation@1', class: primary.class, severity: primary.severity, findings, playbook, ...extra };
}
