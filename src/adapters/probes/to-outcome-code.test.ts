import { describe, expect, it } from 'vitest';
import type { OutcomeCode, ProbeStage } from '../../ports/probe-runner.js';
import { findErrorCodes, toOutcomeCode } from './to-outcome-code.js';

const coded = (code: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(code), { code, ...extra });

describe('toOutcomeCode', () => {
  it.each<[string, unknown, ProbeStage, OutcomeCode]>([
    ['NXDOMAIN', coded('ENOTFOUND'), 'dns', 'DNS_NXDOMAIN'],
    ['SERVFAIL', coded('ESERVFAIL'), 'dns', 'DNS_SERVFAIL'],
    ['resolver timeout', coded('ETIMEOUT'), 'dns', 'DNS_TIMEOUT'],
    ['resolver port closed', coded('ECONNREFUSED'), 'dns', 'DNS_UNREACHABLE'],
    ['refused', coded('ECONNREFUSED'), 'connect', 'TCP_REFUSED'],
    ['refused proxy', coded('ECONNREFUSED'), 'proxy', 'PROXY_CONNECT_REFUSED'],
    ['no route', coded('EHOSTUNREACH'), 'connect', 'TCP_UNREACHABLE'],
    ['network down', coded('ENETUNREACH'), 'connect', 'TCP_UNREACHABLE'],
    ['dial timeout', coded('ETIMEDOUT'), 'connect', 'TCP_TIMEOUT'],
    ['undici connect timeout', coded('UND_ERR_CONNECT_TIMEOUT'), 'connect', 'TCP_TIMEOUT'],
    ['reset', coded('ECONNRESET'), 'http', 'TCP_RESET'],
    ['undici other side closed', coded('UND_ERR_SOCKET'), 'body', 'TCP_EOF'],
    ['reset wrapped by undici', coded('UND_ERR_SOCKET', { cause: coded('ECONNRESET') }), 'body', 'TCP_RESET'],
    ['fetch failed wrapper', new TypeError('fetch failed', { cause: coded('ENOTFOUND') }), 'dns', 'DNS_NXDOMAIN'],
    ['happy eyeballs', Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ETIMEDOUT')]), { code: 'ETIMEDOUT' }), 'connect', 'TCP_TIMEOUT'],
    ['expired', coded('CERT_HAS_EXPIRED'), 'tls', 'TLS_EXPIRED'],
    ['not yet valid', coded('CERT_NOT_YET_VALID'), 'tls', 'TLS_NOT_YET_VALID'],
    ['wrong name', coded('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls', 'TLS_HOSTNAME_MISMATCH'],
    ['self-signed leaf', coded('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls', 'TLS_UNKNOWN_AUTHORITY'],
    ['inspection proxy', coded('SELF_SIGNED_CERT_IN_CHAIN'), 'tls', 'TLS_UNKNOWN_AUTHORITY'],
    ['missing issuer', coded('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 'tls', 'TLS_UNKNOWN_AUTHORITY'],
    ['incomplete chain', coded('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'tls', 'TLS_UNKNOWN_AUTHORITY'],
    ['plain HTTP port', coded('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls', 'TLS_PROTOCOL'],
    ['unknown OpenSSL reason', coded('ERR_SSL_SOMETHING_NEW'), 'tls', 'TLS_PROTOCOL'],
    ['handshake alert', coded('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'), 'tls', 'TLS_ALERT'],
    ['unknown CA alert', coded('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'), 'tls', 'TLS_ALERT'],
    ['headers timeout', coded('UND_ERR_HEADERS_TIMEOUT'), 'http', 'HTTP_HEADERS_TIMEOUT'],
    ['body timeout', coded('UND_ERR_BODY_TIMEOUT'), 'body', 'HTTP_BODY_TIMEOUT'],
    ['too large', coded('UND_ERR_RES_EXCEEDED_MAX_SIZE'), 'body', 'HTTP_BODY_TOO_LARGE'],
    ['bad status line', coded('HPE_INVALID_CONSTANT'), 'http', 'HTTP_PROTOCOL'],
    ['no code at all', new Error('boom'), 'http', 'PROBE_INTERNAL'],
    ['not an error', 'boom', 'http', 'PROBE_INTERNAL'],
  ])('maps %s', (_name, error, stage, expected) => {
    expect(toOutcomeCode(error, stage)).toBe(expected);
  });
});

describe('findErrorCodes', () => {
  it('walks causes and aggregated errors outermost first and survives cycles', () => {
    const inner = coded('ECONNRESET');
    const outer = coded('UND_ERR_SOCKET', { cause: new AggregateError([inner, coded('EPIPE')]) });
    (inner as { cause?: unknown }).cause = outer;
    expect(findErrorCodes(outer)).toEqual(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
  });
});
