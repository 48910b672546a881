import type { OutcomeCode, ProbeStage } from '../../ports/probe-runner.js';

/**
 * The single table from Node, c-ares, OpenSSL and undici error codes to our outcome codes
 * (STYLE.md "Error model"). Codes that mean different things per stage are resolved in
 * `toOutcomeCode` below.
 */
const OUTCOME_BY_CODE: Readonly<Record<string, OutcomeCode>> = {
  // c-ares (dns.promises.Resolver) and getaddrinfo
  ENOTFOUND: 'DNS_NXDOMAIN',
  ENODATA: 'DNS_NXDOMAIN',
  ENONAME: 'DNS_NXDOMAIN',
  ESERVFAIL: 'DNS_SERVFAIL',
  EREFUSED: 'DNS_SERVFAIL',
  EFORMERR: 'DNS_SERVFAIL',
  EBADRESP: 'DNS_SERVFAIL',
  ETIMEOUT: 'DNS_TIMEOUT',
  EAI_AGAIN: 'DNS_TIMEOUT',
  ECONNREFUSED: 'TCP_REFUSED',
  // TCP
  ETIMEDOUT: 'TCP_TIMEOUT',
  ERR_SOCKET_CONNECTION_TIMEOUT: 'TCP_TIMEOUT',
  UND_ERR_CONNECT_TIMEOUT: 'TCP_TIMEOUT',
  ENETUNREACH: 'TCP_UNREACHABLE',
  EHOSTUNREACH: 'TCP_UNREACHABLE',
  EADDRNOTAVAIL: 'TCP_UNREACHABLE',
  ECONNRESET: 'TCP_RESET',
  EPIPE: 'TCP_RESET',
  ECONNABORTED: 'TCP_RESET',
  UND_ERR_SOCKET: 'TCP_EOF',
  // TLS verification (Node X509 codes)
  CERT_HAS_EXPIRED: 'TLS_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_NOT_YET_VALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  HOSTNAME_MISMATCH: 'TLS_HOSTNAME_MISMATCH',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_UNKNOWN_AUTHORITY',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNKNOWN_AUTHORITY',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_UNKNOWN_AUTHORITY',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNKNOWN_AUTHORITY',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNKNOWN_AUTHORITY',
  CERT_UNTRUSTED: 'TLS_UNKNOWN_AUTHORITY',
  CERT_REVOKED: 'TLS_UNKNOWN_AUTHORITY',
  CERT_SIGNATURE_FAILURE: 'TLS_UNKNOWN_AUTHORITY',
  CERT_CHAIN_TOO_LONG: 'TLS_UNKNOWN_AUTHORITY',
  INVALID_CA: 'TLS_UNKNOWN_AUTHORITY',
  // TLS protocol (OpenSSL 3 reason codes as Node exposes them)
  EPROTO: 'TLS_PROTOCOL',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS_PROTOCOL',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'TLS_PROTOCOL',
  ERR_SSL_RECORD_LAYER_FAILURE: 'TLS_PROTOCOL',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'TLS_PROTOCOL',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'TLS_PROTOCOL',
  ERR_SSL_UNEXPECTED_MESSAGE: 'TLS_PROTOCOL',
  ERR_SSL_HTTP_REQUEST: 'TLS_PROTOCOL',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'TLS_HANDSHAKE_TIMEOUT',
  // undici
  UND_ERR_HEADERS_TIMEOUT: 'HTTP_HEADERS_TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'HTTP_BODY_TIMEOUT',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'HTTP_BODY_TOO_LARGE',
  UND_ERR_HEADERS_OVERFLOW: 'HTTP_PROTOCOL',
  UND_ERR_RESPONSE_STATUS_CODE: 'HTTP_PROTOCOL',
  HPE_INVALID_CONSTANT: 'HTTP_PROTOCOL',
  HPE_INVALID_STATUS: 'HTTP_PROTOCOL',
  HPE_INVALID_VERSION: 'HTTP_PROTOCOL',
  HPE_INVALID_HEADER_TOKEN: 'HTTP_PROTOCOL',
  HPE_INVALID_CONTENT_LENGTH: 'HTTP_PROTOCOL',
  HPE_INVALID_CHUNK_SIZE: 'HTTP_PROTOCOL',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'HTTP_PROTOCOL',
  HPE_HEADER_OVERFLOW: 'HTTP_PROTOCOL',
};

/** TLS alerts sent by the peer: `ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE`, `ERR_SSL_TLSV1_ALERT_UNKNOWN_CA`, … */
const TLS_ALERT_CODE = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_/;

/** Every `code` on the error, its `cause` chain and `AggregateError.errors`, outermost first. */
export function findErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((value as { cause?: unknown }).cause);
    const errors = (value as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) visit(inner);
  };
  visit(error);
  return codes;
}

/** Maps one code as seen at `stage`; `null` when the table does not know it. */
export function mapErrorCode(code: string, stage: ProbeStage): OutcomeCode | null {
  if (TLS_ALERT_CODE.test(code)) return 'TLS_ALERT';
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_OSSL_')) return 'TLS_PROTOCOL';
  const mapped = OUTCOME_BY_CODE[code];
  if (mapped === undefined) return null;
  if (stage === 'dns' && code === 'ECONNREFUSED') return 'DNS_UNREACHABLE';
  if (stage === 'proxy' && mapped === 'TCP_REFUSED') return 'PROXY_CONNECT_REFUSED';
  if (stage === 'tls' && code === 'EPROTO') return 'TLS_PROTOCOL';
  return mapped;
}

/** The outcome code for an error thrown at `stage`: the innermost known code wins. */
export function toOutcomeCode(error: unknown, stage: ProbeStage): OutcomeCode {
  const codes = findErrorCodes(error);
  for (let i = codes.length - 1; i >= 0; i -= 1) {
    const mapped = mapErrorCode(codes[i] as string, stage);
    if (mapped !== null) return mapped;
  }
  return 'PROBE_INTERNAL';
}
