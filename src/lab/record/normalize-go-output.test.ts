import { describe, expect, it } from 'vitest';
import { normalizeGoOutput, redactGoEnv, trimOutput } from './normalize-go-output.js';

const RULES = {
  paths: [
    ['/tmp/gmd-go-abc', '<tmp>'],
    ['/tmp/gmd-go-abc/gopath/pkg/mod', '<GOMODCACHE>'],
    ['/work/main', '<repo>'],
  ] as const,
  secrets: ['s3cret'],
  keepPorts: [53, 443],
};

describe('normalizeGoOutput', () => {
  it.each([
    ['the module cache before the sandbox', 'open /tmp/gmd-go-abc/gopath/pkg/mod/cache/x: denied', 'open <GOMODCACHE>/cache/x: denied'],
    ['the sandbox', 'HOME=/tmp/gmd-go-abc/home', 'HOME=<tmp>/home'],
    ['an ephemeral port', 'Get "https://127.0.0.1:41234/ok/x/@v/list": EOF', 'Get "https://127.0.0.1:<port>/ok/x/@v/list": EOF'],
    ['a UDP source port but not :53', 'read udp 127.0.0.1:50123->127.0.0.1:53: i/o timeout', 'read udp 127.0.0.1:<port>->127.0.0.1:53: i/o timeout'],
    ['a password', 'https://alice:s3cret@proxy.corp.example/', 'https://alice:<redacted>@proxy.corp.example/'],
    ['a password it was not told about', 'http://bob:hunter2@127.0.0.1:8080', 'http://bob:<redacted>@127.0.0.1:<port>'],
    ['request timings', '# get https://corp.example/x: 404 Not Found (0.012s)', '# get https://corp.example/x: 404 Not Found (<time>)'],
    ['the clock in x509 errors', 'x509: certificate has expired or is not yet valid: current time 2026-12-07T17:10:05Z is after 2002-01-01T00:00:00Z', 'x509: certificate has expired or is not yet valid: current time <now> is after 2002-01-01T00:00:00Z'],
    ['command timings', 'cd /tmp/gmd-go-abc/x; git tag -l\n0.005s # cd /tmp/gmd-go-abc/x; git tag -l\n', 'cd <tmp>/x; git tag -l\n<time> # cd <tmp>/x; git tag -l\n'],
  ])('replaces %s', (_label, input, output) => {
    expect(normalizeGoOutput(input, RULES)).toBe(output);
  });

  it('leaves ports it is told to keep', () => {
    expect(normalizeGoOutput('dial tcp 127.0.0.1:443: connect: connection refused', RULES)).toBe('dial tcp 127.0.0.1:443: connect: connection refused');
  });
});

describe('redactGoEnv', () => {
  it('sorts names, hides secret variables and normalizes the rest', () => {
    expect(redactGoEnv({ GOPROXY: 'https://127.0.0.1:4444/ok', GITHUB_TOKEN: 'abc', HOME: '/tmp/gmd-go-abc/home' }, RULES)).toEqual({
      GITHUB_TOKEN: '<redacted>',
      GOPROXY: 'https://127.0.0.1:<port>/ok',
      HOME: '<tmp>/home',
    });
  });
});

describe('trimOutput', () => {
  it('keeps short output as it is', () => {
    expect(trimOutput('go: error\n', 100)).toBe('go: error\n');
  });

  it('keeps the head and the tail of long output', () => {
    const trimmed = trimOutput(`${'a'.repeat(500)}${'b'.repeat(500)}`, 100);
    expect(trimmed).toBe(`${'a'.repeat(25)}\n[… 900 bytes trimmed …]\n${'b'.repeat(75)}`);
  });
});
