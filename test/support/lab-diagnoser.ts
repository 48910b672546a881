import type { Diagnosis } from '../../src/core/diagnosis.js';
import type { LabScenario } from '../../src/lab/scenarios.js';
import type { Lab } from '../../src/lab/start-lab.js';
import { diagnoseLabScenario as diagnose } from '../../src/main/diagnose-lab-scenario.js';

/** The product's own lab runner, with the test machine's PATH so the go on it is followed. */
export function diagnoseLabScenario(lab: Lab, scenario: LabScenario, options: { timeoutMs?: number; goVersionOutput?: string | null } = {}): Promise<Diagnosis> {
  return diagnose(lab, scenario, { ...options, ...(process.env.PATH === undefined ? {} : { path: process.env.PATH }) });
}
