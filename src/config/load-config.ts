import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { AppError, ErrorCode } from '../core/errors.js';
import { ConfigSchema, type Config } from './config-schema.js';

/**
 * The configuration from `--config`, else `GOMOD_DOCTOR_CONFIG`, else the documented defaults.
 * Every problem is reported at once, each with the file and the key.
 */
export async function loadConfig(options: { path?: string | undefined; env: Readonly<Record<string, string | undefined>> }): Promise<Config> {
  const path = options.path ?? options.env['GOMOD_DOCTOR_CONFIG'];
  if (path === undefined || path === '') return parseConfig('', '(defaults)');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `${path}: cannot read the config file`, { cause, details: { file: path } });
  }
  return parseConfig(text, path);
}

/** Parses and validates YAML text; `file` only names the source in messages. */
export function parseConfig(text: string, file: string): Config {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => `${file}: ${e.message.split('\n')[0] ?? e.message}`);
    throw configInvalid(file, problems);
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
      return `${file}: ${key}: ${issue.message}`;
    });
    throw configInvalid(file, problems);
  }
  return deepFreeze(parsed.data);
}

function configInvalid(file: string, problems: readonly string[]): AppError {
  return new AppError(ErrorCode.CONFIG_INVALID, `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    { details: { file, problems } });
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
