import type { OutcomeCode } from '../../ports/probe-runner.js';
import type { FailureClass } from './failure-class.js';

/** The class a transport-level observation gets on its own, before the hop's role wraps it. */
export const CLASS_BY_OUTCOME: Readonly<Record<Exclude<OutcomeCode, 'OK' | 'PROXY_CONNECT_STATUS' | 'PROBE_INTERNAL'>, FailureClass>> = {
  DNS_NXDOMAIN: 'dns.nxdomain',
  DNS_SERVFAIL: 'dns.servfail',
  DNS_TIMEOUT: 'dns.timeout',
  DNS_UNREACHABLE: 'dns.unreachable',
  TCP_REFUSED: 'tcp.refused',
  TCP_TIMEOUT: 'tcp.timeout',
  TCP_UNREACHABLE: 'tcp.timeout',
  TCP_RESET: 'tcp.reset',
  TCP_EOF: 'tcp.reset',
  PROXY_CONNECT_REFUSED: 'tcp.refused',
  PROXY_CONNECT_TIMEOUT: 'http.stall',
  TLS_UNKNOWN_AUTHORITY: 'tls.unknown_authority',
  TLS_EXPIRED: 'tls.expired',
  TLS_NOT_YET_VALID: 'tls.expired',
  TLS_HOSTNAME_MISMATCH: 'tls.hostname_mismatch',
  TLS_HANDSHAKE_TIMEOUT: 'tls.handshake_timeout',
  TLS_PROTOCOL: 'tls.protocol_error',
  TLS_ALERT: 'tls.protocol_error',
  HTTP_HEADERS_TIMEOUT: 'http.stall',
  HTTP_BODY_TIMEOUT: 'http.stall',
  HTTP_BODY_TOO_LARGE: 'proxy.bad_content',
  HTTP_PROTOCOL: 'proxy.bad_content',
  HTTP_REDIRECT_LOOP: 'http.redirect_loop',
  HTTP_REDIRECT_BLOCKED: 'config.invalid',
  HTTP_REDIRECT_INSECURE: 'config.invalid',
};

/** The class of a non-200 answer from a GOPROXY (classified on the 3-digit code, never the phrase). */
export function classifyProxyStatus(status: number): FailureClass {
  if (status === 401 || status === 407) return 'proxy.auth_required';
  if (status === 403) return 'proxy.forbidden';
  if (status === 404) return 'module.not_found';
  if (status === 410) return 'module.gone';
  if (status === 429) return 'proxy.rate_limited';
  if (status >= 500) return 'proxy.server_error';
  return 'proxy.bad_content';
}

/** Go's `errors.Is(err, fs.ErrNotExist)` for an HTTP answer: only 404 and 410. */
export function isNotExistStatus(status: number): boolean {
  return status === 404 || status === 410;
}
