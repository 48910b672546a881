import { describe, expect, it } from 'vitest';
import { parseFlags } from './parse-flags.js';

const spec = { values: ['timeout'], booleans: ['json'] };

describe('parseFlags', () => {
  it('reads values in both forms, booleans and positionals', () => {
    const parsed = parseFlags(['m@v1', '--json', '--timeout', '3', '--timeout=4'], spec);
    expect(parsed.ok && [...parsed.flags.positionals, parsed.flags.values.get('timeout'), parsed.flags.booleans.has('json')]).toEqual(['m@v1', '4', true]);
  });
  it.each([
    [['--nope'], 'unknown flag --nope'],
    [['--timeout'], 'flag --timeout needs a value'],
    [['--json=1'], 'flag --json takes no value'],
  ])('refuses %j', (argv, error) => {
    expect(parseFlags(argv, spec)).toEqual({ ok: false, error });
  });
});
