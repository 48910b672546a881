import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_FAILURE_CLASSES } from '../../src/core/classify/failure-class.js';
import { explainGoOutput } from '../../src/core/explain/explain-go-output.js';
import { LAB_SCENARIOS, findLabScenario } from '../../src/lab/scenarios.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { denormalizeGoText, goErrorText, goRequestPaths, loadGoFixtures, normalizeGoText } from '../support/go-fixtures.js';
import { diagnoseLabScenario } from '../support/lab-diagnoser.js';

const fixtures = loadGoFixtures();

/**
 * Where we deliberately differ from go 1.19's output, and why. Everything else must match request for request
 * and byte for byte (after taking out ports, times and cache hashes).
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  // go 1.19 downloads info/mod/zip before it checks /vN agreement; the issue asks us to refuse bad input
  // before any request, with go's own reason.
  'input-invalid-version': 'refused before any request',
};

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

describe('recorded go fixtures', () => {
  it('cover every lab scenario, recorded with a real go command', () => {
    expect(fixtures.map((f) => f.scenario).sort()).toEqual(LAB_SCENARIOS.map((s) => s.id).sort());
    for (const fixture of fixtures) expect(fixture.goVersion).toMatch(/^go version go1\.\d+/);
  });

  it('cover every taxonomy class the lab can produce', () => {
    const covered = new Set(fixtures.map((f) => findLabScenario(f.scenario)?.expectedClass));
    const notProducible = ['dns.unreachable', 'gosum.missing', 'toolchain.unavailable', 'vcs.unknown_revision', 'vendor.inconsistent'];
    expect(ALL_FAILURE_CLASSES.filter((c) => !covered.has(c) && !notProducible.includes(c))).toEqual([]);
  });
});

describe.each(fixtures.map((f) => [f.scenario, f] as const))('%s', (id, fixture) => {
  const scenario = findLabScenario(id);
  if (scenario === undefined) throw new Error(`fixture ${id} has no lab scenario`);

  it('explain names the class of what go printed', () => {
    const explanation = explainGoOutput(denormalizeGoText(fixture.stderr), { goVersion: fixture.goVersion });
    if (fixture.hung && id === 'http-stall-body') {
      // go hangs reading a zip body whose headers said 200: its -x output is the same as a finished download.
      expect(explanation.class).toBe('ok');
    } else if (fixture.hung) {
      // go printed nothing but the request it is still waiting on: `-x` shows a `# get` with no answer.
      expect(explanation.class).toBe(scenario.expectedClass);
    } else {
      expect(explanation.class).toBe(fixture.exitCode === 0 ? 'ok' : scenario.expectedClass);
    }
  });

  it('live diagnose agrees with go: same class, same requests, same error text', async () => {
    const diagnosis = await diagnoseLabScenario(lab, scenario, { goVersionOutput: fixture.goVersion });
    expect(diagnosis.class).toBe(scenario.expectedClass);
    expect(diagnosis.verdict === 'fail').toBe(fixture.exitCode !== 0);
    if (KNOWN_DIFFERENCES[id] !== undefined) return;
    // Our git-refs step is git's own request (go's -x shows only the go command's requests).
    const ours = diagnosis.steps.filter((s) => s.outcome !== 'skipped' && s.step !== 'git-refs').map((s) => {
      const url = new URL(s.url);
      return url.pathname + url.search;
    });
    expect(ours).toEqual(goRequestPaths(fixture.stderr));
    if (fixture.exitCode !== 0 && !fixture.hung) {
      expect(normalizeGoText(diagnosis.findings[0]?.goError ?? '')).toBe(normalizeGoText(goErrorText(fixture.stderr)));
    }
  });
});
