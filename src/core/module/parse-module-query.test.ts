import { describe, expect, it } from 'vitest';
import { cleanSlashPath, parseModuleQuery, type QueryCommand } from './parse-module-query.js';

// Messages observed with Go 1.19 (`go get` and `go mod download`, GOPROXY=file:// so nothing left the host).
const INVALID_CASES: readonly (readonly [QueryCommand, string, string, string])[] = [
  ['get', 'Corp.example/foo@v1.0.0', 'input.invalid_module_path',
    'go: Corp.example/foo@v1.0.0: malformed module path "Corp.example/foo": invalid char \'C\' in first path element'],
  ['mod download', 'foo/bar@v1.0.0', 'input.invalid_module_path',
    'go: foo/bar@v1.0.0: malformed module path "foo/bar": missing dot in first path element'],
  ['get', 'foo/bar', 'input.invalid_module_path', 'go: malformed module path "foo/bar": missing dot in first path element'],
  ['get', 'Example.com/m', 'input.invalid_module_path', 'go: malformed module path "Example.com/m": invalid char \'E\' in first path element'],
  ['get', 'corp.example/hel lo@v1.0.0', 'input.invalid_module_path',
    'go: corp.example/hel lo@v1.0.0: malformed module path "corp.example/hel lo": invalid char \' \''],
  ['get', 'https://corp.example/hello@v1.0.0', 'input.invalid_module_path',
    'go: https:/corp.example/hello@v1.0.0: malformed module path "https:/corp.example/hello": invalid char \':\''],
  ['mod download', 'https://corp.example/hello@v1.0.0', 'input.invalid_module_path',
    'go: https://corp.example/hello@v1.0.0: malformed module path "https://corp.example/hello": double slash'],
  ['mod download', 'example.com/m/@v1.0.0', 'input.invalid_module_path',
    'go: example.com/m/@v1.0.0: malformed module path "example.com/m/": trailing slash'],
  ['mod download', 'example.com/./m@v1.0.0', 'input.invalid_module_path',
    'go: example.com/./m@v1.0.0: malformed module path "example.com/./m": invalid path element "."'],
  ['mod download', 'example.com/m/v1@v1.0.0', 'input.invalid_module_path',
    'go: example.com/m/v1@v1.0.0: malformed module path "example.com/m/v1": invalid version'],
  ['mod download', 'Corp.example/x@', 'input.invalid_module_path',
    'go: module Corp.example/x: malformed module path "Corp.example/x": invalid char \'C\' in first path element'],
  ['get', 'example.com/m@', 'input.invalid_version', 'go: invalid module version syntax "example.com/m@"'],
  ['get', 'Corp.example/x@', 'input.invalid_version', 'go: invalid module version syntax "Corp.example/x@"'],
  ['get', 'example.com/m@v1@v2', 'input.invalid_version', 'go: invalid module version syntax "example.com/m@v1@v2"'],
  ['mod download', 'example.com/m@', 'input.invalid_version', 'go: example.com/m@: invalid version: disallowed version string'],
  ['get', 'example.com/m@a/b', 'input.invalid_version',
    'go: example.com/m@a/b: invalid version: version "a/b" invalid: disallowed version string'],
  ['mod download', 'example.com/m@a!b', 'input.invalid_version',
    'go: example.com/m@a!b: invalid version: version "a!b" invalid: disallowed version string'],
];

const VALID_CASES: readonly (readonly [QueryCommand, string, string, string | null])[] = [
  ['get', 'corp.example/hello@v1.0.0', 'corp.example/hello', 'v1.0.0'],
  ['get', 'corp.example//hello@v1.0.0', 'corp.example/hello', 'v1.0.0'],
  ['get', 'example.com/m/@v1.0.0', 'example.com/m', 'v1.0.0'],
  ['get', 'example.com/./m@v1.0.0', 'example.com/m', 'v1.0.0'],
  ['get', 'corp.example/hello', 'corp.example/hello', null],
  // Not rejected locally: sent to the proxy as revisions.
  ['mod download', 'example.com/m@1.0.0', 'example.com/m', '1.0.0'],
  ['mod download', 'example.com/m@master', 'example.com/m', 'master'],
  ['mod download', 'example.com/m@v1@v2', 'example.com/m', 'v1@v2'],
  ['mod download', 'example.com/m@v1.0.0 x', 'example.com/m', 'v1.0.0 x'],
  ['mod download', 'example.com/m@V1.0.0', 'example.com/m', 'V1.0.0'],
  ['mod download', 'example.com/m@v2.0.0', 'example.com/m', 'v2.0.0'],
];

describe('parseModuleQuery', () => {
  it.each(INVALID_CASES)('%s %j fails with Go\'s message', (command, arg, cls, message) => {
    expect(parseModuleQuery(arg, command)).toMatchObject({ ok: false, class: cls, message });
  });

  it.each(VALID_CASES)('%s %j is accepted', (command, arg, module, version) => {
    expect(parseModuleQuery(arg, command)).toEqual({ ok: true, module, version });
  });

  it('gives the bare reason separately', () => {
    expect(parseModuleQuery('foo/bar@v1.0.0')).toMatchObject({ reason: 'missing dot in first path element' });
  });
});

describe('cleanSlashPath', () => {
  it.each([
    ['a//b', 'a/b'], ['a/b/', 'a/b'], ['./a', 'a'], ['a/../b', 'b'], ['../a', '../a'], ['/../a', '/a'], ['', '.'],
    ['https://x/y', 'https:/x/y'], ['a/./b/.', 'a/b'], ['a/b/../..', '.'],
  ])('cleans %j to %j like path.Clean', (input, expected) => {
    expect(cleanSlashPath(input)).toBe(expected);
  });
});
