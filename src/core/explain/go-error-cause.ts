import type { FailureClass } from '../classify/failure-class.js';
import type { StepKind } from '../diagnosis.js';

/** What one go error block says: the class, the hop it names and the facts behind it. */
export interface GoErrorCause {
  readonly class: FailureClass;
  /** Origin of the hop (credentials removed), or null when the text names none. */
  readonly hop: string | null;
  readonly step: StepKind | null;
  /** Short human text: the inner class under a wrapper, the status line, the x509 reason, the hashes. */
  readonly evidence: string;
}
