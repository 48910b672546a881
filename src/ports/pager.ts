import type { Severity } from '../core/classify/failure-class.js';

export type PagerAction = 'trigger' | 'acknowledge' | 'resolve';

/** One event for the pager. The routing key is resolved from its env var name at the edge; it never reaches jobs or logs. */
export interface PagerEvent {
  readonly action: PagerAction;
  readonly routingKey: string;
  /** Pattern + hop + zone; stable for the life of an incident. */
  readonly dedupKey: string;
  /** Required for `trigger`. */
  readonly summary?: string;
  readonly severity?: Severity;
  readonly source?: string;
  readonly component?: string;
  readonly group?: string;
  readonly class?: string;
  readonly timestamp?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly links?: readonly { readonly href: string; readonly text: string }[];
}

export interface PagerReceipt {
  readonly dedupKey: string;
  /** Attempts it took (1 = first try). */
  readonly attempts: number;
}

/**
 * The pager as the escalation edge sees it. Throws AppError `PAGER_REJECTED` when the provider refuses the
 * event (do not retry) and `PAGER_UNAVAILABLE` when it could not be delivered now (retry later).
 */
export interface Pager {
  send(event: PagerEvent, signal?: AbortSignal): Promise<PagerReceipt>;
}
