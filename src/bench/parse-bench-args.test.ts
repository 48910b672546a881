import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './parse-bench-args.js';

const SUITES = ['time-to-verdict', 'healthy-vs-go', 'explain-throughput'];

describe('parseBenchArgs', () => {
  it.each([
    { argv: [], only: null },
    { argv: ['--only', 'healthy-vs-go'], only: ['healthy-vs-go'] },
    { argv: ['--only', 'explain-throughput,time-to-verdict'], only: ['explain-throughput', 'time-to-verdict'] },
    { argv: ['--only=healthy-vs-go'], only: ['healthy-vs-go'] },
    { argv: ['--only', 'healthy-vs-go', '--only', 'healthy-vs-go,time-to-verdict'], only: ['healthy-vs-go', 'time-to-verdict'] },
  ])('selects $only for $argv', ({ argv, only }) => {
    expect(parseBenchArgs(argv, SUITES)).toEqual({ ok: true, only, help: false, noGo: false });
  });

  it.each([
    { argv: ['--only', 'nope'], message: 'unknown suite nope (suites: time-to-verdict, healthy-vs-go, explain-throughput)' },
    { argv: ['--only'], message: '--only needs a comma-separated list of suites' },
    { argv: ['--only', '--help'], message: '--only needs a comma-separated list of suites' },
    { argv: ['--only', ','], message: '--only needs at least one suite' },
    { argv: ['--fast'], message: 'unknown argument --fast (use --only <suite,…> or --no-go; suites: time-to-verdict, healthy-vs-go, explain-throughput)' },
  ])('rejects $argv', ({ argv, message }) => {
    expect(parseBenchArgs(argv, SUITES)).toEqual({ ok: false, message });
  });

  it('recognizes --help', () => {
    expect(parseBenchArgs(['--help'], SUITES)).toEqual({ ok: true, only: null, help: true, noGo: false });
  });

  it('recognizes --no-go next to --only', () => {
    expect(parseBenchArgs(['--no-go', '--only', 'time-to-verdict'], SUITES)).toEqual({ ok: true, only: ['time-to-verdict'], help: false, noGo: true });
  });
});
