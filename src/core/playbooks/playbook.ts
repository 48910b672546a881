import type { FailureClass } from '../classify/failure-class.js';

/** A change request an SRE can paste into the change-management tool. */
export interface ChangeRequest {
  readonly title: string;
  readonly impact: string;
  readonly preChecks: readonly string[];
  readonly steps: readonly string[];
  /** The exact diagnose command to re-run, and what it must then print. */
  readonly verification: readonly string[];
  readonly rollback: readonly string[];
  readonly owner: string;
  readonly window: string;
}

export interface Playbook {
  readonly class: FailureClass;
  readonly title: string;
  /** What the class means, in one or two sentences. */
  readonly meaning: string;
  readonly likelyCauses: readonly string[];
  /** Exact commands and changes, computed from the observed environment. */
  readonly fix: readonly string[];
  readonly changeRequest: ChangeRequest;
  /** Steps that restore the values seen before the change. */
  readonly rollback: readonly string[];
}
