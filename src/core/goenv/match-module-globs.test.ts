import { describe, expect, it } from 'vitest';
import { matchModuleGlobs } from './match-module-globs.js';

// Expected values from Go 1.19's vendored golang.org/x/mod module.MatchPrefixPatterns (includes every case of
// go-modules.md §3.1).
const CASES: readonly (readonly [string, string, boolean])[] = [["*.corp.example", "corp.example/hello", false], ["*.corp.example", "git.corp.example/team/repo", true], ["corp.example", "git.corp.example/x", false], ["corp.example", "corp.example/x/y", true], ["github.com/org", "github.com/org/repo/sub", true], ["github.com/org", "github.com/organization/repo", false], ["github.com/org/", "github.com/org/repo", true], ["github.com/*/internal", "github.com/a/internal/pkg", true], ["github.com/*/internal", "github.com/a/b/internal", false], ["foo.example, corp.example", "corp.example/x", false], ["foo.example,corp.example", "corp.example/x", true], ["Corp.Example", "corp.example/x", false], ["github.com/Org", "github.com/org/x", false], ["*", "anything.example/x/y", true], ["*", "x", true], ["*.example", "a.b.example/x", true], ["git.corp.example/*", "git.corp.example", false], ["git.corp.example/*", "git.corp.example/a/b", true], ["none", "corp.example/x", false], ["", "corp.example/x", false], [",,", "corp.example/x", false], ["corp.example//", "corp.example/x", false], ["[abc", "a/x", false], ["[a-c]orp.example", "corp.example/x", true], ["[^a-c]orp.example", "corp.example/x", false], ["c?rp.example", "corp.example/x", true], ["c\\orp.example", "corp.example/x", true], ["corp.exampl?", "corp.example", true], ["*/x", "a.example/x/y", true], ["a.example/x/", "a.example/x", true], ["a.example/x", "a.example/x", true], ["*[", "a/b", false], ["a[", "a", false], ["[]a]", "]", false], ["[-]", "-", false], ["\\", "x", false], ["corp.*", "corp.example/x", true], ["*example", "corp.example/x", true], ["**", "x/y", true], ["*.corp.example,corp.example", "corp.example/x", true], [" corp.example", "corp.example/x", false], ["corp.example ", "corp.example/x", false], ["a*b*c", "axbyc/z", true], ["a*b*c", "axbyd", false], ["[!a]", "b", false], ["[\\]]", "]", true], ["x/y/z", "x/y", false], ["*/*/*", "a/b/c/d", true]];

describe('matchModuleGlobs', () => {
  it.each(CASES)('matches %j against %j like MatchPrefixPatterns', (globs, target, expected) => {
    expect(matchModuleGlobs(globs, target)).toBe(expected);
  });
});
