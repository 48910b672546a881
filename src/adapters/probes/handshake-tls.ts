import { isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect, type ConnectionOptions, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { OutcomeCode, TlsObservation } from '../../ports/probe-runner.js';
import type { TlsSessionCache, TlsSessionEntry } from './create-tls-session-cache.js';
import { toOutcomeCode } from './to-outcome-code.js';

export interface TlsOptions {
  /** Built once per runner from the trust roots (tls.createSecureContext); null = Node's bundled store. */
  readonly secureContext: SecureContext | null;
  readonly insecureSkipVerify: boolean;
  readonly timeoutMs: number;
  /** Wall clock for the certificate validity check. */
  readonly wallClock: () => number;
  /**
   * Opt-in session resumption: offer the cached session for `key`, keep the newest session of a
   * verified handshake. Absent = a full handshake, and the observation carries no `resumed`.
   */
  readonly resumption?: { readonly cache: TlsSessionCache; readonly key: string };
}

export type TlsResult =
  | { readonly ok: true; readonly socket: TLSSocket; readonly observation: TlsObservation }
  | { readonly ok: false; readonly code: OutcomeCode; readonly detail: string; readonly observation: TlsObservation | null };

/** Go's pkix.Name.String order (RDNs reversed). */
const NAME_ORDER = ['CN', 'serialNumber', 'postalCode', 'street', 'ST', 'L', 'OU', 'O', 'C'];

/**
 * Runs the TLS handshake over `socket` without letting Node reject the certificate, records it,
 * then verifies it in Go's order (validity, then name, then chain; crypto/x509 `Verify`).
 * Rejects only when `signal` aborts.
 */
export function handshakeTls(socket: Socket, host: string, options: TlsOptions, signal?: AbortSignal): Promise<TlsResult> {
  return new Promise<TlsResult>((resolve, reject) => {
    signal?.throwIfAborted();
    let peerEnded = false;
    const onPeerEnd = (): void => { peerEnded = true; };
    socket.once('end', onPeerEnd);
    const connectOptions: ConnectionOptions = { socket, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] };
    if (isIP(host) === 0) connectOptions.servername = host;
    if (options.secureContext !== null) connectOptions.secureContext = options.secureContext;
    const resumption = options.resumption;
    const offered = resumption?.cache.get(resumption.key);
    if (offered !== undefined) connectOptions.session = offered.session;
    const tlsSocket = connect(connectOptions);
    // TLS 1.3 tickets arrive after 'secureConnect' (with the response); 1.2 sessions before it. A
    // session is kept only once its handshake passed verification, with the certificate it vouches for.
    // Only full handshakes listen: a session that resumes is kept until it stops resuming or ages out,
    // and Node serializes a session for every ticket only while someone listens.
    let vouched: PeerCertificate | null = null;
    let early: Buffer | null = null;
    const onSession = (session: Buffer): void => {
      if (vouched === null) early = session;
      else resumption?.cache.set(resumption.key, { session, certificate: vouched });
    };
    if (resumption !== undefined && offered === undefined) tlsSocket.on('session', onSession);

    const finish = (result: TlsResult | null, error?: unknown): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('end', onPeerEnd);
      tlsSocket.removeListener('secureConnect', onSecure);
      tlsSocket.removeListener('error', onError);
      if (result === null || !result.ok) tlsSocket.destroy();
      if (result === null) reject(error);
      else resolve(result);
    };
    const onSecure = (): void => {
      const resumed = tlsSocket.isSessionReused();
      const cert = readPeerCertificate(tlsSocket, resumed ? offered : undefined);
      const verdict = verifyCertificate(host, cert, tlsSocket.authorizationError, options.wallClock());
      const observation = observeCertificate(tlsSocket, cert, verdict, resumption === undefined ? undefined : resumed);
      if (resumption !== undefined) {
        if (verdict === null && !resumed) {
          vouched = cert;
          if (early !== null) resumption.cache.set(resumption.key, { session: early, certificate: cert });
          else if (offered !== undefined) {
            // The server declined the offered session (restarted, ticket expired): keep the tickets of this one.
            resumption.cache.delete(resumption.key);
            tlsSocket.on('session', onSession);
          }
        } else if (verdict !== null) {
          // Never offer again what no longer verifies (expired since, say): the next probe shakes hands in full.
          tlsSocket.removeListener('session', onSession);
          resumption.cache.delete(resumption.key);
        }
      }
      if (verdict === null || options.insecureSkipVerify) finish({ ok: true, socket: tlsSocket, observation });
      else finish({ ok: false, code: toOutcomeCode({ code: verdict.code }, 'tls'), detail: verdict.detail, observation });
    };
    const onError = (error: Error): void => {
      let code = toOutcomeCode(error, 'tls');
      // Node words a peer's FIN mid-handshake as ECONNRESET without a syscall; a real RST has `syscall: 'read'`.
      const fromSyscall = typeof (error as { syscall?: unknown }).syscall === 'string';
      if (code === 'TCP_RESET' && (peerEnded || !fromSyscall)) code = 'TCP_EOF';
      finish({ ok: false, code: code === 'PROBE_INTERNAL' ? 'TLS_PROTOCOL' : code, detail: describeHandshakeError(error, code), observation: null });
    };
    const onAbort = (): void => finish(null, signal?.reason);
    const timer = setTimeout(() => finish({ ok: false, code: 'TLS_HANDSHAKE_TIMEOUT', detail: 'net/http: TLS handshake timeout', observation: null }), options.timeoutMs);
    tlsSocket.once('secureConnect', onSecure);
    tlsSocket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface Verdict { readonly code: string; readonly detail: string }

function verifyCertificate(host: string, cert: PeerCertificate, chainError: Error | string | null | undefined, wallNow: number): Verdict | null {
  if (cert.raw === undefined) return { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', detail: 'tls: server sent no certificate' };
  const notBefore = Date.parse(cert.valid_from);
  const notAfter = Date.parse(cert.valid_to);
  const current = new Date(wallNow).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (wallNow > notAfter) {
    return { code: 'CERT_HAS_EXPIRED', detail: `x509: certificate has expired or is not yet valid: current time ${current} is after ${toGoTime(notAfter)}` };
  }
  if (wallNow < notBefore) {
    return { code: 'CERT_NOT_YET_VALID', detail: `x509: certificate has expired or is not yet valid: current time ${current} is before ${toGoTime(notBefore)}` };
  }
  const nameError = checkServerIdentity(host, cert);
  if (nameError !== undefined) return { code: 'ERR_TLS_CERT_ALTNAME_INVALID', detail: describeNameMismatch(host, cert) };
  if (chainError !== null && chainError !== undefined) {
    const code = typeof chainError === 'string' ? chainError : ((chainError as { code?: string }).code ?? chainError.message);
    return { code, detail: 'x509: certificate signed by unknown authority' };
  }
  return null;
}

/**
 * The peer's certificate; on a resumed handshake Node shows none (the session holds no chain for the
 * client), so it is the one recorded with the offered session, which the server just accepted.
 */
function readPeerCertificate(tlsSocket: TLSSocket, offered: TlsSessionEntry | undefined): PeerCertificate {
  const cert = tlsSocket.getPeerCertificate(false);
  return cert.raw === undefined && offered !== undefined ? offered.certificate : cert;
}

type CertificateFields = Pick<TlsObservation, 'subject' | 'issuer' | 'san' | 'validFrom' | 'validTo' | 'fingerprint256'>;

/** A recorded certificate is judged on every resumed handshake: its words are formed once. */
const describedCertificates = new WeakMap<PeerCertificate, CertificateFields>();

function describeCertificate(cert: PeerCertificate): CertificateFields {
  const known = describedCertificates.get(cert);
  if (known !== undefined) return known;
  const fields: CertificateFields = {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    san: listSubjectAltNames(cert),
    validFrom: toIso(cert.valid_from),
    validTo: toIso(cert.valid_to),
    fingerprint256: cert.fingerprint256 ?? '',
  };
  describedCertificates.set(cert, fields);
  return fields;
}

function observeCertificate(tlsSocket: TLSSocket, cert: PeerCertificate, verdict: Verdict | null, resumed: boolean | undefined): TlsObservation {
  return {
    protocol: tlsSocket.getProtocol(),
    ...describeCertificate(cert),
    authorized: verdict === null,
    authorizationError: verdict?.code ?? null,
    ...(resumed === undefined ? {} : { resumed }),
  };
}

function formatName(name: PeerCertificate['subject'] | undefined): string {
  if (name === undefined || name === null) return '';
  const fields = name as unknown as Record<string, string | string[] | undefined>;
  const keys = [...NAME_ORDER.filter((key) => key in fields), ...Object.keys(fields).filter((key) => !NAME_ORDER.includes(key))];
  return keys.flatMap((key) => {
    const value = fields[key];
    return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`);
  }).join(',');
}

function listSubjectAltNames(cert: PeerCertificate): string[] {
  if (cert.subjectaltname === undefined || cert.subjectaltname === '') return [];
  return cert.subjectaltname.split(', ').map((entry) => entry.replace(/^(?:DNS|IP Address|URI|email):/, ''));
}

function describeNameMismatch(host: string, cert: PeerCertificate): string {
  const sans = cert.subjectaltname === undefined ? [] : cert.subjectaltname.split(', ');
  if (isIP(host) !== 0) {
    const ips = sans.filter((s) => s.startsWith('IP Address:')).map((s) => s.slice('IP Address:'.length));
    if (ips.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    return `x509: certificate is valid for ${ips.join(', ')}, not ${host}`;
  }
  const names = sans.filter((s) => s.startsWith('DNS:')).map((s) => s.slice('DNS:'.length));
  if (names.length === 0) return 'x509: certificate relies on legacy Common Name field, use SANs instead';
  return `x509: certificate is valid for ${names.join(', ')}, not ${host}`;
}

function describeHandshakeError(error: Error, code: OutcomeCode): string {
  const raw = (error as { code?: unknown }).code;
  if (raw === 'ERR_SSL_WRONG_VERSION_NUMBER' || raw === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') return 'http: server gave HTTP response to HTTPS client';
  if (code === 'TLS_ALERT' && typeof raw === 'string') {
    return `remote error: tls: ${raw.replace(/^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_/, '').toLowerCase().replaceAll('_', ' ')}`;
  }
  if (code === 'TCP_EOF') return 'EOF';
  if (code === 'TCP_RESET') return 'read: connection reset by peer';
  return error.message;
}

function toIso(openSslDate: string): string {
  const ms = Date.parse(openSslDate);
  return Number.isNaN(ms) ? openSslDate : new Date(ms).toISOString();
}

/** Go prints certificate times as RFC 3339 in UTC without fractions. */
function toGoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
