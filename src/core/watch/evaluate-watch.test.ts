import { describe, expect, it } from 'vitest';
import type { FailureClass } from '../classify/failure-class.js';
import type { CheckResult, ModuleHashes } from '../report/check-result.js';
import { EMPTY_WATCH_STATE, evaluateWatch, type WatchState } from './evaluate-watch.js';

const P1 = 'https://goproxy.corp.example';
const P2 = 'https://mirror.corp.example';
const SUMDB = 'https://sum.golang.org';

function check(over: Partial<CheckResult> & { at: string }): CheckResult {
  return {
    zone: 'office', hop: P1, role: 'proxy', critical: true, module: 'corp.example.com/a', version: 'v1.0.0',
    class: 'ok', status: 200, latencyMs: 12, tlsValidTo: '2027-06-01T00:00:00.000Z', evidence: '200 OK', ...over,
  };
}

function at(minute: number): string {
  return new Date(Date.UTC(2026, 11, 7, 8, minute)).toISOString();
}

/** Every watchlist module on the critical proxy with one class, at one time. */
function run(minute: number, cls: FailureClass, extra: readonly Partial<CheckResult>[] = []): CheckResult[] {
  return [
    check({ at: at(minute), module: 'corp.example.com/a', class: cls }),
    check({ at: at(minute), module: 'corp.example.com/b', class: cls }),
    ...extra.map((e) => check({ at: at(minute), ...e })),
  ];
}

function replay(runs: readonly CheckResult[][], state: WatchState = EMPTY_WATCH_STATE): string[] {
  const transitions: string[] = [];
  let s = state;
  runs.forEach((results, i) => {
    const out = evaluateWatch(results, s);
    s = out.state;
    for (const p of out.p0Patterns) if (p.transition !== 'continuing') transitions.push(`${i}:${p.transition} ${p.key}`);
  });
  return transitions;
}

const hashes = (zip: string, mod = 'h1:mod='): ModuleHashes => ({ zip, mod });

describe('evaluateWatch', () => {
  it.each([
    { name: 'opens a build outage after two consecutive failing checks', classes: ['tcp.timeout', 'tcp.timeout'], expected: ['1:opened build-outage|https://goproxy.corp.example|office'] },
    { name: 'does not open on a single failing check', classes: ['tcp.timeout', 'ok'], expected: [] },
    { name: 'keeps one incident when the class changes', classes: ['tls.handshake_timeout', 'tcp.timeout', 'proxy.server_error'], expected: ['1:opened build-outage|https://goproxy.corp.example|office'] },
    { name: 'resolves after two consecutive passing checks', classes: ['tcp.timeout', 'tcp.timeout', 'ok', 'ok'], expected: ['1:opened build-outage|https://goproxy.corp.example|office', '3:resolved build-outage|https://goproxy.corp.example|office'] },
    { name: 'does not resolve on one passing check between failures', classes: ['tcp.timeout', 'tcp.timeout', 'ok', 'tcp.timeout', 'ok', 'tcp.timeout'], expected: ['1:opened build-outage|https://goproxy.corp.example|office'] },
    { name: 'does not page a hop that flaps every check', classes: ['tcp.timeout', 'ok', 'tcp.timeout', 'ok', 'tcp.timeout', 'ok'], expected: [] },
    { name: 'ignores classes that are not outages (404 on the list)', classes: ['module.not_found', 'module.not_found'], expected: [] },
  ])('$name', ({ classes, expected }) => {
    expect(replay(classes.map((c, i) => run(i * 5, c as FailureClass)))).toEqual(expected);
  });

  it('needs every watchlist module to fail', () => {
    const runs = [0, 5].map((m) => [check({ at: at(m), class: 'tcp.timeout' }), check({ at: at(m), module: 'corp.example.com/b' })]);
    expect(replay(runs)).toEqual([]);
  });

  it('keys the pattern by pattern, hop and zone, never by module', () => {
    const out = evaluateWatch(run(5, 'tcp.timeout'), evaluateWatch(run(0, 'tcp.timeout'), EMPTY_WATCH_STATE).state);
    expect(out.p0Patterns.map((p) => p.key)).toEqual(['build-outage|https://goproxy.corp.example|office']);
    expect(out.p0Patterns[0]?.modules).toEqual(['corp.example.com/a@v1.0.0', 'corp.example.com/b@v1.0.0']);
  });

  it('dampens a slow flapper: after reopening, resolving needs twice the passes', () => {
    const classes = ['tcp.timeout', 'tcp.timeout', 'ok', 'ok', 'tcp.timeout', 'tcp.timeout', 'ok', 'ok', 'tcp.timeout', 'tcp.timeout', 'ok', 'ok', 'ok', 'ok'];
    const transitions = replay(classes.map((c, i) => run(i * 5, c as FailureClass)));
    expect(transitions).toEqual([
      '1:opened build-outage|https://goproxy.corp.example|office',
      '3:resolved build-outage|https://goproxy.corp.example|office',
      '5:opened build-outage|https://goproxy.corp.example|office',
      '13:resolved build-outage|https://goproxy.corp.example|office',
    ]);
  });

  it('pages a checksum mismatch at once', () => {
    const out = evaluateWatch([check({ at: at(0), class: 'checksum.mismatch', evidence: 'zip h1:bad= vs sumdb h1:good=' })], EMPTY_WATCH_STATE);
    expect(out.p0Patterns).toMatchObject([{ key: 'supply-chain|https://goproxy.corp.example|office', transition: 'opened', evidence: ['zip h1:bad= vs sumdb h1:good='] }]);
  });

  it('names the proxy that differs from the checksum DB with both hashes', () => {
    const results = [
      check({ at: at(0), hop: P1, hashes: hashes('h1:good=') }),
      check({ at: at(0), hop: P2, critical: false, hashes: hashes('h1:bad=') }),
      check({ at: at(0), hop: SUMDB, role: 'sumdb', hashes: hashes('h1:good=') }),
    ];
    const out = evaluateWatch(results, EMPTY_WATCH_STATE);
    expect(out.p0Patterns).toEqual([expect.objectContaining({
      key: 'supply-chain|https://mirror.corp.example|office', transition: 'opened',
      evidence: ['corp.example.com/a@v1.0.0 zip: office https://mirror.corp.example serves h1:bad=, sumdb says h1:good='],
    })]);
  });

  it('opens a trust break when a hop that verified now fails unknown-authority in every zone', () => {
    const good = [check({ at: at(0) }), check({ at: at(0), zone: 'ci' })];
    const bad = (m: number) => [check({ at: at(m), class: 'tls.unknown_authority', tlsValidTo: null }), check({ at: at(m), zone: 'ci', class: 'tls.unknown_authority', tlsValidTo: null })];
    const transitions = replay([good, bad(5), bad(10)]);
    expect(transitions).toContain('2:opened trust-break|https://goproxy.corp.example|*');
  });

  it('does not open a trust break when one zone still verifies', () => {
    const good = [check({ at: at(0) }), check({ at: at(0), zone: 'ci' })];
    const bad = (m: number) => [check({ at: at(m), module: null, class: 'tls.unknown_authority', tlsValidTo: null }), check({ at: at(m), module: null, zone: 'ci' })];
    expect(replay([good, bad(5), bad(10)]).filter((t) => t.includes('trust-break'))).toEqual([]);
  });

  it('does not open a trust break for a hop never seen verifying', () => {
    const bad = (m: number) => [check({ at: at(m), module: null, class: 'tls.unknown_authority', tlsValidTo: null })];
    expect(replay([bad(0), bad(5)]).filter((t) => t.includes('trust-break'))).toEqual([]);
  });

  it('forgets closed patterns once past the flap window', () => {
    const runs = ['tcp.timeout', 'tcp.timeout', 'ok', 'ok'].map((c, i) => run(i * 5, c as FailureClass));
    let s = EMPTY_WATCH_STATE;
    for (const r of runs) s = evaluateWatch(r, s).state;
    expect(Object.keys(s.patterns)).toHaveLength(1);
    s = evaluateWatch(run(200, 'ok'), s).state;
    expect(s.patterns).toEqual({});
  });
});
