import { describe, expect, it } from 'vitest';
import type { FailureClass } from '../core/classify/failure-class.js';
import { LAB_SCENARIOS } from './scenarios.js';

const REQUIRED_CLASSES: readonly FailureClass[] = [
  'ok', 'dns.nxdomain', 'dns.servfail', 'dns.timeout', 'tcp.refused', 'tcp.timeout', 'tcp.reset',
  'tls.unknown_authority', 'tls.expired', 'tls.hostname_mismatch', 'tls.handshake_timeout', 'tls.protocol_error',
  'http.stall', 'http.redirect_loop', 'proxy.auth_required', 'proxy.forbidden', 'module.not_found', 'module.gone',
  'proxy.server_error', 'proxy.rate_limited', 'proxy.bad_content', 'sumdb.unreachable', 'sumdb.not_found',
  'checksum.mismatch', 'config.goproxy_off', 'config.invalid', 'vcs.auth_required', 'vcs.unrecognized_import_path',
  'input.invalid_module_path', 'input.invalid_version',
];

const REQUIRED_OK_CASES = [
  'ok-comma-404', 'ok-comma-410', 'ok-pipe-500', 'ok-pipe-refused', 'ok-goprivate-direct', 'ok-gonoproxy-none',
  'ok-gonosumdb', 'ok-goproxy-off-private', 'ok-case-encoded',
];

describe('LAB_SCENARIOS', () => {
  it.each(REQUIRED_CLASSES)('covers %s', (cls) => {
    expect(LAB_SCENARIOS.some((s) => s.expectedClass === cls)).toBe(true);
  });

  it.each(REQUIRED_OK_CASES)('has the healthy case %s that a naive tool would flag', (id) => {
    expect(LAB_SCENARIOS.find((s) => s.id === id)?.expectedClass).toBe('ok');
  });

  it('has unique ids', () => {
    expect(new Set(LAB_SCENARIOS.map((s) => s.id)).size).toBe(LAB_SCENARIOS.length);
  });

  it('marks six demo scenarios, the healthy fall-through among them', () => {
    const demo = LAB_SCENARIOS.filter((s) => s.demo === true).map((s) => s.id);
    expect(demo).toEqual(['tcp-blackhole', 'tls-unknown-authority', 'http-stall', 'module-private-on-public-proxy', 'checksum-mismatch-gosum', 'ok-comma-404']);
  });

  it('asks for @latest at least once', () => {
    expect(LAB_SCENARIOS.some((s) => s.version === null)).toBe(true);
  });

  it('gives the tampered-zip case the honest go.sum lines', () => {
    const goSum = LAB_SCENARIOS.find((s) => s.id === 'checksum-mismatch-gosum')?.goSum ?? '';
    expect(goSum).toMatch(/^corp\.example\/hello v1\.0\.0 h1:\S+=\ncorp\.example\/hello v1\.0\.0\/go\.mod h1:\S+=\n$/);
  });

  it('marks every stall as hanging the go command', () => {
    expect(LAB_SCENARIOS.filter((s) => s.expectedClass === 'http.stall').every((s) => s.goHangs === true)).toBe(true);
  });
});
