import { describe, expect, it } from 'vitest';
import { escapePath, escapeUrlPath, escapeVersion, unescapePath, unescapeVersion } from './escape-module-path.js';

// [function, input, Go's result, Go's error] from Go 1.19's vendored golang.org/x/mod/module.
const CASES: readonly (readonly [string, string, string, string])[] = [["escpath", "github.com/BurntSushi/toml", "github.com/!burnt!sushi/toml", "<nil>"], ["escpath", "github.com/Corp/Lib", "github.com/!corp/!lib", "<nil>"], ["escpath", "corp.example/x", "corp.example/x", "<nil>"], ["escpath", "Corp.example/x", "", "malformed module path \"Corp.example/x\": invalid char 'C' in first path element"], ["escpath", "foo/bar", "", "malformed module path \"foo/bar\": missing dot in first path element"], ["escver", "v1.0.0-RC1", "v1.0.0-!r!c1", "<nil>"], ["escver", "v1.0.0", "v1.0.0", "<nil>"], ["escver", "a/b", "", "version \"a/b\" invalid: disallowed version string"], ["escver", "a!b", "", "version \"a!b\" invalid: disallowed version string"], ["escver", "", "", "version \"\" invalid: disallowed version string"], ["escver", "v1.0.0 x", "v1.0.0 x", "<nil>"], ["escver", "v1@v2", "v1@v2", "<nil>"], ["escver", ".hidden", ".hidden", "<nil>"], ["escver", "x.", "", "version \"x.\" invalid: disallowed version string"], ["escver", "con", "", "version \"con\" invalid: disallowed version string"], ["escver", "V1.0.0", "!v1.0.0", "<nil>"], ["escver", "a:b", "", "version \"a:b\" invalid: disallowed version string"], ["escver", "a*b", "", "version \"a*b\" invalid: disallowed version string"], ["unescpath", "github.com/!burnt!sushi/toml", "github.com/BurntSushi/toml", "<nil>"], ["unescpath", "github.com/Corp/x", "", "invalid escaped module path \"github.com/Corp/x\""], ["unescpath", "github.com/!!x", "", "invalid escaped module path \"github.com/!!x\""], ["unescpath", "github.com/x!", "", "invalid escaped module path \"github.com/x!\""], ["unescpath", "github.com/!1", "", "invalid escaped module path \"github.com/!1\""], ["unescpath", "foo/bar", "", "invalid escaped module path \"foo/bar\": malformed module path \"foo/bar\": missing dot in first path element"], ["unescpath", "corp.example/é", "", "invalid escaped module path \"corp.example/é\""], ["unescver", "v1.0.0-!r!c1", "v1.0.0-RC1", "<nil>"], ["unescver", "V1", "", "invalid escaped version \"V1\""], ["unescver", "!", "", "invalid escaped version \"!\""], ["unescver", "a/b", "", "invalid escaped version \"a/b\": invalid char '/'"], ["unescver", "x.", "", "invalid escaped version \"x.\": trailing dot in path element"]];

const FUNCTIONS = { escpath: escapePath, escver: escapeVersion, unescpath: unescapePath, unescver: unescapeVersion } as const;

describe('escape-module-path', () => {
  it.each(CASES)('%s(%j) matches x/mod', (fn, input, value, error) => {
    const result = FUNCTIONS[fn as keyof typeof FUNCTIONS](input);
    expect(result.ok ? [result.value, '<nil>'] : ['', result.error]).toEqual([value, error]);
  });

  it.each([
    ['example.com/m/@v/v1.0.0 x.info', 'example.com/m/@v/v1.0.0%20x.info'],
    ['example.com/m/@v/!v1.0.0.info', 'example.com/m/@v/%21v1.0.0.info'],
    ['example.com/m/@v/a+b@c:d$e&f=g;h,i.info', 'example.com/m/@v/a+b@c:d$e&f=g%3Bh%2Ci.info'],
  ])('percent-escapes %j like url.PathEscape per segment', (input, expected) => {
    expect(escapeUrlPath(input)).toBe(expected);
  });
});
