/** What `npm run bench -- …` asked for. */
export type BenchArgs =
  | { readonly ok: true; readonly only: readonly string[] | null; readonly help: boolean; readonly noGo: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `--only a,b` (also `--only=a,b`, repeatable), `--no-go` (act as if the go command were missing) and `--help`. Unknown suite ids and unknown flags are
 * errors naming what is known, so a typo never silently runs nothing.
 */
export function parseBenchArgs(argv: readonly string[], knownSuites: readonly string[]): BenchArgs {
  const only: string[] = [];
  let sawOnly = false;
  let help = false;
  let noGo = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--no-go') {
      noGo = true;
      continue;
    }
    let value: string | undefined;
    if (arg === '--only') {
      value = argv[i + 1];
      i += 1;
      if (value === undefined || value.startsWith('--')) return { ok: false, message: '--only needs a comma-separated list of suites' };
    } else if (arg.startsWith('--only=')) {
      value = arg.slice('--only='.length);
    } else {
      return { ok: false, message: `unknown argument ${arg} (use --only <suite,…> or --no-go; suites: ${knownSuites.join(', ')})` };
    }
    sawOnly = true;
    for (const id of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      if (!knownSuites.includes(id)) return { ok: false, message: `unknown suite ${id} (suites: ${knownSuites.join(', ')})` };
      if (!only.includes(id)) only.push(id);
    }
  }
  if (sawOnly && only.length === 0) return { ok: false, message: '--only needs at least one suite' };
  return { ok: true, only: sawOnly ? only : null, help, noGo };
}
