import { describe, expect, it } from 'vitest';
import { suggestPrivatePattern } from './suggest-private-pattern.js';

describe('suggestPrivatePattern', () => {
  it.each([
    ['corp.example.com/platform/auth', '', 'corp.example.com', 'corp.example.com'],
    ['vanity.corp.example/private', '', '*.corp.example', '*.corp.example'],
    ['git.corp.example/team/lib', 'other.example', '*.corp.example', 'other.example,*.corp.example'],
    ['github.com/corp/lib', '', 'github.com/corp', 'github.com/corp'],
    ['gitlab.com/corp/group/lib', 'x.example', 'gitlab.com/corp', 'x.example,gitlab.com/corp'],
    ['corp.example/hello', ' ', 'corp.example', 'corp.example'],
  ] as const)('suggests a pattern for %s with GOPRIVATE=%j', (module, current, pattern, value) => {
    expect(suggestPrivatePattern(module, current)).toEqual({ pattern, value, alreadyCovered: false });
  });

  it.each([
    ['vanity.corp.example/private', '*.corp.example'],
    ['corp.example/hello/sub', 'corp.example/hello'],
    ['github.com/corp/lib', 'x.example,github.com/corp'],
    ['git.corp.example/a', 'g?t.corp.example'],
  ] as const)('reports %s as already covered by %j', (module, current) => {
    expect(suggestPrivatePattern(module, current)).toEqual({ pattern: '', value: current.trim(), alreadyCovered: true });
  });

  it('does not trim spaces in the list, as Go does not (" github.com/corp" never matches)', () => {
    expect(suggestPrivatePattern('github.com/corp/lib', 'x.example, github.com/corp').alreadyCovered).toBe(false);
  });

  it('does not treat a glob for sub-domains as covering the parent domain', () => {
    expect(suggestPrivatePattern('corp.example/hello', '*.corp.example').alreadyCovered).toBe(false);
  });
});
