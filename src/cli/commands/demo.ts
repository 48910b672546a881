import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnosis } from '../../core/diagnosis.js';
import { LAB_SCENARIOS, type LabScenario } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/start-lab.js';
import { ExitCode, writeLine, type CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

/** Diagnoses one lab scenario (src/main/diagnose-lab-scenario.ts in the product). */
export type ScenarioDiagnose = (lab: Lab, scenario: LabScenario) => Promise<Diagnosis>;

/** What the real go command printed for a scenario (test/fixtures/go, recorded by `npm run record-go`). */
interface GoRecording {
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly hung?: boolean;
  readonly timeToFailMs?: number;
  readonly goVersion?: string;
}

/**
 * `gomod-doctor demo`: starts the fault lab on loopback and diagnoses modules under a handful of faults, printing
 * each verdict beside what the go command prints for it. Touches nothing beyond loopback.
 */
export async function runDemo(argv: readonly string[], io: CliIo, diagnose: ScenarioDiagnose, fixturesDir: string): Promise<number> {
  const parsed = parseFlags(argv, { values: ['only'], booleans: ['all', 'json'] });
  if (!parsed.ok) {
    writeLine(io.stderr, `gomod-doctor: ${parsed.error}\nusage: gomod-doctor demo [--all] [--only <scenario-id>] [--json]`);
    return ExitCode.USAGE;
  }
  const only = parsed.flags.values.get('only');
  const scenarios = LAB_SCENARIOS.filter((s) => (only !== undefined ? s.id === only : parsed.flags.booleans.has('all') ? true : s.demo === true));
  if (scenarios.length === 0) {
    writeLine(io.stderr, `gomod-doctor: no lab scenario ${JSON.stringify(only)}; known: ${LAB_SCENARIOS.map((s) => s.id).join(', ')}`);
    return ExitCode.USAGE;
  }
  const json = parsed.flags.booleans.has('json');
  const lab = await startLab();
  let agreed = 0;
  try {
    if (!json) {
      writeLine(io.stdout, `gomod-doctor demo: fault lab on ${lab.urls.trusted} (loopback only), ${scenarios.length} scenario(s)`);
      writeLine(io.stdout);
    }
    // A few at a time: the lab shares this process, and a starved event loop would look like a network fault.
    const results = await mapWithLimit(scenarios, 4, (scenario) => diagnose(lab, scenario));
    for (const [i, scenario] of scenarios.entries()) {
      const diagnosis = results[i];
      if (diagnosis === undefined) continue;
      const recording = await readRecording(fixturesDir, scenario.id);
      if (diagnosis.class === scenario.expectedClass) agreed += 1;
      if (json) writeLine(io.stdout, JSON.stringify({ scenario: scenario.id, expectedClass: scenario.expectedClass, diagnosis, go: recording }));
      else io.stdout.write(renderScenario(scenario, diagnosis, recording));
    }
    if (!json) writeLine(io.stdout, `${agreed}/${scenarios.length} verdicts name the class the go command's failure belongs to.`);
  } finally {
    await lab.close();
  }
  return agreed === scenarios.length ? ExitCode.OK : ExitCode.PROBLEM;
}

function renderScenario(scenario: LabScenario, diagnosis: Diagnosis, recording: GoRecording | null): string {
  const lines = [`▸ ${scenario.title}`];
  const finding = diagnosis.findings[0];
  const agree = diagnosis.class === scenario.expectedClass ? '' : `  (expected ${scenario.expectedClass})`;
  const goTime = recording === null ? ''
    : recording.hung === true ? '   (go: still waiting when stopped)'
      : recording.exitCode === 0 ? '   (go: succeeds)'
        : typeof recording.timeToFailMs === 'number' ? `   (go fails after ${seconds(recording.timeToFailMs)})` : '';
  lines.push(`    verdict:   ${diagnosis.class}${diagnosis.severity === null ? '' : ` [${diagnosis.severity}]`} in ${seconds(diagnosis.elapsedMs)}${goTime}${agree}`);
  if (finding !== undefined && finding.hop !== null) lines.push(`    hop:       ${finding.hop} (${finding.step ?? '-'})`);
  const goSays = recording !== null ? firstErrorLines(recording.stderr) : finding?.goError ?? null;
  const goVersion = /go\d+\.\d+(?:\.\d+)?/.exec(recording?.goVersion ?? '')?.[0];
  const label = recording !== null ? `${goVersion ?? 'go'} said:` : 'go would say:';
  if (goSays !== null && goSays !== '') {
    lines.push(`    ${label}`);
    for (const line of goSays.split('\n')) lines.push(`      ${line}`);
  }
  else if (diagnosis.class === 'http.stall' || recording?.hung === true) lines.push('    go says:   nothing: it waits for ever');
  for (const [i, step] of (diagnosis.playbook?.fix ?? []).slice(0, 2).entries()) lines.push(`    ${i === 0 ? 'fix:' : '    '}       ${step}`);
  return `${lines.join('\n')}\n\n`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The error lines of a recording without the `-x` trace. */
function firstErrorLines(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => !line.startsWith('# ') && !line.startsWith('<time> # ') && !line.startsWith('cd ') && !line.startsWith('mkdir ') && !line.startsWith('-> '));
  return lines.join('\n').trim().split('\n').slice(0, 4).join('\n');
}

async function readRecording(dir: string, id: string): Promise<GoRecording | null> {
  try {
    return JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as GoRecording;
  } catch {
    return null; // not recorded (yet): the demo prints the error the engine predicts instead
  }
}

async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
