import { createGoSandbox, runGo, type GoRun } from '../lab/record/run-go.js';
import type { LabScenario } from '../lab/scenarios.js';
import type { Lab } from '../lab/start-lab.js';

/**
 * Runs `go mod download -x <module>@<version>` for a scenario in a fresh sandbox (empty module cache,
 * GOENV=off, nothing inherited), exactly as the go fixtures were recorded, killing it after `capMs`.
 */
export async function timeGoDownload(lab: Lab, scenario: LabScenario, options: { goBinary: string; capMs: number }): Promise<GoRun> {
  const sandbox = await createGoSandbox(scenario.goSum);
  try {
    return await runGo({
      goBinary: options.goBinary,
      args: ['mod', 'download', '-x', `${scenario.module}@${scenario.version ?? 'latest'}`],
      cwd: sandbox.appDir,
      env: { ...sandbox.baseEnv, GOFLAGS: '-mod=mod', ...scenario.env(lab) },
      timeoutMs: options.capMs,
    });
  } finally {
    await sandbox.dispose();
  }
}
