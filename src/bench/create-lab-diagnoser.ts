import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnosis } from '../core/diagnosis.js';
import type { LabScenario } from '../lab/scenarios.js';
import type { Lab } from '../lab/start-lab.js';
import { createDiagnoser } from '../main/create-diagnoser.js';

/** A diagnoser set up for one lab scenario; `diagnose` may be called many times. */
export interface LabDiagnoser {
  diagnose(): Promise<Diagnosis>;
  close(): Promise<void>;
}

/**
 * Builds the engine as `gomod-doctor diagnose` would in a shell whose environment is the scenario's: a
 * scratch HOME (no ~/.netrc, no go env file), GOENV=off, the lab's DNS responder, loopback pins for lab
 * names, and the scenario's go.sum in a scratch main module. Set-up happens here, outside `elapsedMs`.
 */
export async function createLabDiagnoser(lab: Lab, scenario: LabScenario, options: { timeoutMs: number; goVersionOutput: string | null }): Promise<LabDiagnoser> {
  const scratch = await mkdtemp(join(tmpdir(), 'gmd-bench-'));
  try {
    let cwd: string | null = null;
    if (scenario.goSum !== undefined) {
      cwd = scratch;
      await writeFile(join(cwd, 'go.mod'), 'module lab.test/app\n\ngo 1.19\n');
      await writeFile(join(cwd, 'go.sum'), scenario.goSum);
    }
    const diagnoser = await createDiagnoser({
      zone: 'lab',
      env: { ...scenario.env(lab), GOENV: 'off', HOME: scratch, NETRC: join(scratch, 'netrc'), PATH: process.env.PATH },
      cwd,
      timeoutMs: options.timeoutMs,
      resolverServers: [`${lab.dns.host}:${lab.dns.port}`],
      connectTo: (host, port) => lab.connectTo(host, port),
      goVersionOutput: options.goVersionOutput,
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
