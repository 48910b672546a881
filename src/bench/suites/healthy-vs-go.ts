import { findLabScenario, type LabScenario } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/start-lab.js';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { computeMedian } from '../compute-median.js';
import { createLabScenarioDiagnoser } from '../../main/diagnose-lab-scenario.js';
import { renderTable } from '../render-table.js';
import { timeGoDownload } from '../time-go-download.js';

const RUNS = 10;
const SCENARIOS = ['ok-healthy', 'ok-latest'] as const;
const GOAL_RATIO = 1.5;
const GO_CAP_MS = 30_000;

interface Measured {
  readonly oursMs: number[];
  readonly goMs: number[];
  readonly problems: string[];
}

/**
 * One warm-up each, then RUNS rounds of (ours, go) interleaved, so background load on the machine falls on
 * both alike. Ours reuses one diagnoser (set-up is outside elapsedMs anyway); go gets a fresh sandbox
 * (empty module cache) per run, so it really downloads every time.
 */
async function measure(lab: Lab, scenario: LabScenario, context: BenchContext, goBinary: string): Promise<Measured> {
  const measured: Measured = { oursMs: [], goMs: [], problems: [] };
  const diagnoser = await createLabScenarioDiagnoser(lab, scenario, { timeoutMs: 5000, goVersionOutput: context.goVersion });
  try {
    await diagnoser.diagnose();
    await timeGoDownload(lab, scenario, { goBinary, capMs: GO_CAP_MS });
    for (let i = 0; i < RUNS; i += 1) {
      const diagnosis = await diagnoser.diagnose();
      if (diagnosis.verdict !== 'ok') measured.problems.push(`ours run ${i + 1}: ${diagnosis.class}`);
      measured.oursMs.push(diagnosis.elapsedMs);
      const run = await timeGoDownload(lab, scenario, { goBinary, capMs: GO_CAP_MS });
      if (run.exitCode !== 0) measured.problems.push(`go run ${i + 1}: exit ${run.exitCode}${run.hung ? ' (hung)' : ''}: ${run.stderr.trim().split('\n').pop() ?? ''}`);
      measured.goMs.push(run.durationMs);
    }
  } finally {
    await diagnoser.close();
  }
  return measured;
}

async function runHealthyVsGo(context: BenchContext): Promise<readonly BenchGoal[]> {
  if (context.goBinary === null) {
    context.print('!!! THE GO COMMAND IS MISSING: this suite needs it live; nothing compared !!!');
    return [{ suite: 'healthy-vs-go', name: 'healthy diagnosis / go mod download', figure: 'n/a', goal: `≤ ${GOAL_RATIO}×`, met: false, note: 'go missing' }];
  }
  const goBinary = context.goBinary;
  const lab = await startLab();
  const goals: BenchGoal[] = [];
  const rows: string[][] = [];
  try {
    for (const id of SCENARIOS) {
      const scenario = findLabScenario(id);
      if (scenario === undefined) throw new Error(`bench: no lab scenario ${id}`);
      const measured = await measure(lab, scenario, context, goBinary);
      const ours = computeMedian(measured.oursMs);
      const go = computeMedian(measured.goMs);
      const ratio = ours / go;
      rows.push([id, ours.toFixed(1), `${Math.min(...measured.oursMs).toFixed(1)}–${Math.max(...measured.oursMs).toFixed(1)}`,
        go.toFixed(0), `${Math.min(...measured.goMs)}–${Math.max(...measured.goMs)}`, `${ratio.toFixed(2)}×`]);
      for (const problem of measured.problems) context.print(`!!! ${id}: ${problem}`);
      goals.push({
        suite: 'healthy-vs-go', name: `${id}: median ours / median go mod download`, figure: `${ratio.toFixed(2)}×`,
        goal: `≤ ${GOAL_RATIO}×`, met: ratio <= GOAL_RATIO && measured.problems.length === 0,
        ...(measured.problems.length === 0 ? {} : { note: `${measured.problems.length} run(s) not ok` }),
      });
    }
  } finally {
    await lab.close();
  }
  for (const line of renderTable([
    { header: 'scenario' }, { header: 'ours median ms', align: 'right' }, { header: 'ours range', align: 'right' },
    { header: 'go median ms', align: 'right' }, { header: 'go range', align: 'right' }, { header: 'ours/go', align: 'right' },
  ], rows)) context.print(line);
  context.print(`N=${RUNS} each, interleaved, after one warm-up; ours = Diagnosis.elapsedMs in this process (5 s budget); go = wall time of`);
  context.print('`go mod download -x` in a fresh sandbox (empty module cache), process start included.');
  return goals;
}

export const healthyVsGoSuite: BenchSuite = {
  id: 'healthy-vs-go',
  title: 'Healthy diagnosis vs `go mod download` on the same healthy lab',
  run: runHealthyVsGo,
};
