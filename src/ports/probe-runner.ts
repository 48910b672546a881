import type { PhaseTimings } from '../core/diagnosis.js';

/**
 * What a probe observed, as plain JSON-safe data (it crosses BullMQ). A refused connection or an
 * expired certificate is a successful observation, not an exception.
 */
export type OutcomeCode =
  | 'OK'
  | 'DNS_NXDOMAIN' | 'DNS_SERVFAIL' | 'DNS_TIMEOUT' | 'DNS_UNREACHABLE'
  | 'TCP_REFUSED' | 'TCP_TIMEOUT' | 'TCP_RESET' | 'TCP_EOF' | 'TCP_UNREACHABLE'
  | 'PROXY_CONNECT_REFUSED' | 'PROXY_CONNECT_STATUS' | 'PROXY_CONNECT_TIMEOUT'
  | 'TLS_UNKNOWN_AUTHORITY' | 'TLS_EXPIRED' | 'TLS_NOT_YET_VALID' | 'TLS_HOSTNAME_MISMATCH'
  | 'TLS_HANDSHAKE_TIMEOUT' | 'TLS_PROTOCOL' | 'TLS_ALERT'
  | 'HTTP_HEADERS_TIMEOUT' | 'HTTP_BODY_TIMEOUT' | 'HTTP_BODY_TOO_LARGE' | 'HTTP_PROTOCOL'
  | 'HTTP_REDIRECT_LOOP' | 'HTTP_REDIRECT_BLOCKED' | 'HTTP_REDIRECT_INSECURE'
  | 'PROBE_INTERNAL';

export type ProbeStage = 'dns' | 'connect' | 'proxy' | 'tls' | 'http' | 'body' | 'done';

/** What the caller wants checked in the body. */
export type BodyExpectation =
  | 'none'        // status and headers only (the body is drained up to the cap)
  | 'text'        // keep up to `maxBodyBytes` as text (version list, .mod, lookups, discovery pages)
  | 'zip-h1';     // stream the zip, compute the module's `h1:` dirhash; never keep it in memory

export interface ProbeBudget {
  readonly dnsMs: number;
  readonly connectMs: number;
  readonly proxyMs: number;
  readonly tlsMs: number;
  /** From the request being sent to the first response byte. */
  readonly ttfbMs: number;
  /** The longest silence while the body arrives (a slow but moving download is not a stall). */
  readonly bodyMs: number;
}

export interface HttpProbeRequest {
  readonly url: string;
  readonly expect: BodyExpectation;
  readonly maxBodyBytes: number;
  /** For `zip-h1`: the prefix every zip entry must carry (`<module>@<version>/`). */
  readonly zipPrefix?: string;
  /** Basic credentials (from `.netrc` or URL userinfo). Never logged, never echoed back. */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** The HTTP(S)_PROXY the go command would use for this URL, or null for a direct connection. */
  readonly proxy: { readonly url: string } | null;
  /** GOINSECURE direct fetches skip certificate checks (the go command's 5 s insecure client). */
  readonly insecureSkipVerify: boolean;
  /** Hosts (`host:port`, lower case) a redirect may go to; anything else stops the probe. */
  readonly redirectAllow: readonly string[];
  readonly maxRedirects: number;
  readonly budget: ProbeBudget;
}

export interface TlsObservation {
  readonly protocol: string | null;
  readonly subject: string;
  readonly issuer: string;
  readonly san: readonly string[];
  readonly validFrom: string;   // ISO 8601
  readonly validTo: string;     // ISO 8601
  readonly fingerprint256: string;
  readonly authorized: boolean;
  readonly authorizationError: string | null;
  /**
   * Whether the handshake resumed a cached session (the certificate fields are then the ones seen on
   * the full handshake that session came from). Only set by runners with session resumption turned on.
   */
  readonly resumed?: boolean;
}

export interface HttpObservation {
  readonly status: number;
  /** The reason phrase as the server sent it (the go command prints it verbatim). */
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyBytes: number;
  /** Up to `maxBodyBytes` of the body as text (for `text`), else absent. */
  readonly bodyText?: string;
  readonly bodyTruncated: boolean;
  /** For `zip-h1` on a 200: the dirhash, or why the body is not a module zip. */
  readonly h1?: string;
  readonly zipError?: string;
}

export interface HttpProbeOutcome {
  readonly url: string;
  readonly ok: boolean;
  readonly stage: ProbeStage;
  readonly code: OutcomeCode;
  /** Words for the evidence line; never contains credentials. */
  readonly detail: string;
  /** `ip:port` actually connected to (or tried last). */
  readonly address: string | null;
  readonly tls: TlsObservation | null;
  readonly proxyConnect: { readonly status: number; readonly statusText: string } | null;
  readonly http: HttpObservation | null;
  /** Redirects followed, in order (redacted URLs). */
  readonly redirects: readonly string[];
  readonly timings: PhaseTimings;
}

/** The port the diagnosis engine probes through; the real adapter and test labs implement it. */
export interface ProbeRunner {
  fetch(request: HttpProbeRequest, signal?: AbortSignal): Promise<HttpProbeOutcome>;
}
