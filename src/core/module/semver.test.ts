import { describe, expect, it } from 'vitest';
import { canonicalSemver, compareSemver, isPrerelease, isValidSemver, semverBuild, semverMajor, semverPrerelease } from './semver.js';

// [version, IsValid, Canonical, Major, Prerelease, Build] from Go 1.19's vendored golang.org/x/mod/semver.
const PARSE_CASES: readonly (readonly [string, boolean, string, string, string, string])[] = [["v1", true, "v1.0.0", "v1", "", ""], ["v1.2", true, "v1.2.0", "v1", "", ""], ["v1.2.3", true, "v1.2.3", "v1", "", ""], ["v1.2.3-pre", true, "v1.2.3-pre", "v1", "-pre", ""], ["v1.2.3-pre.1+meta", true, "v1.2.3-pre.1", "v1", "-pre.1", "+meta"], ["v1.2.3+meta", true, "v1.2.3", "v1", "", "+meta"], ["v1.2-pre", false, "", "", "", ""], ["v01.0.0", false, "", "", "", ""], ["v1.00.0", false, "", "", "", ""], ["v1.0.00", false, "", "", "", ""], ["1.0.0", false, "", "", "", ""], ["v", false, "", "", "", ""], ["", false, "", "", "", ""], ["v1.2.3-", false, "", "", "", ""], ["v1.2.3-01", false, "", "", "", ""], ["v1.2.3-0a", true, "v1.2.3-0a", "v1", "-0a", ""], ["v1.2.3-a..b", false, "", "", "", ""], ["v1.2.3+", false, "", "", "", ""], ["v1.2.3+a.", false, "", "", "", ""], ["v1.2.3+01", true, "v1.2.3", "v1", "", "+01"], ["v2.0.0+incompatible", true, "v2.0.0", "v2", "", "+incompatible"], ["v0.0.0-20191109021931-daa7c04131f5", true, "v0.0.0-20191109021931-daa7c04131f5", "v0", "-20191109021931-daa7c04131f5", ""], ["V1.0.0", false, "", "", "", ""], ["v1.0.0 ", false, "", "", "", ""], ["v1.0.0-alpha.beta", true, "v1.0.0-alpha.beta", "v1", "-alpha.beta", ""], ["v1.0.0-x-y", true, "v1.0.0-x-y", "v1", "-x-y", ""]];

const COMPARE_CASES: readonly (readonly [string, string, number])[] = [["v1.0.0", "v1.0.0", 0], ["v1.0.0", "v1.0.1", -1], ["v1.10.0", "v1.9.0", 1], ["v1", "v1.0.0", 0], ["v1.0.0-alpha", "v1.0.0", -1], ["v1.0.0-alpha", "v1.0.0-alpha.1", -1], ["v1.0.0-alpha.1", "v1.0.0-alpha.beta", -1], ["v1.0.0-beta.2", "v1.0.0-beta.11", -1], ["v1.0.0-rc.1", "v1.0.0-beta", 1], ["v1.0.0+a", "v1.0.0+b", 0], ["bad", "v0.0.0", -1], ["bad", "worse", 0], ["v2.0.0", "bad", 1], ["v1.0.0-1", "v1.0.0-a", -1], ["v1.0.0-a", "v1.0.0-a-b", -1], ["v10.0.0", "v9.0.0", 1]];

describe('semver', () => {
  it.each(PARSE_CASES)('parses %j like x/mod semver', (v, valid, canonical, major, pre, build) => {
    expect([isValidSemver(v), canonicalSemver(v), semverMajor(v), semverPrerelease(v), semverBuild(v)])
      .toEqual([valid, canonical, major, pre, build]);
    expect(isPrerelease(v)).toBe(pre !== '');
  });

  it.each(COMPARE_CASES)('compares %j and %j like x/mod semver.Compare', (v, w, expected) => {
    expect(compareSemver(v, w)).toBe(expected);
    expect(compareSemver(w, v)).toBe(-expected || 0);
  });
});
