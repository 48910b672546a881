import { describe, expect, it } from 'vitest';
import type { ProxyEntry } from '../goenv/go-env.js';
import { continuesAfter, selectReportedError, type FailedAttempt } from './walk-proxy-list.js';

const a: ProxyEntry = { kind: 'url', url: 'https://a.example', fallThrough: 'not-found' };
const aPipe: ProxyEntry = { kind: 'url', url: 'https://a.example', fallThrough: 'any-error' };
const b: ProxyEntry = { kind: 'url', url: 'https://b.example', fallThrough: 'not-found' };
const bPipe: ProxyEntry = { kind: 'url', url: 'https://b.example', fallThrough: 'any-error' };
const direct: ProxyEntry = { kind: 'direct', fallThrough: 'not-found' };
const noproxy: ProxyEntry = { kind: 'noproxy', fallThrough: 'not-found' };

const fail = (entry: ProxyEntry, error: string, notExist: boolean, useProxy = false): FailedAttempt<string> =>
  ({ entry, error, notExist, useProxy });

describe('continuesAfter', () => {
  it('falls through on 404/410 when the separator is a comma', () => expect(continuesAfter(a, true)).toBe(true));
  it('stops on any other error when the separator is a comma', () => expect(continuesAfter(a, false)).toBe(false));
  it('falls through on any error when the separator is a pipe', () => expect(continuesAfter(aPipe, false)).toBe(true));
});

describe('selectReportedError', () => {
  it.each<[string, FailedAttempt<string>[], string | null]>([
    ['A,B: A 500 stops the walk and is printed', [fail(a, 'A500', false)], 'A500'],
    ['A|B: A 500, B 404 prints A\'s 500', [fail(aPipe, 'A500', false), fail(b, 'B404', true)], 'A500'],
    ['A|B|C: A 500, B 502 prints the later proxy error', [fail(aPipe, 'A500', false), fail(bPipe, 'B502', false)], 'B502'],
    ['A,B: A 404, B 410 prints the last not-found', [fail(a, 'A404', true), fail(b, 'B410', true)], 'B410'],
    ['A,direct: A 404 hides behind direct\'s error', [fail(a, 'A404', true), fail(direct, 'unrecognized', true)], 'unrecognized'],
    ['noproxy error wins over the proxies\' "disabled" answers', [fail(noproxy, 'git auth', false), fail(a, 'disabled', true)], 'git auth'],
    ['noproxy "does not match" is only a not-found', [fail(noproxy, 'no match', true, true), fail(a, 'A404', true)], 'A404'],
    ['nothing tried', [], null],
  ])('%s', (_name, attempts, expected) => {
    expect(selectReportedError(attempts)?.error ?? null).toBe(expected);
  });
});
