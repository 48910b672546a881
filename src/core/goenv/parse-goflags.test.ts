import { describe, expect, it } from 'vitest';
import { parseGoFlags, type GoFlagsCommand } from './parse-goflags.js';

// Observed with Go 1.19 (`go mod download`, `go get`, `go list -m`, `go build`).
describe('parseGoFlags', () => {
  it.each([
    ['', 'mod download', { mod: null, insecure: false, error: null }],
    ['-mod=mod', 'mod download', { mod: 'mod', insecure: false, error: null }],
    ['  -mod=readonly   -x ', 'mod download', { mod: 'readonly', insecure: false, error: null }],
    ['-mod=mod -mod=vendor', 'build', { mod: 'vendor', insecure: false, error: null }],
    ['--mod=mod', 'list', { mod: 'mod', insecure: false, error: null }],
    ['-mod=', 'list', { mod: '', insecure: false, error: null }],
    ['-foo', 'mod download', { mod: null, insecure: false, error: 'go: parsing $GOFLAGS: unknown flag -foo' }],
    ['-mod=mod -foo=1', 'get', { mod: 'mod', insecure: false, error: 'go: parsing $GOFLAGS: unknown flag -foo' }],
    ['foo', 'mod download', { mod: null, insecure: false, error: 'go: parsing $GOFLAGS: non-flag "foo"' }],
    ['---x', 'mod download', { mod: null, insecure: false, error: 'go: parsing $GOFLAGS: non-flag "---x"' }],
    ['-=x', 'mod download', { mod: null, insecure: false, error: 'go: parsing $GOFLAGS: non-flag "-=x"' }],
    ['-mod=bogus', 'mod download', { mod: null, insecure: false, error: null }],
    ['-mod=bogus', 'get', { mod: null, insecure: false, error: null }],
    ['-mod=bogus', 'list', { mod: null, insecure: false, error: "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')" }],
    ['-mod', 'mod download', { mod: null, insecure: false, error: null }],
    ['-mod', 'build', { mod: null, insecure: false, error: 'go: flag needs an argument: -mod (from $GOFLAGS)' }],
    ['-tags', 'get', { mod: null, insecure: false, error: 'go: flag needs an argument: -tags (from $GOFLAGS)' }],
    ['-insecure', 'mod download', { mod: null, insecure: true, error: null }],
    ['-insecure', 'get', { mod: null, insecure: true, error: 'go: -insecure flag is no longer supported; use GOINSECURE instead' }],
    ['-insecure=false', 'get', { mod: null, insecure: false, error: null }],
    ['-x=1', 'mod download', { mod: null, insecure: false, error: null }],
  ] as const)('reads GOFLAGS=%j for go %s', (goflags, command: GoFlagsCommand, expected) => {
    expect(parseGoFlags(goflags, command)).toEqual(expected);
  });
});
