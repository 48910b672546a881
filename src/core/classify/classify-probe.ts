import type { HopRole } from '../diagnosis.js';
import type { GoVersion } from '../goenv/go-env.js';
import type { HttpProbeOutcome } from '../../ports/probe-runner.js';
import { formatServerResponse } from '../plan/format-server-response.js';
import { hopOf, redactUrl } from '../plan/go-url.js';
import { CLASS_BY_OUTCOME, classifyProxyStatus, isNotExistStatus } from './classify-outcome-code.js';
import type { FailureClass } from './failure-class.js';

/** The role a request plays, which decides how a failure is named (taxonomy: the wrapper names the role). */
export type ProbeRole = 'proxy' | 'sumdb' | 'discovery' | 'vcs';

export interface ProbeVerdict {
  /** `ok` when the request got a 200 (content is checked by the caller). */
  readonly cls: FailureClass;
  /** The class of the innermost cause (`tcp.timeout` under `sumdb.unreachable`), or null when it is `cls` itself. */
  readonly cause: FailureClass | null;
  /** Go's `fs.ErrNotExist`: the answer lets a comma list fall through. */
  readonly notExist: boolean;
  /** The go command would wait for ever here. */
  readonly hangs: boolean;
  readonly hop: string;
  readonly hopRole: HopRole;
  readonly evidence: string;
  /** The go command's text for this failure, before the module context is added (null: it prints nothing). */
  readonly goText: string | null;
}

export interface ClassifyContext {
  readonly role: ProbeRole;
  readonly goVersion: GoVersion;
  /** The time of the observation, ISO 8601 (for Go's certificate-expiry wording). */
  readonly observedAt: string;
  /** The HTTP(S) proxy the request went through, if any (credentials are removed before printing). */
  readonly proxyUrl: string | null;
}

const ROLE_OF: Readonly<Record<ProbeRole, HopRole>> = { proxy: 'proxy', sumdb: 'sumdb', discovery: 'vcs', vcs: 'vcs' };

/** Names what one probe saw, the way the go command would have met it. */
export function classifyProbe(outcome: HttpProbeOutcome, context: ClassifyContext): ProbeVerdict {
  const atProxy = outcome.stage === 'proxy' && context.proxyUrl !== null;
  const hop = atProxy && context.proxyUrl !== null ? hopOf(context.proxyUrl) : hopOf(outcome.url);
  const hopRole: HopRole = atProxy ? 'http-proxy' : ROLE_OF[context.role];

  if (outcome.ok && outcome.http !== null) {
    const { status } = outcome.http;
    if (status === 200) {
      return { cls: 'ok', cause: null, notExist: false, hangs: false, hop, hopRole, evidence: `200 ${outcome.http.statusText}`.trim(), goText: null };
    }
    const statusLine = `${status} ${outcome.http.statusText}`.trim();
    const goText = `reading ${redactUrl(outcome.url)}: ${statusLine}${formatServerResponse(outcome.http.headers['content-type'], outcome.http.bodyText)}`;
    const inner = classifyProxyStatus(status);
    const notExist = isNotExistStatus(status);
    const base = { notExist, hangs: false, hop, hopRole, goText };
    const evidence = `HTTP ${statusLine}`;
    switch (context.role) {
      case 'proxy':
        return { ...base, cls: inner, cause: null, evidence };
      case 'sumdb':
        return { ...base, cls: notExist ? 'sumdb.not_found' : 'sumdb.unreachable', cause: notExist ? null : inner, evidence };
      case 'discovery':
        return { ...base, cls: 'vcs.unrecognized_import_path', cause: inner, evidence };
      case 'vcs':
        return {
          ...base,
          cls: status === 401 || status === 403 ? 'vcs.auth_required' : notExist ? 'vcs.unknown_revision' : inner,
          cause: null,
          evidence,
        };
    }
  }

  if (outcome.code === 'PROXY_CONNECT_STATUS' && outcome.proxyConnect !== null) {
    const { status, statusText } = outcome.proxyConnect;
    const cls: FailureClass = status === 407 ? 'proxy.auth_required' : status === 403 ? 'proxy.forbidden' : status >= 500 ? 'proxy.server_error' : 'proxy.forbidden';
    return wrap(context, {
      cls, hop, hopRole: 'http-proxy', hangs: false,
      evidence: `HTTP proxy answered CONNECT with ${status} ${statusText}`.trim(),
      transport: statusText === '' ? 'unknown status code' : statusText,
      url: outcome.url,
    });
  }

  const cls: FailureClass = outcome.code === 'OK' || outcome.code === 'PROBE_INTERNAL' || outcome.code === 'PROXY_CONNECT_STATUS'
    ? 'proxy.bad_content'
    : CLASS_BY_OUTCOME[outcome.code];
  const hangs = cls === 'http.stall';
  return wrap(context, {
    cls, hop, hopRole, hangs,
    evidence: outcome.detail,
    transport: hangs ? null : transportText(outcome, context, atProxy),
    url: outcome.url,
    // net/http names the last request of a redirect chain by its Location header as sent.
    ...(outcome.code === 'HTTP_REDIRECT_LOOP' && outcome.http?.headers.location !== undefined ? { shownUrl: outcome.http.headers.location } : {}),
  });
}

interface Raw {
  readonly cls: FailureClass;
  readonly hop: string;
  readonly hopRole: HopRole;
  readonly hangs: boolean;
  readonly evidence: string;
  readonly transport: string | null;
  readonly url: string;
  /** The URL as the go command names it when it differs from the request's (a redirect's raw Location). */
  readonly shownUrl?: string;
}

function wrap(context: ClassifyContext, raw: Raw): ProbeVerdict {
  const goText = raw.transport === null ? null : `Get "${raw.shownUrl ?? redactUrl(raw.url, '***')}": ${raw.transport}`;
  const base = { notExist: false, hangs: raw.hangs, hop: raw.hop, hopRole: raw.hopRole, evidence: raw.evidence };
  if (raw.hopRole === 'http-proxy' || context.role === 'proxy' || context.role === 'vcs') {
    return { ...base, cls: raw.cls, cause: null, goText };
  }
  const outer: FailureClass = context.role === 'sumdb' ? 'sumdb.unreachable' : 'vcs.unrecognized_import_path';
  return { ...base, cls: outer, cause: raw.cls, goText: goText === null ? null : (context.role === 'discovery' ? `https fetch: ${goText}` : goText) };
}

/** The text after `Get "<URL>": ` that the go command prints for a transport failure. */
function transportText(outcome: HttpProbeOutcome, context: ClassifyContext, atProxy: boolean): string {
  const host = hostOf(outcome.url);
  const address = outcome.address ?? `${host}:443`;
  const verifyPrefix = context.goVersion.major > 1 || context.goVersion.minor >= 20 ? 'tls: failed to verify certificate: ' : '';
  const dnsHost = atProxy && context.proxyUrl !== null ? hostOf(context.proxyUrl) : host;
  const dial = (text: string): string => (atProxy ? `proxyconnect tcp: ${text}` : text);
  const lookup = /^(?:proxyconnect tcp: )?dial tcp: lookup \S+ on (\S+):/.exec(outcome.detail);
  if (lookup !== null && outcome.code.startsWith('DNS_')) {
    // The probe names the resolver it asked, as Go's resolver does: `lookup <host> on <server>: …`.
    const server = lookup[1] ?? '';
    if (outcome.code === 'DNS_TIMEOUT') return outcome.detail.replace(/: i\/o timeout$/, `: read udp <local>->${server}: i/o timeout`);
    if (outcome.code === 'DNS_UNREACHABLE') return outcome.detail.replace(/: read: connection refused$/, `: read udp <local>->${server}: read: connection refused`);
    return outcome.detail;
  }
  switch (outcome.code) {
    case 'DNS_NXDOMAIN': return dial(`dial tcp: lookup ${dnsHost}: no such host`);
    case 'DNS_SERVFAIL': return dial(`dial tcp: lookup ${dnsHost}: server misbehaving`);
    case 'DNS_TIMEOUT': return dial(`dial tcp: lookup ${dnsHost}: i/o timeout`);
    case 'DNS_UNREACHABLE': return dial(`dial tcp: lookup ${dnsHost}: read: connection refused`);
    case 'TCP_REFUSED':
    case 'PROXY_CONNECT_REFUSED': return dial(`dial tcp ${address}: connect: connection refused`);
    case 'TCP_TIMEOUT': return dial(`dial tcp ${address}: i/o timeout`);
    case 'TCP_UNREACHABLE': return dial(`dial tcp ${address}: connect: network is unreachable`);
    case 'TCP_RESET': return `read tcp <local>->${address}: read: connection reset by peer`;
    case 'TCP_EOF': return outcome.stage === 'body' ? 'unexpected EOF' : 'EOF';
    case 'TLS_UNKNOWN_AUTHORITY': return `${verifyPrefix}x509: certificate signed by unknown authority`;
    case 'TLS_EXPIRED':
    case 'TLS_NOT_YET_VALID': return `${verifyPrefix}${expiryText(outcome, context)}`;
    case 'TLS_HOSTNAME_MISMATCH': return `${verifyPrefix}${hostnameText(outcome, host)}`;
    case 'TLS_HANDSHAKE_TIMEOUT': return 'net/http: TLS handshake timeout';
    case 'TLS_PROTOCOL': return 'http: server gave HTTP response to HTTPS client';
    case 'TLS_ALERT': return 'remote error: tls: handshake failure';
    case 'HTTP_REDIRECT_LOOP': return 'stopped after 10 redirects';
    case 'PROXY_CONNECT_TIMEOUT': return 'context deadline exceeded';
    default: return outcome.detail;
  }
}

function expiryText(outcome: HttpProbeOutcome, context: ClassifyContext): string {
  const now = goTime(context.observedAt);
  const tls = outcome.tls;
  if (tls === null) return 'x509: certificate has expired or is not yet valid';
  if (outcome.code === 'TLS_NOT_YET_VALID') return `x509: certificate has expired or is not yet valid: current time ${now} is before ${goTime(tls.validFrom)}`;
  return `x509: certificate has expired or is not yet valid: current time ${now} is after ${goTime(tls.validTo)}`;
}

function hostnameText(outcome: HttpProbeOutcome, host: string): string {
  const names = outcome.tls?.san ?? [];
  const isIp = /^[0-9.]+$/.test(host) || host.includes(':');
  const ipSans = names.filter((n) => n.startsWith('IP Address:')).map((n) => n.slice('IP Address:'.length));
  const dnsSans = names.filter((n) => n.startsWith('DNS:')).map((n) => n.slice('DNS:'.length));
  if (isIp && ipSans.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
  if (isIp) return `x509: certificate is valid for ${ipSans.join(', ')}, not ${host}`;
  if (dnsSans.length === 0) return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${dnsSans.join(', ')}, not ${host}`;
}

/** Go's time.Time String in UTC as x509 prints it: `2026-11-24T05:19:17Z`. */
function goTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return url;
  }
}
