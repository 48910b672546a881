import type { Diagnosis } from '../core/diagnosis.js';

/** A request to diagnose one module in one zone. `version` null means `@latest`, as the go command resolves it. */
export interface DiagnoseRequest {
  readonly module: string;
  readonly version: string | null;
  readonly zone: string;
}

/**
 * The diagnosis engine as its callers (CLI, queue worker, report runner) see it: built once per zone by
 * `createDiagnoser` in src/main/create-diagnoser.ts with that zone's Go environment, reused for many requests.
 * Never throws for anything the go command could run into; bad input comes back as an `input.*` diagnosis.
 */
export interface Diagnoser {
  diagnose(request: DiagnoseRequest, signal?: AbortSignal): Promise<Diagnosis>;
  close(): Promise<void>;
}
