import type { PlaybookContext } from '../playbook-context.js';

/** What a catalog entry writes; `selectPlaybook` adds the title, verification, owner and window. */
export interface PlaybookDraft {
  readonly meaning: string;
  readonly likelyCauses: readonly string[];
  /** Exact commands and changes. */
  readonly fix: readonly string[];
  readonly preChecks: readonly string[];
  /** The change-request steps (often the fix, in change-management words). */
  readonly steps: readonly string[];
  readonly rollback: readonly string[];
  /** Who owns the change; defaults by class family. */
  readonly owner?: string;
}

export type PlaybookWriter = (context: PlaybookContext) => PlaybookDraft;
