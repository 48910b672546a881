import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnosis } from '../../src/core/diagnosis.js';
import type { LabScenario } from '../../src/lab/scenarios.js';
import type { Lab } from '../../src/lab/start-lab.js';
import { createDiagnoser } from '../../src/main/create-diagnoser.js';

/**
 * Diagnoses one lab scenario the way `gomod-doctor diagnose` would in a shell whose environment is the
 * scenario's: a scratch HOME (no ~/.netrc, no go env file), the lab's DNS responder, loopback pins for lab names.
 */
export async function diagnoseLabScenario(lab: Lab, scenario: LabScenario, options: { timeoutMs?: number; goVersionOutput?: string | null } = {}): Promise<Diagnosis> {
  const scratch = await mkdtemp(join(tmpdir(), 'gmd-lab-'));
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
      timeoutMs: options.timeoutMs ?? 3000,
      resolverServers: [`${lab.dns.host}:${lab.dns.port}`],
      connectTo: (host, port) => lab.connectTo(host, port),
      ...(options.goVersionOutput === undefined ? {} : { goVersionOutput: options.goVersionOutput }),
    });
    try {
      return await diagnoser.diagnose({ module: scenario.module, version: scenario.version, zone: 'lab' });
    } finally {
      await diagnoser.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
