/** What an object of `go mod download -json` (or `go list -m -json`) says about a failure. */
export interface GoJsonError {
  readonly path: string | null;
  readonly version: string | null;
  readonly error: string;
}

/** Parses one JSON object of the stream; null when it is not JSON or carries no `Error`. */
export function parseGoJsonObject(objectText: string): GoJsonError | null | 'invalid' {
  let value: unknown;
  try {
    value = JSON.parse(objectText);
  } catch {
    return 'invalid'; // not JSON after all: the caller reads the lines as plain text
  }
  if (typeof value !== 'object' || value === null) return 'invalid';
  const record = value as Record<string, unknown>;
  const raw = record['Error'];
  // `go list -m -json` nests it: {"Error": {"Err": "…"}}.
  const error = typeof raw === 'string' ? raw : typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>)['Err'] === 'string' ? (raw as Record<string, string>)['Err'] : null;
  if (error === null || error === undefined || error === '') return null;
  const path = typeof record['Path'] === 'string' ? record['Path'] : null;
  const version = typeof record['Version'] === 'string' ? record['Version'] : null;
  return { path, version, error };
}
