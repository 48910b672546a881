/** A small flag parser: `--name value`, `--name=value`, boolean flags, positionals; unknown flags are errors. */
export interface ParsedFlags {
  readonly positionals: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly booleans: ReadonlySet<string>;
}

export type FlagParse = { readonly ok: true; readonly flags: ParsedFlags } | { readonly ok: false; readonly error: string };

export function parseFlags(argv: readonly string[], spec: { readonly values: readonly string[]; readonly booleans: readonly string[] }): FlagParse {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const booleans = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.booleans.includes(name)) {
      if (eq !== -1) return { ok: false, error: `flag --${name} takes no value` };
      booleans.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { ok: false, error: `flag --${name} needs a value` };
      values.set(name, value);
    } else {
      return { ok: false, error: `unknown flag --${name}` };
    }
  }
  return { ok: true, flags: { positionals, values, booleans } };
}
