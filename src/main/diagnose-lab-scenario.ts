import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnosis } from '../core/diagnosis.js';
import type { LabScenario } from '../lab/scenarios.js';
import type { Lab } from '../lab/start-lab.js';
import { createDiagnoser } from './create-diagnoser.js';

export interface LabScenarioOptions {
  /** The whole budget for the verdict (default 3 s: the lab is on loopback). */
  readonly timeoutMs?: number;
  /** `go version` output to follow; undefined: the go on `path`. */
  readonly goVersionOutput?: string | null;
  /** PATH for finding the go command (default: none, so the current release is assumed unless given). */
  readonly path?: string;
}

/** An engine set up for one lab scenario; `diagnose` may be called many times (set-up stays outside `elapsedMs`). */
export interface LabScenarioDiagnoser {
  diagnose(): Promise<Diagnosis>;
  close(): Promise<void>;
}

/**
 * Builds the engine the way `gomod-doctor diagnose` would run in a shell whose environment is the scenario's: a
 * scratch HOME (no ~/.netrc, no go env file), a module directory with the scenario's go.sum, the lab's DNS
 * responder, loopback pins for lab host names. Used by the demo, the benchmarks and the tests.
 */
export async function createLabScenarioDiagnoser(lab: Lab, scenario: LabScenario, options: LabScenarioOptions = {}): Promise<LabScenarioDiagnoser> {
  const scratch = await mkdtemp(join(tmpdir(), 'gomod-doctor-lab-'));
  try {
    let cwd: string | null = null;
    if (scenario.goSum !== undefined) {
      cwd = scratch;
      await writeFile(join(cwd, 'go.mod'), 'module lab.test/app\n\ngo 1.19\n');
      await writeFile(join(cwd, 'go.sum'), scenario.goSum);
    }
    const diagnoser = await createDiagnoser({
      zone: 'lab',
      env: { ...scenario.env(lab), GOENV: 'off', HOME: scratch, NETRC: join(scratch, 'netrc'), PATH: options.path },
      cwd,
      timeoutMs: options.timeoutMs ?? 3000,
      resolverServers: [`${lab.dns.host}:${lab.dns.port}`],
      connectTo: (host, port) => lab.connectTo(host, port),
      ...(options.goVersionOutput === undefined ? {} : { goVersionOutput: options.goVersionOutput }),
    });
    return {
      diagnose: () => diagnoser.diagnose({ module: scenario.module, version: scenario.version, zone: 'lab' }),
      close: async () => {
        await diagnoser.close();
        await rm(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** One diagnosis of one lab scenario. */
export async function diagnoseLabScenario(lab: Lab, scenario: LabScenario, options: LabScenarioOptions = {}): Promise<Diagnosis> {
  const diagnoser = await createLabScenarioDiagnoser(lab, scenario, options);
  try {
    return await diagnoser.diagnose();
  } finally {
    await diagnoser.close();
  }
}
