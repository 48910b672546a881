import { describe, expect, it } from 'vitest';
import { matchGoImport, parseGoImportMeta } from './parse-go-import-meta.js';

const page = (content: string) => `<html><head><META NAME="go-import" content="${content}"></head><body><meta name="go-import" content="late git https://x"></body></html>`;

describe('parseGoImportMeta', () => {
  it('reads tags in the head only, with case-insensitive attribute names', () => {
    expect(parseGoImportMeta(page('vanity.corp.example/hello git https://git.corp.example/hello.git'))).toEqual([
      { prefix: 'vanity.corp.example/hello', vcs: 'git', repoRoot: 'https://git.corp.example/hello.git' },
    ]);
  });
  it('ignores content with the wrong number of fields', () => {
    expect(parseGoImportMeta(page('a b'))).toEqual([]);
  });
});

describe('matchGoImport', () => {
  const url = 'https://vanity.corp.example/hello?go-get=1';
  it('prefers a mod entry over a VCS entry for the same prefix', () => {
    const result = matchGoImport([
      { prefix: 'vanity.corp.example/hello', vcs: 'git', repoRoot: 'https://git/x' },
      { prefix: 'vanity.corp.example/hello', vcs: 'mod', repoRoot: 'https://proxy/x' },
    ], 'vanity.corp.example/hello', url);
    expect(result).toEqual({ ok: true, match: { prefix: 'vanity.corp.example/hello', vcs: 'mod', repoRoot: 'https://proxy/x' } });
  });
  it('explains a tag for another prefix the way go does', () => {
    expect(matchGoImport([{ prefix: 'other.example/foo', vcs: 'git', repoRoot: 'https://x' }], 'vanity.corp.example/mismatch', 'https://vanity.corp.example/mismatch?go-get=1'))
      .toEqual({ ok: false, error: 'parse https://vanity.corp.example/mismatch?go-get=1: no go-import meta tags (meta tag other.example/foo did not match import path vanity.corp.example/mismatch)' });
  });
  it('says no go-import meta tags () when the page has none', () => {
    expect(matchGoImport([], 'vanity.corp.example/nometa', 'https://vanity.corp.example/nometa?go-get=1'))
      .toEqual({ ok: false, error: 'parse https://vanity.corp.example/nometa?go-get=1: no go-import meta tags ()' });
  });
});
