import { describe, expect, it } from 'vitest';
import { formatProxyUrl, formatSumdbLookupUrl, planReportChecks } from './plan-report-checks.js';

const watchlist = [{ module: 'corp.example.com/platform/auth', version: 'v1.2.0' }, { module: 'github.com/BurntSushi/toml' }];

describe('planReportChecks', () => {
  it.each([
    { name: 'defaults to proxy.golang.org and sum.golang.org', env: {}, proxies: [['https://proxy.golang.org', true]], sumdb: 'https://sum.golang.org' },
    { name: 'marks only the first entry critical on a comma list', env: { GOPROXY: 'https://a.example,https://b.example,direct' }, proxies: [['https://a.example', true], ['https://b.example', false]], sumdb: 'https://sum.golang.org' },
    { name: 'marks no entry critical when a pipe lets errors fall through', env: { GOPROXY: 'https://a.example|https://b.example' }, proxies: [['https://a.example', false], ['https://b.example', false]], sumdb: 'https://sum.golang.org' },
    { name: 'keeps credentials out of the hop name', env: { GOPROXY: 'https://user:secret@a.example/', GOSUMDB: 'off' }, proxies: [['https://a.example', true]], sumdb: null },
    { name: 'uses the URL GOSUMDB names', env: { GOPROXY: 'off', GOSUMDB: 'sum.corp.example+abcd+key https://sumdb.corp.example/' }, proxies: [], sumdb: 'https://sumdb.corp.example' },
  ])('$name', ({ env, proxies, sumdb }) => {
    const plan = planReportChecks('office', env, watchlist);
    expect(plan.proxies.map((p) => [p.hop, p.critical])).toEqual(proxies);
    expect(plan.sumdb?.hop ?? null).toBe(sumdb);
  });

  it('checks the VCS host of private watchlist modules and skips the checksum DB for them', () => {
    const plan = planReportChecks('office', { GOPRIVATE: 'corp.example.com' }, watchlist);
    expect(plan.vcs.map((v) => [v.hop, v.url])).toEqual([['https://corp.example.com', 'https://corp.example.com/platform/auth?go-get=1']]);
    expect([...plan.noSumdb]).toEqual(['corp.example.com/platform/auth']);
  });

  it('keeps the userinfo in the probe URL only', () => {
    expect(planReportChecks('office', { GOPROXY: 'https://user:secret@a.example' }, []).proxies[0]?.url).toBe('https://user:secret@a.example');
  });
});

describe('formatProxyUrl', () => {
  it.each([
    [{ version: 'v1.0.0', ext: 'zip' as const }, 'https://p.example/github.com/!burnt!sushi/toml/@v/v1.0.0.zip'],
    ['latest' as const, 'https://p.example/github.com/!burnt!sushi/toml/@latest'],
  ])('case-encodes the module path for %j', (file, url) => {
    expect(formatProxyUrl('https://p.example/', 'github.com/BurntSushi/toml', file)).toBe(url);
  });

  it('refuses a malformed module path', () => {
    expect(formatProxyUrl('https://p.example', 'not a path', 'latest')).toBeNull();
    expect(formatSumdbLookupUrl('https://s.example', 'github.com/BurntSushi/toml', 'v1.0.0-RC1')).toBe('https://s.example/lookup/github.com/!burnt!sushi/toml@v1.0.0-!r!c1');
  });
});
