import type { FailureClass, Severity } from './classify/failure-class.js';
import type { Playbook } from './playbooks/playbook.js';

/** The request kinds the go command makes, in the words of the hop table. */
export type StepKind =
  | 'list' | 'latest' | 'info' | 'mod' | 'zip'
  | 'sumdb-supported' | 'sumdb-lookup'
  | 'discovery' | 'git-refs' | 'repo-check'
  | 'config';

/** The role a hop plays in the go command's path (also the report's `role`). */
export type HopRole = 'proxy' | 'sumdb' | 'vcs' | 'http-proxy';

export interface PhaseTimings {
  readonly dnsMs: number | null;
  readonly connectMs: number | null;
  readonly proxyMs?: number | null;
  readonly tlsMs: number | null;
  readonly ttfbMs: number | null;
  readonly totalMs: number;
}

export interface Finding {
  readonly class: FailureClass;
  readonly severity: Severity | null;
  readonly title: string;
  /** The hop's origin as printed in the hop table, credentials removed. */
  readonly hop: string | null;
  readonly step: StepKind | null;
  /** What we saw, in words: the network class under a wrapper, the certificate, the status line. */
  readonly evidence: string;
  /** The error the go command would print (or printed, for `explain`). */
  readonly goError: string | null;
}

/** One request of the plan that was (or was not) made, with what it found. */
export interface StepReport {
  readonly hop: string;
  readonly role: HopRole;
  readonly step: StepKind;
  /** Redacted URL. */
  readonly url: string;
  readonly class: FailureClass;
  readonly status: number | null;
  readonly timings: PhaseTimings;
  /** `fell-through` when the go command would try the next entry after this answer. */
  readonly outcome: 'ok' | 'failed' | 'fell-through' | 'skipped';
  readonly note?: string;
}

export type Verdict = 'ok' | 'warn' | 'fail';

export interface Diagnosis {
  readonly schema: 'gomod-doctor/diagnosis@1';
  readonly module: string;
  /** As typed; `latest` when none was given. `resolvedVersion` is what `@latest` became. */
  readonly version: string;
  readonly resolvedVersion?: string;
  readonly zone: string;
  readonly verdict: Verdict;
  readonly class: FailureClass;
  readonly severity: Severity | null;
  readonly findings: readonly Finding[];
  readonly steps: readonly StepReport[];
  readonly playbook: Playbook | null;
  /** Which go command's behaviour was followed, e.g. `go1.19.8 (go on PATH)`. */
  readonly goVersion: string;
  readonly elapsedMs: number;
}

export interface Explanation {
  readonly schema: 'gomod-doctor/explanation@1';
  readonly class: FailureClass;
  readonly severity: Severity | null;
  readonly findings: readonly Finding[];
  readonly playbook: Playbook | null;
  /** First lines of go errors that no rule recognizes (absent when every error was classified). */
  readonly unrecognized?: readonly string[];
}
