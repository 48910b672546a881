import { access, constants } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGoSandbox, runGo } from '../lab/record/run-go.js';
import type { BenchContext, BenchGoal, BenchSuite } from './bench-suite.js';
import { BENCH_SUITES } from './bench-suites.js';
import { parseBenchArgs } from './parse-bench-args.js';
import { renderTable } from './render-table.js';

/**
 * `npm run bench [-- --only a,b]`: runs the suites in order and prints their figures, each against a
 * baseline measured in the same run, then one summary line per goal (MET/MISSED). Exits 0 when goals
 * are missed (figures are reports, not assertions); 1 only for bad arguments or a suite that crashed.
 */

const GO_BINARY = '/usr/bin/go';
const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(BENCH_DIR, '..', '..');

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The go command to compare against and its version, or nulls when /usr/bin/go is missing or broken. */
async function findGo(): Promise<{ goBinary: string | null; goVersion: string | null }> {
  try {
    await access(GO_BINARY, constants.X_OK);
  } catch {
    return { goBinary: null, goVersion: null };
  }
  const sandbox = await createGoSandbox();
  try {
    const run = await runGo({ goBinary: GO_BINARY, args: ['version'], cwd: sandbox.appDir, env: sandbox.baseEnv, timeoutMs: 10_000 });
    return run.exitCode === 0 ? { goBinary: GO_BINARY, goVersion: run.stdout.trim() } : { goBinary: null, goVersion: null };
  } catch {
    return { goBinary: null, goVersion: null }; // spawn failed: treated as missing, and the suites say so
  } finally {
    await sandbox.dispose();
  }
}

async function runSuite(suite: BenchSuite, context: BenchContext): Promise<{ goals: readonly BenchGoal[]; crashed: boolean }> {
  print('');
  print(`== ${suite.id}: ${suite.title}`);
  const started = performance.now();
  try {
    const goals = await suite.run(context);
    print(`-- ${suite.id} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { goals, crashed: false };
  } catch (error) {
    print(`!!! ${suite.id} crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return { goals: [{ suite: suite.id, name: 'suite', figure: 'crashed', goal: '-', met: false }], crashed: true };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv, BENCH_SUITES.map((s) => s.id));
  if (!args.ok) {
    process.stderr.write(`bench: ${args.message}\n`);
    return 1;
  }
  if (args.help) {
    print(`usage: npm run bench [-- [--only <suite>[,<suite>…]] [--no-go]]\nsuites: ${BENCH_SUITES.map((s) => s.id).join(', ')}`);
    return 0;
  }
  const selected = BENCH_SUITES.filter((s) => args.only === null || args.only.includes(s.id));
  const go = args.noGo ? { goBinary: null, goVersion: null } : await findGo();
  const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
  print('gomod-doctor benchmarks (figures against baselines measured in this run; not assertions)');
  print(`date ${new Date().toISOString()}  node ${process.version}  ${process.platform}/${process.arch}`);
  print(`cpus ${availableParallelism()} (${cpuModel})  memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  print(go.goBinary === null
    ? `go: MISSING (${args.noGo ? '--no-go' : GO_BINARY}): suites comparing with go fall back to recorded fixtures or skip, and say so`
    : `go: ${go.goVersion} (${go.goBinary})`);
  print(`suites: ${selected.map((s) => s.id).join(', ')}`);

  const context: BenchContext = { print, goBinary: go.goBinary, goVersion: go.goVersion, repoRoot: REPO_ROOT, benchDir: BENCH_DIR };
  const goals: BenchGoal[] = [];
  let crashed = false;
  for (const suite of selected) {
    const result = await runSuite(suite, context);
    goals.push(...result.goals);
    crashed ||= result.crashed;
  }

  print('');
  print('== summary');
  for (const line of renderTable(
    [{ header: 'suite' }, { header: 'figure' }, { header: 'value', align: 'right' }, { header: 'goal' }, { header: 'status' }, { header: 'note' }],
    goals.map((g) => [g.suite, g.name, g.figure, g.goal, g.met ? 'MET' : 'MISSED', g.note ?? '']),
  )) print(line);
  const met = goals.filter((g) => g.met).length;
  print(`${met}/${goals.length} goals met`);
  return crashed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
