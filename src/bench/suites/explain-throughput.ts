import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { explainGoOutput } from '../../core/explain/explain-go-output.js';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { computeMedian } from '../compute-median.js';
import { readGoFixture } from '../read-go-fixture.js';
import { renderTable } from '../render-table.js';

const TARGET_BYTES = 64 * 1024 * 1024;
const REPEATS = 3;
const GOAL_MB_PER_S = 50;
const MB = 1024 * 1024;

/** ~64 MiB of real go output: every recorded fixture's stderr in turn, over and over (a long CI log). */
async function buildCorpus(repoRoot: string): Promise<{ text: string; fixtures: number }> {
  const files = (await readdir(join(repoRoot, 'test', 'fixtures', 'go'))).filter((f) => f.endsWith('.json')).sort();
  const parts: string[] = [];
  for (const file of files) {
    const fixture = await readGoFixture(repoRoot, file.replace(/\.json$/, ''));
    if (fixture !== null && fixture.stderr.length > 0) parts.push(fixture.stderr.endsWith('\n') ? fixture.stderr : `${fixture.stderr}\n`);
  }
  if (parts.length === 0) throw new Error('bench: no go fixtures under test/fixtures/go');
  const chunks: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i += 1) {
    const part = parts[i % parts.length] ?? '';
    chunks.push(part);
    bytes += Buffer.byteLength(part);
  }
  return { text: chunks.join(''), fixtures: parts.length };
}

/** The baseline: the least any line-oriented reader must do (split into lines, look for go's prefix). */
function scanLines(text: string): number {
  let hits = 0;
  for (const line of text.split('\n')) if (line.includes('go: ')) hits += 1;
  return hits;
}

function timeMedian(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return computeMedian(times);
}

async function runExplainThroughput(context: BenchContext): Promise<readonly BenchGoal[]> {
  const { text, fixtures } = await buildCorpus(context.repoRoot);
  const bytes = Buffer.byteLength(text);
  const warmUp = text.slice(0, MB);
  scanLines(warmUp);
  explainGoOutput(warmUp);

  let hits = 0;
  const baselineMs = timeMedian(() => { hits = scanLines(text); });
  let summary = '';
  const explainMs = timeMedian(() => {
    const explanation = explainGoOutput(text);
    summary = `${explanation.class}, ${explanation.findings.length} distinct findings`;
  });
  const baselineRate = bytes / MB / (baselineMs / 1000);
  const explainRate = bytes / MB / (explainMs / 1000);
  for (const line of renderTable([
    { header: 'pass' }, { header: 'median ms', align: 'right' }, { header: 'MiB/s', align: 'right' }, { header: 'result' },
  ], [
    ['split + includes (baseline)', baselineMs.toFixed(0), baselineRate.toFixed(1), `${hits} lines with "go: "`],
    ['explainGoOutput', explainMs.toFixed(0), explainRate.toFixed(1), summary],
  ])) context.print(line);
  context.print(`input: ${(bytes / MB).toFixed(1)} MiB from ${fixtures} recorded fixtures' stderr, repeated; median of ${REPEATS} after a 1 MiB warm-up`);
  context.print(`explain takes ${(explainMs / baselineMs).toFixed(1)}× the baseline's time (goal: explain ≥ ${GOAL_MB_PER_S} MiB/s)`);
  if (explainRate < GOAL_MB_PER_S) {
    context.print('explain is below its goal: profile with `node --cpu-prof dist/bench/run-benchmarks.js --only explain-throughput`');
  }
  return [{
    suite: 'explain-throughput', name: 'explainGoOutput throughput on 64 MiB', figure: `${explainRate.toFixed(1)} MiB/s`,
    goal: `≥ ${GOAL_MB_PER_S} MiB/s`, met: explainRate >= GOAL_MB_PER_S,
    note: `baseline split+includes ${baselineRate.toFixed(0)} MiB/s (ratio ${(explainRate / baselineRate).toFixed(2)})`,
  }];
}

export const explainThroughputSuite: BenchSuite = {
  id: 'explain-throughput',
  title: 'explain throughput on a large go log',
  run: runExplainThroughput,
};
