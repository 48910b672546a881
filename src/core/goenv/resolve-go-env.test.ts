import { describe, expect, it } from 'vitest';
import type { GoEnvInput } from './go-env.js';
import { resolveGoEnv } from './resolve-go-env.js';

const GO119 = 'go version go1.19.8 linux/amd64';
const GO122 = 'go version go1.22.1 linux/amd64';

function input(overrides: Partial<GoEnvInput>): GoEnvInput {
  return { env: {}, goEnvFile: null, netrcFile: null, goVersionOutput: GO119, ...overrides };
}

describe('resolveGoEnv', () => {
  it('uses the defaults when nothing is set', () => {
    const env = resolveGoEnv(input({}));
    expect(env.values).toMatchObject({ GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org', GOPRIVATE: '', GONOPROXY: '', GOTOOLCHAIN: '' });
    expect(env.sources.GOPROXY).toBe('default');
    expect(env.proxyList).toEqual({ ok: true, entries: [
      { kind: 'url', url: 'https://proxy.golang.org', fallThrough: 'not-found' }, { kind: 'direct', fallThrough: 'not-found' },
    ] });
    expect(env.sumdb).toMatchObject({ kind: 'db', name: 'sum.golang.org', url: null });
  });

  it('prefers a non-empty process variable over the go env file over the defaults', () => {
    const env = resolveGoEnv(input({
      env: { GOPROXY: '', GOSUMDB: 'off' },
      goEnvFile: 'GOPROXY=https://goproxy.corp.example\nGOSUMDB=sum.golang.org\nGOINSECURE=x.example\n',
    }));
    expect([env.values.GOPROXY, env.sources.GOPROXY]).toEqual(['https://goproxy.corp.example', 'goenv-file']);
    expect([env.values.GOSUMDB, env.sources.GOSUMDB]).toEqual(['off', 'env']);
    expect([env.values.GOINSECURE, env.sources.GOINSECURE]).toEqual(['x.example', 'goenv-file']);
    expect(env.sumdb).toEqual({ kind: 'off' });
  });

  // Observed with Go 1.19: GOPRIVATE='*.corp.example' GONOPROXY=none gives GONOPROXY=none, GONOSUMDB=*.corp.example.
  it('defaults GONOPROXY and GONOSUMDB to GOPRIVATE, which an empty value cannot undo', () => {
    const env = resolveGoEnv(input({ env: { GOPRIVATE: '*.corp.example', GONOPROXY: 'none', GONOSUMDB: '' } }));
    expect([env.values.GONOPROXY, env.values.GONOSUMDB]).toEqual(['none', '*.corp.example']);
    expect([env.sources.GONOPROXY, env.sources.GONOSUMDB]).toEqual(['env', 'env']);
    expect(env.proxyList.ok && env.proxyList.entries[0]).toEqual({ kind: 'noproxy', fallThrough: 'not-found' });
  });

  it('falls back to GOPRIVATE when the go env file holds an empty GONOSUMDB', () => {
    const env = resolveGoEnv(input({ goEnvFile: 'GOPRIVATE=a.example \nGONOSUMDB=\n' }));
    expect(env.values.GONOSUMDB).toBe('a.example ');
  });

  it('takes Go ≥ 1.21 defaults from the standard go.env, GOTOOLCHAIN included', () => {
    const env = resolveGoEnv(input({ goVersionOutput: GO122 }));
    expect(env.values).toMatchObject({ GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org', GOTOOLCHAIN: 'auto' });
    expect(env.goVersion).toMatchObject({ minor: 22, source: 'path' });
  });

  it('#62274: an empty GOPROXY in the go env file leaves no entries on Go ≥ 1.21 but means the default before', () => {
    const file = 'GOPROXY=\nGOSUMDB=\n';
    const newer = resolveGoEnv(input({ goVersionOutput: GO122, goEnvFile: file }));
    expect(newer.proxyList).toEqual({ ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' });
    expect(newer.sumdb).toEqual({ kind: 'invalid', error: 'missing GOSUMDB' });
    const older = resolveGoEnv(input({ goEnvFile: file }));
    expect(older.proxyList.ok).toBe(true);
    expect(older.values.GOSUMDB).toBe('sum.golang.org');
  });

  it('assumes the current release when no go is on PATH', () => {
    expect(resolveGoEnv(input({ goVersionOutput: null })).goVersion).toMatchObject({ text: 'go1.25.0', source: 'default' });
  });

  it('reads GOFLAGS, GOVCS, the HTTP proxy variables, trust roots and netrc', () => {
    const env = resolveGoEnv(input({
      env: {
        GOFLAGS: '-mod=mod', GOVCS: 'corp.example:git', HTTPS_PROXY: '127.0.0.1:3128', NO_PROXY: 'corp.example',
        SSL_CERT_FILE: '/etc/corp/ca.pem', SSL_CERT_DIR: '/etc/ssl/certs::/etc/corp/certs',
      },
      netrcFile: 'machine goproxy.corp.example login alice password s3cret\n',
    }));
    expect(env.flags).toEqual({ mod: 'mod', insecure: false, error: null });
    expect(env.govcs).toBe('corp.example:git');
    expect(env.httpProxy).toEqual({ httpsProxy: 'http://127.0.0.1:3128', httpProxy: null, noProxy: 'corp.example', cgi: false });
    expect(env.trust).toEqual({ certFile: '/etc/corp/ca.pem', certDirs: ['/etc/ssl/certs', '/etc/corp/certs'] });
    expect(env.netrc).toEqual([{ machine: 'goproxy.corp.example', login: 'alice', password: 's3cret' }]);
  });

  it.each([
    [GO119, { GOAUTH: 'off' }, 1],
    ['go version go1.24.0 linux/amd64', {}, 1],
    ['go version go1.24.0 linux/amd64', { GOAUTH: 'off' }, 0],
    ['go version go1.24.0 linux/amd64', { GOAUTH: 'git /home/a/src' }, 0],
    ['go version go1.24.0 linux/amd64', { GOAUTH: 'git /home/a/src; netrc' }, 1],
  ])('applies .netrc on %s with %j only when GOAUTH includes netrc (Go ≥ 1.24)', (version, env, count) => {
    const resolved = resolveGoEnv(input({ goVersionOutput: version, env, netrcFile: 'machine h.example login a password b\n' }));
    expect(resolved.netrc).toHaveLength(count);
  });

  it('ignores settings that only the process environment can carry when they come from the file', () => {
    const env = resolveGoEnv(input({ goEnvFile: 'GOENV=/elsewhere\n' }));
    expect(env.values.GOENV).toBe('');
  });
});
