import type { FailureClass } from '../core/classify/failure-class.js';
import type { HopRole, StepKind } from '../core/diagnosis.js';
import type { ProbeRecord } from './probe-step.js';

/** A failure as the walk carries it: what the go command would stop on at this entry. */
export interface Failure {
  readonly cls: FailureClass;
  /** The innermost class when `cls` names a wrapper (`sumdb.unreachable` ← `tcp.timeout`). */
  readonly cause: FailureClass | null;
  readonly hop: string | null;
  readonly hopRole: HopRole | null;
  readonly step: StepKind | null;
  readonly evidence: string;
  /** The go command's text without the `go: <module>@<version>: ` context (null: it would print nothing). */
  readonly goText: string | null;
  /** Printed as is, without any module context (checksum mismatch, Go 1.19's bare zip error). */
  readonly bare?: boolean;
  /** The go command waits for ever here. */
  readonly hangs: boolean;
  /** Go's fs.ErrNotExist. */
  readonly notExist: boolean;
}

/** A failure read straight off a probe's verdict. */
export function failureFromRecord(record: ProbeRecord): Failure {
  const { verdict } = record;
  return {
    cls: verdict.cls,
    cause: verdict.cause,
    hop: verdict.hop,
    hopRole: verdict.hopRole,
    step: record.step,
    evidence: verdict.evidence,
    goText: verdict.goText,
    hangs: verdict.hangs,
    notExist: verdict.notExist,
  };
}
