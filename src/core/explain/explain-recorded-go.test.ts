import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FailureClass } from '../classify/failure-class.js';
import { explainGoOutput } from './explain-go-output.js';

/** Output of the real go command (go1.19.8) for every lab scenario, recorded by src/lab/record. */
const FIXTURES = new URL('../../../test/fixtures/go/', import.meta.url);

const EXPECTED: Readonly<Record<string, FailureClass>> = {
  'checksum-mismatch-gosum': 'checksum.mismatch',
  'checksum-mismatch-sumdb': 'checksum.mismatch',
  'config-goproxy-off': 'config.goproxy_off',
  'config-invalid': 'config.invalid',
  'dns-nxdomain': 'dns.nxdomain',
  'dns-servfail': 'dns.servfail',
  'dns-timeout': 'dns.timeout',
  'http-redirect-loop': 'http.redirect_loop',
  'http-stall': 'http.stall',
  'input-invalid-module-path': 'input.invalid_module_path',
  'input-invalid-version': 'input.invalid_version',
  'module-gone': 'module.gone',
  'module-not-found': 'module.not_found',
  'module-private-on-public-proxy': 'module.gone',
  'proxy-401': 'proxy.auth_required',
  'proxy-403': 'proxy.forbidden',
  'proxy-407': 'proxy.auth_required',
  'proxy-429': 'proxy.rate_limited',
  'proxy-500': 'proxy.server_error',
  'proxy-502-comma': 'proxy.server_error',
  'proxy-connect-403': 'proxy.forbidden',
  'proxy-html': 'proxy.bad_content',
  'proxy-not-zip': 'proxy.bad_content',
  'proxy-other-version': 'proxy.bad_content',
  'sumdb-not-found': 'sumdb.not_found',
  'sumdb-unreachable': 'sumdb.unreachable',
  'tcp-blackhole': 'tcp.timeout',
  'tcp-refused': 'tcp.refused',
  'tcp-reset': 'tcp.reset',
  'tcp-truncated-zip': 'tcp.reset',
  'tls-expired': 'tls.expired',
  'tls-handshake-timeout': 'tls.handshake_timeout',
  'tls-hostname-mismatch': 'tls.hostname_mismatch',
  'tls-protocol-error': 'tls.protocol_error',
  'tls-unknown-authority': 'tls.unknown_authority',
  'vcs-auth-required': 'vcs.auth_required',
  'vcs-discovery-expired': 'vcs.unrecognized_import_path',
  'vcs-no-meta': 'vcs.unrecognized_import_path',
};

/**
 * A body that stalls after `# get …zip: 200 OK` prints exactly what a success prints under -x
 * before the go command exits: the text alone cannot show the hang.
 */
const INDISTINGUISHABLE = new Set(['http-stall-body']);

interface Recording {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode: number | null;
}

const scenarios = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

describe('explainGoOutput on recorded go 1.19.8 output', () => {
  it.each(scenarios.map((s) => [s]))('explains %s', (scenario) => {
    const recording = JSON.parse(readFileSync(new URL(`${scenario}.json`, FIXTURES), 'utf8')) as Recording;
    const out = explainGoOutput(`${recording.stderr ?? ''}\n${recording.stdout ?? ''}`);
    if (INDISTINGUISHABLE.has(scenario)) return;
    const expected = scenario.startsWith('ok-') ? 'ok' : EXPECTED[scenario];
    expect(expected, `no expectation for ${scenario}`).toBeDefined();
    expect(out.class).toBe(expected);
    expect(out.unrecognized).toBeUndefined();
    if (expected !== 'ok') expect(out.findings[0]?.hop ?? out.findings[0]?.evidence).toBeTruthy();
  });
});
