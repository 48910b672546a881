import { describe, expect, it } from 'vitest';
import { checkRedirect, formatAuthority } from './check-redirect.js';

const allow = ['goproxy.corp.example:443', 'cdn.corp.example:443', '127.0.0.1:8080', '169.254.169.254:80', 'metadata.google.internal:80', '[fe80::1]:80'];

describe('checkRedirect', () => {
  it.each([
    ['an allowed host', 'https://goproxy.corp.example/a', 'https://cdn.corp.example/b', null],
    ['an allowed host spelled in upper case', 'https://goproxy.corp.example/a', 'https://CDN.corp.example:443/b', null],
    ['http to an allowed http host', 'http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b', null],
    ['https to http', 'https://goproxy.corp.example/a', 'http://goproxy.corp.example/b', 'HTTP_REDIRECT_INSECURE'],
    ['a host outside the list', 'https://goproxy.corp.example/a', 'https://evil.example/b', 'HTTP_REDIRECT_BLOCKED'],
    ['an allowed host on another port', 'https://goproxy.corp.example/a', 'https://cdn.corp.example:8443/b', 'HTTP_REDIRECT_BLOCKED'],
    ['cloud metadata even when listed', 'http://127.0.0.1:8080/a', 'http://169.254.169.254/latest', 'HTTP_REDIRECT_BLOCKED'],
    ['GCE metadata even when listed', 'http://127.0.0.1:8080/a', 'http://metadata.google.internal/x', 'HTTP_REDIRECT_BLOCKED'],
    ['IPv6 link-local even when listed', 'http://127.0.0.1:8080/a', 'http://[fe80::1]/x', 'HTTP_REDIRECT_BLOCKED'],
    ['IPv4-mapped link-local', 'http://127.0.0.1:8080/a', 'http://[::ffff:169.254.1.1]/x', 'HTTP_REDIRECT_BLOCKED'],
    ['AWS IPv6 metadata', 'https://goproxy.corp.example/a', 'https://[fd00:ec2::254]/x', 'HTTP_REDIRECT_BLOCKED'],
    ['another scheme', 'https://goproxy.corp.example/a', 'ftp://goproxy.corp.example/b', 'HTTP_REDIRECT_INSECURE'],
  ])('judges a redirect to %s', (_name, from, to, code) => {
    const verdict = checkRedirect(new URL(from), new URL(from), new URL(to), allow);
    expect(verdict?.code ?? null).toBe(code);
  });

  it('names the last secure hop and redacts passwords like go', () => {
    const verdict = checkRedirect(new URL('https://a:pw@goproxy.corp.example/a'), new URL('https://a:pw@goproxy.corp.example/b'), new URL('http://goproxy.corp.example/c'), allow);
    expect(verdict?.detail).toBe('redirected from secure URL https://a:xxxxx@goproxy.corp.example/b to insecure URL http://goproxy.corp.example/c');
  });
});

describe('formatAuthority', () => {
  it.each([
    ['https://Goproxy.corp.example/x', 'goproxy.corp.example:443'],
    ['http://goproxy.corp.example/x', 'goproxy.corp.example:80'],
    ['http://[::1]:8080/x', '[::1]:8080'],
  ])('formats %s as %s', (url, expected) => {
    expect(formatAuthority(new URL(url))).toBe(expected);
  });
});
