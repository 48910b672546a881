import { describe, expect, it } from 'vitest';
import { checkGovcs } from './govcs.js';

// [GOVCS, GOPRIVATE, repo root, vcs, Go's error] from cmd/go/internal/vcs parseGOVCS/allow (Go 1.19 source, run as is).
const CASES: readonly (readonly [string, string, string, string, string | null])[] = [["", "", "github.com/x/y", "git", null], ["", "", "github.com/x/y", "svn", "GOVCS disallows using svn for public github.com/x/y; see 'go help vcs'"], ["", "", "github.com/x/y", "hg", null], ["", "corp.example", "corp.example/x", "svn", null], ["", "*.corp.example", "corp.example/x", "svn", "GOVCS disallows using svn for public corp.example/x; see 'go help vcs'"], ["github.com:git", "", "github.com/x/y", "hg", "GOVCS disallows using hg for public github.com/x/y; see 'go help vcs'"], ["github.com:git,evil.com:off", "", "evil.com/x", "git", "GOVCS disallows using git for public evil.com/x; see 'go help vcs'"], ["evil.com:off", "", "vanity.evil.com/x", "git", null], ["*:off", "", "github.com/x/y", "git", "GOVCS disallows using git for public github.com/x/y; see 'go help vcs'"], ["private:all,public:off", "corp.example", "corp.example/x", "fossil", null], ["private:all,public:off", "corp.example", "github.com/x", "git", "GOVCS disallows using git for public github.com/x; see 'go help vcs'"], ["public:git|hg|svn", "", "example.com/x", "svn", null], ["public: git | svn ", "", "example.com/x", "svn", null], ["corp.example:all", "", "corp.example/x", "bzr", null], [",", "", "a.example/x", "git", "empty entry in GOVCS"], ["a.example", "", "a.example/x", "git", "malformed entry in GOVCS (missing colon): \"a.example\""], [":git", "", "a.example/x", "git", "empty pattern in GOVCS: \":git\""], ["a.example:", "", "a.example/x", "git", "empty VCS list in GOVCS: \"a.example:\""], ["./x:git", "", "a.example/x", "git", "relative pattern not allowed in GOVCS: \"./x\""], ["a.example:git,a.example:hg", "", "a.example/x", "git", "unreachable pattern in GOVCS: \"a.example:hg\" after \"a.example:git\""], ["a.example:git|", "", "a.example/x", "git", "empty VCS name in GOVCS: \"a.example:git|\""], ["  ", "", "github.com/x", "svn", "GOVCS disallows using svn for public github.com/x; see 'go help vcs'"], ["a.example:git, ,b:git", "", "a.example/x", "git", "empty entry in GOVCS"], ["..:git", "", "a.example/x", "git", "relative pattern not allowed in GOVCS: \"..\""], ["*:all", "", "x.example/y", "fossil", null]];

describe('checkGovcs', () => {
  it.each(CASES)('GOVCS=%j GOPRIVATE=%j %s with %s', (govcs, goprivate, root, vcs, expected) => {
    expect(checkGovcs(govcs, goprivate, root, vcs)).toBe(expected);
  });

  it('always allows the mod (proxy) kind', () => {
    expect(checkGovcs('*:off', '', 'corp.example/x', 'mod')).toBeNull();
  });
});
