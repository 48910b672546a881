import type { FailureClass, Severity } from '../classify/failure-class.js';
import type { CheckRole, ModuleHashes } from './check-result.js';

/** Change of a hop's figures against an earlier stretch; null where that stretch has no data. */
export interface HopChange {
  readonly availability: number | null;
  readonly p95Ms: number | null;
  /** Classes seen now that the earlier stretch did not see. */
  readonly newClasses: readonly FailureClass[];
}

/** One day of a hop's history, for trends and the chart. */
export interface HopDay {
  readonly day: string;           // YYYY-MM-DD (UTC)
  readonly availability: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly checks: number;
}

export interface HopTls {
  readonly validTo: string;
  readonly daysLeft: number;
  /** P2 at 30 days or fewer, P1 at 7 or fewer (or expired), null otherwise. */
  readonly severity: Severity | null;
}

export interface HopSummary {
  readonly hop: string;
  readonly role: CheckRole;
  readonly checks: number;
  readonly availability: number;
  readonly latencyMs: { readonly p50: number | null; readonly p95: number | null };
  readonly classes: Readonly<Partial<Record<FailureClass, number>>>;
  readonly tls?: HopTls;
  readonly sinceYesterday: HopChange;
  readonly overWeek: HopChange;
  readonly trend: readonly HopDay[];
}

export interface ZoneSummary {
  readonly zone: string;
  readonly hops: readonly HopSummary[];
}

export interface ProxyHashes extends ModuleHashes {
  readonly zone: string;
  readonly hop: string;
}

export interface ModuleVerdict {
  readonly zone: string;
  readonly fetchable: boolean;
  /** The class of the first hop that failed for it, `ok` when a critical proxy served it. */
  readonly class: FailureClass;
}

export interface ModuleSummary {
  readonly module: string;
  readonly version: string;
  readonly verdicts: readonly ModuleVerdict[];
  readonly hashes: {
    readonly goSum: ModuleHashes | null;
    readonly sumdb: ModuleHashes | null;
    readonly proxies: readonly ProxyHashes[];
  };
  /** False when any two sources disagree on a hash: a P0. */
  readonly consistent: boolean;
}

export interface ReportFinding {
  readonly severity: Severity;
  readonly kind: 'checksum-difference' | 'tls-expiry' | 'hop-failing' | 'module-unfetchable';
  readonly zone: string | null;
  readonly hop: string | null;
  readonly module: string | null;
  readonly text: string;
}

/** The JSON shape of DESIGN.md §4 (`gomod-doctor report --json`). */
export interface DailyReport {
  readonly schema: 'gomod-doctor/report@1';
  readonly generatedAt: string;
  /** False when no history was available (no Redis): then changes and trends are empty. */
  readonly trends: boolean;
  readonly zones: readonly ZoneSummary[];
  readonly modules: readonly ModuleSummary[];
  readonly findings: readonly ReportFinding[];
}
