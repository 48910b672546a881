import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of a recorded go fixture (test/fixtures/go/<id>.json) the benchmarks use. */
export interface GoFixtureTiming {
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly hung: boolean;
  readonly timeToFailMs: number | null;
}

/** Reads one recorded go fixture; null when the scenario has none. */
export async function readGoFixture(repoRoot: string, scenarioId: string): Promise<GoFixtureTiming | null> {
  let text: string;
  try {
    text = await readFile(join(repoRoot, 'test', 'fixtures', 'go', `${scenarioId}.json`), 'utf8');
  } catch {
    return null; // not recorded (yet): the caller says so
  }
  const parsed = JSON.parse(text) as Partial<GoFixtureTiming>;
  return {
    stderr: typeof parsed.stderr === 'string' ? parsed.stderr : '',
    exitCode: typeof parsed.exitCode === 'number' ? parsed.exitCode : null,
    hung: parsed.hung === true,
    timeToFailMs: typeof parsed.timeToFailMs === 'number' ? parsed.timeToFailMs : null,
  };
}
