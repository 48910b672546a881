/** One goal of one suite, as the final summary lists it. */
export interface BenchGoal {
  readonly suite: string;
  /** What was measured, e.g. `median time-to-verdict ratio`. */
  readonly name: string;
  /** The figure, with its unit, e.g. `0.04` or `91.2 MB/s`. */
  readonly figure: string;
  /** The goal in words, e.g. `≤ 0.2`. */
  readonly goal: string;
  readonly met: boolean;
  /** Anything that qualifies the figure (a fallback, a cap). */
  readonly note?: string;
}

/** What every suite receives from the runner. */
export interface BenchContext {
  /** Writes one line of the suite's report. */
  print(line: string): void;
  /** The go command to compare against, or null when it is missing (suites then say so and fall back). */
  readonly goBinary: string | null;
  /** `go version` output of `goBinary` (null without one). */
  readonly goVersion: string | null;
  /** The repository root (fixtures live under test/fixtures). */
  readonly repoRoot: string;
  /** The directory of the compiled bench files (child process entries live there). */
  readonly benchDir: string;
}

/** A named benchmark: measures a figure and its baseline in the same run, prints both, returns its goals. */
export interface BenchSuite {
  readonly id: string;
  readonly title: string;
  run(context: BenchContext): Promise<readonly BenchGoal[]>;
}
