import { describe, expect, it } from 'vitest';
import { checkModuleVersion, classifyVersionQuery } from './check-version.js';

// Canonical cases: expected texts from Go 1.19's vendored x/mod module.Check. Non-canonical versions and invalid
// paths give null: the go command sends such versions as queries, and path errors come from checkModulePath.
const CHECK_CASES: readonly (readonly [string, string, string | null])[] = [["example.com/m", "v2.0.0", "example.com/m@v2.0.0: invalid version: should be v0 or v1, not v2"], ["example.com/m", "v1.0.0", null], ["example.com/m", "v0.1.0", null], ["example.com/m", "v2.0.0+incompatible", null], ["example.com/m/v2", "v1.0.0", "example.com/m/v2@v1.0.0: invalid version: should be v2, not v1"], ["example.com/m/v2", "v2.3.0", null], ["example.com/m/v3", "v2.0.0", "example.com/m/v3@v2.0.0: invalid version: should be v3, not v2"], ["gopkg.in/yaml.v2", "v3.0.0", "gopkg.in/yaml.v2@v3.0.0: invalid version: should be v2, not v3"], ["gopkg.in/yaml.v2", "v2.4.0", null], ["gopkg.in/check.v1", "v0.0.0-20161208181325-20d25e280405", null], ["gopkg.in/yaml.v3-unstable", "v3.0.0", null], ["gopkg.in/yaml.v3-unstable", "v2.0.0", "gopkg.in/yaml.v3-unstable@v2.0.0: invalid version: should be v3, not v2"], ["example.com/m/v2", "v2.0.0+incompatible", null], ["example.com/m/v2", "v0.0.0-20191109021931-daa7c04131f5", "example.com/m/v2@v0.0.0-20191109021931-daa7c04131f5: invalid version: should be v2, not v0"], ["example.com/m", "v3.0.0-20191109021931-daa7c04131f5", "example.com/m@v3.0.0-20191109021931-daa7c04131f5: invalid version: should be v0 or v1, not v3"], ["example.com/m", "v2", null], ["example.com/m", "master", null], ["example.com/m", "1.0.0", null], ["foo/bar", "v2.0.0", null]];

describe('checkModuleVersion', () => {
  it.each(CHECK_CASES)('checks %s@%s like module.Check', (path, version, expected) => {
    expect(checkModuleVersion(path, version)).toBe(expected);
  });
});

describe('classifyVersionQuery', () => {
  it.each([
    [null, 'latest'], ['latest', 'latest'], ['upgrade', 'latest'], ['patch', 'latest'],
    ['v1.2.3', 'canonical'], ['v1.2.3-pre.1', 'canonical'], ['v2.0.0+incompatible', 'canonical'],
    ['v0.0.0-20191109021931-daa7c04131f5', 'canonical'],
    ['v1', 'semver-noncanonical'], ['v1.2', 'semver-noncanonical'],
    // Observed with Go 1.19: these are requested as `@v/<v>.info` and wrapped in `invalid version:`.
    ['v1.0.0+meta', 'revision'], ['1.0.0', 'revision'], ['master', 'revision'], ['v01.0.0', 'revision'],
    ['daa7c04131f5', 'revision'], ['V1.0.0', 'revision'],
  ] as const)('classifies %j as %s', (version, expected) => {
    expect(classifyVersionQuery(version)).toBe(expected);
  });
});
