import type { FailureClass } from '../classify/failure-class.js';
import type { GoErrorCause } from './go-error-cause.js';
import { extractOrigin, inferStepFromUrl } from './extract-origin.js';
import { DIAL, DNS, PROXYCONNECT, TRANSPORT, X509 } from './match-go-error.js';

interface InnerCause {
  readonly class: FailureClass;
  readonly fact: string;
}

/** CONNECT refusals carry only the proxy's reason phrase (§6.5): map the phrase back to a code. */
const CONNECT_PHRASES: Readonly<Record<string, FailureClass>> = {
  'Proxy Authentication Required': 'proxy.auth_required',
  Unauthorized: 'proxy.auth_required',
  Forbidden: 'proxy.forbidden',
  'Not Found': 'proxy.forbidden',
  'Too Many Requests': 'proxy.rate_limited',
  'Internal Server Error': 'proxy.server_error',
  'Bad Gateway': 'proxy.server_error',
  'Service Unavailable': 'proxy.server_error',
  'Gateway Timeout': 'proxy.server_error',
  'unknown status code': 'proxy.server_error',
};

/** `Get "<URL>": <reason phrase>` and nothing else: a CONNECT answered with a non-200 status. */
const CONNECT_REFUSAL = /\b(?:Get|Head) "?([^"\s]+)"?: ([A-Za-z][A-Za-z' -]*)$/m;

function classifyX509(reason: string): FailureClass {
  if (reason.startsWith('certificate has expired') || reason.includes('is not yet valid')) return 'tls.expired';
  if (reason.startsWith('certificate is valid for') || reason.includes("doesn't contain any IP SANs")
    || reason.includes('not valid for any names') || reason.includes('legacy Common Name')) return 'tls.hostname_mismatch';
  return 'tls.unknown_authority';
}

function classifyDnsReason(reason: string): FailureClass {
  if (reason.includes('no such host')) return 'dns.nxdomain';
  if (reason.includes('server misbehaving')) return 'dns.servfail';
  if (reason.includes('connection refused') || reason.includes('network is unreachable')) return 'dns.unreachable';
  return 'dns.timeout';
}

/** The whole line that holds `index`, trimmed: the fact quoted as evidence. */
function extractLineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}

/** The innermost transport-level cause in a piece of go output: DNS, TCP, TLS, redirects, stalls. */
function classifyInnerCause(text: string): InnerCause | null {
  // Each matcher is guarded by a cheap substring test: most blocks skip most regular expressions.
  if (text.includes('x509: ')) {
    const x509 = X509.exec(text);
    if (x509?.[1]) return { class: classifyX509(x509[1]), fact: x509[0] };
  }
  if (text.includes('tls') || text.includes('TLS') || text.includes('HTTPS client')) {
    if (text.includes('TLS handshake timeout')) return { class: 'tls.handshake_timeout', fact: 'net/http: TLS handshake timeout' };
    const protocol = /server gave HTTP response to HTTPS client|first record does not look like a TLS handshake|remote error: tls: [^\n]+|tls: [a-z][^\n]*/.exec(text);
    if (protocol) return { class: 'tls.protocol_error', fact: protocol[0] };
  }
  if (text.includes('lookup ') || text.includes('no such host')) {
    const dns = DNS.exec(text);
    if (dns?.[3] !== undefined) return { class: classifyDnsReason(dns[3]), fact: dns[0] };
    const noHost = /lookup \S+: no such host|no such host/.exec(text);
    if (noHost) return { class: 'dns.nxdomain', fact: noHost[0] };
  }
  if (text.includes('dial tcp')) {
    if (text.includes('dial tcp: i/o timeout')) return { class: 'dns.timeout', fact: 'dial tcp: i/o timeout (the dial deadline was spent resolving)' };
    const dial = DIAL.exec(text);
    if (dial?.[3] !== undefined) return { class: dial[3] === 'connection refused' ? 'tcp.refused' : 'tcp.timeout', fact: dial[0] };
  }
  if (text.includes('connectex: ')) {
    if (text.includes('connectex: No connection could be made')) return { class: 'tcp.refused', fact: 'connectex: the target machine actively refused it' };
    if (text.includes('connectex: A connection attempt failed')) return { class: 'tcp.timeout', fact: 'connectex: the connected party did not respond' };
  }
  if (text.includes('EOF') || text.includes('reset by peer') || text.includes('forcibly closed') || text.includes('broken pipe')) {
    const reset = /connection reset by peer|forcibly closed by the remote host|broken pipe|(?:^|: )(?:unexpected )?EOF$/m.exec(text);
    if (reset) return { class: 'tcp.reset', fact: extractLineAround(text, reset.index) };
  }
  if (text.includes('redirects')) {
    const redirects = /stopped after \d+ redirects/.exec(text);
    if (redirects) return { class: 'http.redirect_loop', fact: redirects[0] };
  }
  if (text.includes('timeout') || text.includes('Timeout') || text.includes('deadline')) {
    const stall = /timeout awaiting response headers|Client\.Timeout exceeded[^\n]*|context deadline exceeded/.exec(text);
    if (stall) return { class: 'http.stall', fact: stall[0] };
  }
  return null;
}

/** The hop a proxyconnect error names: the HTTP proxy's address when the dial shows it. */
function findProxyHop(cause: string): string | null {
  const dial = DIAL.exec(cause);
  if (dial?.[1] && dial[2]) return `http://${dial[1]}:${dial[2]}`;
  const dns = DNS.exec(cause);
  return dns?.[1] ? `http://${dns[1]}` : null;
}

/**
 * Classifies a network failure in one error block, naming the hop from the `Get "<URL>"` it
 * wraps, or the HTTP proxy for `proxyconnect tcp:` and CONNECT reason phrases.
 */
export function classifyNetworkCause(text: string): GoErrorCause | null {
  const transport = text.includes('Get ') || text.includes('Head ') || text.includes('read "') || text.includes('Post ') ? TRANSPORT.exec(text) : null;
  const url = transport?.[1] ?? null;
  const cause = transport?.[2] ?? text;
  const targetHop = url === null ? null : extractOrigin(url);
  const step = url === null ? null : inferStepFromUrl(url);
  const proxyConnect = cause.includes('proxyconnect') ? PROXYCONNECT.exec(cause) : null;
  const inner = classifyInnerCause(proxyConnect?.[1] ?? cause) ?? (transport ? null : classifyInnerCause(text));
  if (proxyConnect) {
    const proxyHop = findProxyHop(proxyConnect[1] ?? '');
    const fact = inner?.fact ?? (proxyConnect[1] ?? '').trim();
    return { class: inner?.class ?? 'tcp.reset', hop: proxyHop, step, evidence: `at the HTTP proxy (HTTPS_PROXY) on the way to ${targetHop ?? 'the hop'}: ${fact}` };
  }
  if (inner) return { class: inner.class, hop: targetHop, step, evidence: inner.fact };
  const refusal = text.includes('Get ') || text.includes('Head ') ? CONNECT_REFUSAL.exec(text) : null;
  const phrase = refusal?.[2];
  const phraseClass = phrase === undefined ? undefined : CONNECT_PHRASES[phrase];
  if (refusal?.[1] && phrase !== undefined && phraseClass) {
    const target = extractOrigin(refusal[1]) ?? 'the hop';
    return { class: phraseClass, hop: null, step: inferStepFromUrl(refusal[1]), evidence: `the HTTP proxy (HTTPS_PROXY) refused CONNECT to ${target}: ${phrase}` };
  }
  return null;
}
