import type { GoEnv } from '../core/goenv/go-env.js';
import type { GoSum } from '../core/module/parse-go-sum.js';
import type { ProbeBudget, ProbeRunner } from '../ports/probe-runner.js';

/** Everything one diagnosis needs; the composition root builds it (src/main/create-diagnoser.ts). */
export interface EngineDeps {
  readonly goEnv: GoEnv;
  readonly probes: ProbeRunner;
  /** The main module's go.sum, when the current directory is inside a module that has one. */
  readonly goSum: GoSum | null;
  readonly budget: ProbeBudget;
  /** Monotonic milliseconds (performance.now). */
  readonly monotonicMs: () => number;
  /** Wall clock, ISO 8601 (for certificate wording). */
  readonly isoNow: () => string;
  /** The exact command a person re-runs to verify a fix. */
  readonly diagnoseCommand: (module: string, version: string | null) => string;
}

/** The default budget for a total of `totalMs`: a verdict on any single fault in about that time. */
export function budgetFor(totalMs: number): ProbeBudget {
  return {
    dnsMs: Math.round(totalMs * 0.4),
    connectMs: Math.round(totalMs * 0.6),
    proxyMs: Math.round(totalMs * 0.6),
    tlsMs: Math.round(totalMs * 0.6),
    ttfbMs: Math.round(totalMs * 0.8),
    bodyMs: Math.round(totalMs * 0.8),
  };
}
