import type { ProxyEntry } from '../goenv/go-env.js';

/**
 * The go command's walk over GOPROXY entries (cmd/go/internal/modfetch/proxy.go `TryProxies`), as pure decisions.
 * https://go.dev/ref/mod#goproxy-protocol
 */

/** One failed attempt at one entry. `notExist` is Go's `errors.Is(err, fs.ErrNotExist)`. */
export interface FailedAttempt<E> {
  readonly entry: ProxyEntry;
  readonly notExist: boolean;
  /** The internal "path does not match GOPRIVATE/GONOPROXY" answer of the `noproxy` entry. */
  readonly useProxy?: boolean;
  readonly error: E;
}

/** Whether the go command tries the next entry after this failure. */
export function continuesAfter(entry: ProxyEntry, notExist: boolean): boolean {
  return notExist || entry.fallThrough === 'any-error';
}

/**
 * The error the go command prints when every tried entry failed: an error from `direct` (or a real one from
 * `noproxy`) wins; else the last proxy error that is not "not found"; else the last "not found".
 */
export function selectReportedError<E>(attempts: readonly FailedAttempt<E>[]): FailedAttempt<E> | null {
  const NOT_EXIST = 0;
  const PROXY = 1;
  const DIRECT = 2;
  let best: FailedAttempt<E> | null = null;
  let rank = NOT_EXIST;
  for (const attempt of attempts) {
    const kind = attempt.entry.kind;
    if (kind === 'direct' || (kind === 'noproxy' && attempt.useProxy !== true)) {
      best = attempt;
      rank = DIRECT;
    } else if (rank <= PROXY && !attempt.notExist) {
      best = attempt;
      rank = PROXY;
    } else if (rank === NOT_EXIST) {
      best = attempt;
    }
  }
  return best;
}
