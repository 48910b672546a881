import type { FailureClass } from '../classify/failure-class.js';

/** The hop roles the report covers (an HTTP(S)_PROXY is a path, not a hop the report checks). */
export type CheckRole = 'proxy' | 'sumdb' | 'vcs';

/** `h1:` hashes of one module version as one source sees them; null where that source has none. */
export interface ModuleHashes {
  readonly mod: string | null;
  readonly zip: string | null;
}

/**
 * One scheduled check of one hop (for one watchlist module, or none for a bare reachability check).
 * Plain JSON: it is stored in Redis and crosses BullMQ.
 */
export interface CheckResult {
  readonly zone: string;
  /** The hop's URL, credentials removed. */
  readonly hop: string;
  readonly role: CheckRole;
  /** True when the go command depends on this hop in this zone (first GOPROXY entry, the checksum DB). */
  readonly critical: boolean;
  readonly module: string | null;
  readonly version: string | null;
  /** ISO 8601 time the check started. */
  readonly at: string;
  readonly class: FailureClass;
  readonly status: number | null;
  /** Total time of the check; null when nothing was measured. */
  readonly latencyMs: number | null;
  /** The hop's certificate `validTo` (ISO 8601) when TLS was seen. */
  readonly tlsValidTo: string | null;
  /** Proxy: what it served; sumdb: what it records. Absent for VCS hosts and failed checks. */
  readonly hashes?: ModuleHashes;
  readonly evidence: string;
}

/** True when a check saw the hop answer the way the go command needs it to. */
export function isPassingCheck(result: CheckResult): boolean {
  return result.class === 'ok';
}
