import { createInterface } from 'node:readline';
import { memoryUsage, resourceUsage } from 'node:process';
import { createDiagnoser } from '../main/create-diagnoser.js';

/** What the parent passes as the one argument (JSON). */
export interface MemoryChildInput {
  readonly env: Readonly<Record<string, string>>;
  readonly resolverServers: readonly string[];
  readonly module: string;
  readonly version: string | null;
  readonly inFlight: number;
  readonly timeoutMs: number;
}

/** One stdout line (JSON) per phase: `idle` once the engine is built, `started`, then `loaded` on request. */
export interface MemoryChildReport {
  readonly phase: 'idle' | 'started' | 'loaded';
  readonly rssBytes: number;
  /** process.resourceUsage().maxRSS, in bytes. */
  readonly maxRssBytes: number;
  readonly heapUsedBytes: number;
  /** Diagnoses that already finished (0 while all are stalled). */
  readonly settled: number;
}

/**
 * Child process of the worker-memory suite: `node pool-memory-child.js <json>`. Builds the engine as a worker
 * does, reports its idle memory, then on `start` (stdin) launches `inFlight` diagnoses against a stalling
 * GOPROXY and on `measure` reports its memory with all of them in flight. The parent kills it afterwards.
 */
async function main(argv: readonly string[]): Promise<void> {
  const input = JSON.parse(argv[0] ?? 'null') as MemoryChildInput | null;
  if (input === null) throw new Error('usage: pool-memory-child <json input>');
  const diagnoser = await createDiagnoser({
    zone: 'lab', env: input.env, cwd: null, timeoutMs: input.timeoutMs, resolverServers: input.resolverServers, goVersionOutput: null,
  });
  let settled = 0;
  const report = (phase: MemoryChildReport['phase']): void => {
    const usage = memoryUsage();
    const line: MemoryChildReport = { phase, rssBytes: usage.rss, maxRssBytes: resourceUsage().maxRSS * 1024, heapUsedBytes: usage.heapUsed, settled };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  await new Promise((resolve) => setTimeout(resolve, 200));
  report('idle');
  for await (const command of createInterface({ input: process.stdin })) {
    if (command === 'start') {
      for (let i = 0; i < input.inFlight; i += 1) {
        diagnoser.diagnose({ module: input.module, version: input.version, zone: 'lab' })
          .then(() => { settled += 1; }, () => { settled += 1; });
      }
      report('started');
    } else if (command === 'measure') {
      report('loaded');
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
