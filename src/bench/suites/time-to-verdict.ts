import { LAB_SCENARIOS, findLabScenario, type LabScenario } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/start-lab.js';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { computeMedian } from '../compute-median.js';
import { createLabScenarioDiagnoser } from '../../main/diagnose-lab-scenario.js';
import { readGoFixture } from '../read-go-fixture.js';
import { renderTable } from '../render-table.js';
import { runPool } from '../run-pool.js';
import { timeGoDownload } from '../time-go-download.js';

const OUR_BUDGET_MS = 5000;
/** go never gives up on a stalled proxy: it is killed here and its time counted as this cap. */
const GO_CAP_MS = 60_000;
const GO_CONCURRENCY = 4;
const GOAL_MEDIAN_RATIO = 0.2;

interface GoTime {
  readonly ms: number | null;
  readonly note: string;
}

interface Row {
  readonly scenario: LabScenario;
  readonly ourClass: string;
  readonly ourMs: number;
  readonly go: GoTime;
}

/** Failing lab cases the go command can hit without lab host names; input.* never reaches the network. */
function selectScenarios(): LabScenario[] {
  return LAB_SCENARIOS.filter((s) => s.expectedClass !== 'ok' && !s.needsNames && !s.expectedClass.startsWith('input.'));
}

/** Cases where go waits on an idle socket for seconds: they start first and wait while ours are measured. */
function isSlowForGo(scenario: LabScenario): boolean {
  return scenario.goHangs === true || (scenario.goSlowMs ?? 0) >= OUR_BUDGET_MS;
}

async function timeGo(lab: Lab, scenario: LabScenario, goBinary: string): Promise<GoTime> {
  const run = await timeGoDownload(lab, scenario, { goBinary, capMs: GO_CAP_MS });
  if (run.hung) return { ms: GO_CAP_MS, note: `never failed: killed at the ${GO_CAP_MS / 1000} s cap, counted as the cap` };
  if (run.exitCode === 0) return { ms: null, note: 'go succeeded: not compared' };
  return { ms: run.durationMs, note: '' };
}

async function readFixtureTime(context: BenchContext, scenario: LabScenario): Promise<GoTime> {
  const fixture = await readGoFixture(context.repoRoot, scenario.id);
  if (fixture === null) return { ms: null, note: 'no recorded fixture: not compared' };
  if (fixture.hung) return { ms: GO_CAP_MS, note: `fixture: hung, counted as the ${GO_CAP_MS / 1000} s cap` };
  if (fixture.timeToFailMs === null) return { ms: null, note: 'fixture: go succeeded: not compared' };
  return { ms: fixture.timeToFailMs, note: 'fixture' };
}

async function diagnoseOnce(lab: Lab, scenario: LabScenario, goVersionOutput: string | null): Promise<{ ms: number; cls: string }> {
  const diagnoser = await createLabScenarioDiagnoser(lab, scenario, { timeoutMs: OUR_BUDGET_MS, goVersionOutput });
  try {
    const diagnosis = await diagnoser.diagnose();
    return { ms: diagnosis.elapsedMs, cls: diagnosis.class };
  } finally {
    await diagnoser.close();
  }
}

async function runTimeToVerdict(context: BenchContext): Promise<readonly BenchGoal[]> {
  const scenarios = selectScenarios();
  const goBinary = context.goBinary;
  if (goBinary === null) {
    context.print('!!! THE GO COMMAND IS MISSING: go times below are the RECORDED FIXTURES\' timeToFailMs, NOT measured in this run !!!');
  }
  const lab = await startLab();
  try {
    const warmUp = findLabScenario('ok-healthy');
    if (warmUp !== undefined) await diagnoseOnce(lab, warmUp, context.goVersion);

    // go's slow cases sit on idle sockets (stalls, black hole, TLS stall): start them now so the suite
    // lasts about the cap, and let their start-up finish before our timings begin.
    const slow = scenarios.filter(isSlowForGo);
    const fast = scenarios.filter((s) => !isSlowForGo(s));
    const goTimes = new Map<string, GoTime>();
    let slowDone: Promise<void> = Promise.resolve();
    if (goBinary !== null) {
      context.print(`go: ${slow.length} slow cases started (${slow.map((s) => s.id).join(', ')}); cap ${GO_CAP_MS / 1000} s`);
      slowDone = runPool(slow, GO_CONCURRENCY, async (s) => { goTimes.set(s.id, await timeGo(lab, s, goBinary)); }).then(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }

    const ours = new Map<string, { ms: number; cls: string }>();
    for (const scenario of scenarios) ours.set(scenario.id, await diagnoseOnce(lab, scenario, context.goVersion));
    context.print(`ours: ${scenarios.length} diagnoses done, one at a time (budget ${OUR_BUDGET_MS / 1000} s each)`);

    if (goBinary !== null) {
      await runPool(fast, GO_CONCURRENCY, async (s) => { goTimes.set(s.id, await timeGo(lab, s, goBinary)); });
      context.print(`go: ${fast.length} other cases done, ${GO_CONCURRENCY} at a time; waiting for the slow ones`);
      await slowDone;
    } else {
      for (const s of scenarios) goTimes.set(s.id, await readFixtureTime(context, s));
    }

    const rows: Row[] = scenarios.map((scenario) => ({
      scenario,
      ourClass: ours.get(scenario.id)?.cls ?? '?',
      ourMs: ours.get(scenario.id)?.ms ?? Number.NaN,
      go: goTimes.get(scenario.id) ?? { ms: null, note: 'not run' },
    }));
    return report(context, rows, goBinary === null);
  } finally {
    await lab.close();
  }
}

function report(context: BenchContext, rows: readonly Row[], fromFixtures: boolean): readonly BenchGoal[] {
  const ratios: number[] = [];
  const table = rows.map((row) => {
    const ratio = row.go.ms === null || row.go.ms <= 0 ? null : row.ourMs / row.go.ms;
    if (ratio !== null) ratios.push(ratio);
    const classCell = row.ourClass === row.scenario.expectedClass ? row.ourClass : `${row.ourClass} (expected ${row.scenario.expectedClass})`;
    return [
      row.scenario.id, classCell, row.ourMs.toFixed(0), row.go.ms === null ? '-' : row.go.ms.toFixed(0),
      ratio === null ? '-' : ratio.toFixed(3), row.go.note,
    ];
  });
  for (const line of renderTable([
    { header: 'scenario' }, { header: 'class (ours)' }, { header: 'ours ms', align: 'right' },
    { header: fromFixtures ? 'go ms (FIXTURE)' : 'go ms', align: 'right' }, { header: 'ratio', align: 'right' }, { header: 'note' },
  ], table)) context.print(line);
  const wrong = rows.filter((r) => r.ourClass !== r.scenario.expectedClass).length;
  const median = computeMedian(ratios);
  context.print(`median ratio ours/go over ${ratios.length} cases: ${median.toFixed(3)} (goal ≤ ${GOAL_MEDIAN_RATIO})`);
  if (fromFixtures) {
    context.print('ours = Diagnosis.elapsedMs, one diagnosis at a time; go = timeToFailMs of test/fixtures/go/<id>.json (NOT this run).');
  } else {
    context.print('ours = Diagnosis.elapsedMs, one diagnosis at a time; go = wall time of `go mod download -x` in a fresh sandbox,');
    context.print(`process start included; go's quick cases ran ${GO_CONCURRENCY} at a time (the slow ones wait on idle sockets meanwhile).`);
  }
  if (wrong > 0) context.print(`!!! ${wrong} case(s) got another class than the scenario expects (see the table)`);
  const notes = [
    fromFixtures ? 'GO MISSING: go times are the recorded fixtures' : 'go measured live in this run',
    ...(wrong > 0 ? [`${wrong} class mismatch(es)`] : []),
  ];
  return [{
    suite: 'time-to-verdict', name: 'median time-to-verdict / go time-to-fail', figure: median.toFixed(3),
    goal: `≤ ${GOAL_MEDIAN_RATIO}`, met: median <= GOAL_MEDIAN_RATIO, note: notes.join('; '),
  }];
}

export const timeToVerdictSuite: BenchSuite = {
  id: 'time-to-verdict',
  title: 'Time to verdict vs the go command\'s time to fail, per fault',
  run: runTimeToVerdict,
};
