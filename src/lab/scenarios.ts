import type { FailureClass } from '../core/classify/failure-class.js';
import { buildLabModules, escapeLabModulePath, formatGoSumLines } from './lab-modules.js';
import type { Lab } from './start-lab.js';

/**
 * One lab case: the Go environment that makes the go command hit one fault (or succeed where a naive
 * tool would raise an alarm). The catalogue every consumer uses: demo, conformance tests, the
 * recorder of real go output, benchmarks.
 */
export interface LabScenario {
  readonly id: string;
  readonly title: string;
  readonly module: string;
  /** null means `@latest`. */
  readonly version: string | null;
  /** The Go variables for this case (added to a clean sandbox environment). Never reaches beyond loopback. */
  env(lab: Lab): Record<string, string>;
  /** go.sum of the main module the go command runs in (honest hashes, e.g. for the tampered zip). */
  readonly goSum?: string;
  readonly expectedClass: FailureClass;
  /** Uses lab host names: needs the lab DNS responder as the resolver and the lab on port 443. */
  readonly needsNames: boolean;
  /** The go command would wait for ever (stalls): run it with a deadline. */
  readonly goHangs?: boolean;
  /** The go command itself takes this long to give up (its own timeouts: 30 s connect, 10 s TLS, DNS retries). */
  readonly goSlowMs?: number;
  readonly demo?: boolean;
}

const HELLO = 'corp.example/hello';
const PRIVATE = 'corp.example/private';
const VANITY_PRIVATE = 'vanity.corp.example/private';

/** `<base>/<fault>`: one GOPROXY entry of the lab. */
function proxy(base: string, fault: string): string {
  return `${base}/${fault}`;
}

/** The variables every scenario sets: trust the lab CA, nothing else implicit. */
function withTrust(lab: Lab, env: Record<string, string>): Record<string, string> {
  return { SSL_CERT_FILE: lab.caFile, GOSUMDB: 'off', ...env };
}

/** A GOSUMDB that names the lab database but points at a closed port (fails if it is ever consulted). */
function unreachableSumdb(lab: Lab): string {
  return `${lab.sumdb.verifierKey} ${lab.refusedUrl.replace(/^https:/, 'http:')}`;
}

/** The lab's checksum DB, reached through the GOPROXY's `/sumdb/` (as with sum.golang.org). */
function labSumdb(lab: Lab): string {
  return lab.sumdb.verifierKey;
}

/** The lab's module bytes are deterministic, so honest go.sum lines are known without a running lab. */
function honestGoSum(module: string, version: string): string {
  const v = buildLabModules().get(escapeLabModulePath(module))?.versions.find((candidate) => candidate.version === version);
  if (v === undefined) throw new Error(`lab: no module ${module}@${version}`);
  return formatGoSumLines(v);
}

function simple(id: string, title: string, expectedClass: FailureClass, env: (lab: Lab) => Record<string, string>, extra: Partial<LabScenario> = {}): LabScenario {
  return { id, title, module: HELLO, version: 'v1.0.0', env: (lab) => withTrust(lab, env(lab)), expectedClass, needsNames: false, ...extra };
}

const FAILING: readonly LabScenario[] = [
  simple('dns-nxdomain', 'GOPROXY host name does not exist', 'dns.nxdomain',
    () => ({ GOPROXY: 'https://nxdomain.corp.example/ok' }), { needsNames: true }),
  simple('dns-servfail', 'Resolver answers SERVFAIL for the GOPROXY host', 'dns.servfail',
    () => ({ GOPROXY: 'https://servfail.corp.example/ok' }), { needsNames: true }),
  simple('dns-timeout', 'Resolver never answers for the GOPROXY host', 'dns.timeout',
    () => ({ GOPROXY: 'https://silent.corp.example/ok' }), { needsNames: true, goSlowMs: 10_000 }),
  simple('tcp-refused', 'GOPROXY port refuses connections', 'tcp.refused',
    (lab) => ({ GOPROXY: proxy(lab.refusedUrl, 'ok') })),
  simple('tcp-blackhole', 'Firewall drops the connection to the GOPROXY (black hole)', 'tcp.timeout',
    (lab) => ({ GOPROXY: proxy(lab.blackholeUrl, 'ok') }), { demo: true, goSlowMs: 30_000 }),
  simple('tcp-reset', 'Connection reset right after connect (SNI filter)', 'tcp.reset',
    (lab) => ({ GOPROXY: proxy(lab.resetUrl, 'ok') })),
  simple('tcp-truncated-zip', 'Zip download cut in the middle', 'tcp.reset',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'truncate') })),
  simple('tls-unknown-authority', 'Untrusted TLS-inspecting gateway certificate', 'tls.unknown_authority',
    (lab) => ({ GOPROXY: proxy(lab.urls.unknownAuthority, 'ok') }), { demo: true }),
  simple('tls-expired', 'GOPROXY certificate expired', 'tls.expired',
    (lab) => ({ GOPROXY: proxy(lab.urls.expired, 'ok') })),
  simple('tls-hostname-mismatch', 'GOPROXY certificate names another host', 'tls.hostname_mismatch',
    (lab) => ({ GOPROXY: proxy(lab.urls.wrongName, 'ok') })),
  simple('tls-handshake-timeout', 'TCP connects, TLS handshake never finishes', 'tls.handshake_timeout',
    (lab) => ({ GOPROXY: proxy(lab.tlsStallUrl, 'ok') }), { goSlowMs: 10_000 }),
  simple('tls-protocol-error', 'https:// GOPROXY pointing at a plain-HTTP port', 'tls.protocol_error',
    (lab) => ({ GOPROXY: proxy(lab.protocolErrorUrl, 'ok') })),
  simple('http-stall', 'GOPROXY accepts the request and never answers', 'http.stall',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'stall-headers') }), { demo: true, goHangs: true }),
  simple('http-stall-body', 'GOPROXY sends the zip headers, then nothing', 'http.stall',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'stall-body-on-zip') }), { goHangs: true }),
  simple('http-redirect-loop', 'GOPROXY redirects to itself', 'http.redirect_loop',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'redirect-loop') })),
  simple('proxy-401', 'GOPROXY wants credentials (no .netrc entry)', 'proxy.auth_required',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'auth') })),
  // Go never sends loopback traffic through HTTPS_PROXY, so the GOPROXY is named; the CONNECT proxy resolves it.
  simple('proxy-407', 'HTTPS_PROXY wants credentials (407 on CONNECT)', 'proxy.auth_required',
    (lab) => ({ GOPROXY: 'https://goproxy.corp.example/ok', HTTPS_PROXY: lab.connectProxy.auth })),
  simple('proxy-403', 'GOPROXY blocks the module by policy', 'proxy.forbidden',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 's403') })),
  simple('proxy-connect-403', 'HTTPS_PROXY forbids the GOPROXY host (403 on CONNECT)', 'proxy.forbidden',
    (lab) => ({ GOPROXY: 'https://goproxy.corp.example/ok', HTTPS_PROXY: lab.connectProxy.forbid })),
  simple('proxy-500', 'GOPROXY answers 500', 'proxy.server_error',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 's500') })),
  simple('proxy-502-comma', 'First GOPROXY answers 502: a comma list does not fall through', 'proxy.server_error',
    (lab) => ({ GOPROXY: `${proxy(lab.urls.trusted, 's502')},${proxy(lab.urls.trusted, 'ok')}` })),
  simple('proxy-429', 'GOPROXY rate-limits the client', 'proxy.rate_limited',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 's429') })),
  simple('proxy-html', 'GOPROXY answers with an SSO login page', 'proxy.bad_content',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'html') })),
  simple('proxy-other-version', 'GOPROXY answers .info for another version', 'proxy.bad_content',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'other-version') })),
  simple('proxy-not-zip', 'GOPROXY serves a .zip that is not a zip', 'proxy.bad_content',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'not-zip') })),
  simple('module-not-found', 'Module not on the GOPROXY (404 on @v/list)', 'module.not_found',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 's404') }), { version: null }),
  simple('module-gone', 'GOPROXY answers 410 Gone', 'module.gone',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 's410') })),
  simple('module-private-on-public-proxy', 'Private module asked of a public proxy (410 with the proxy\'s git error)', 'module.gone',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'private410') }), { module: PRIVATE, demo: true }),
  simple('sumdb-unreachable', 'Checksum database unreachable', 'sumdb.unreachable',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOSUMDB: unreachableSumdb(lab) })),
  simple('sumdb-not-found', 'Private module looked up in the checksum database (GOPRIVATE missing)', 'sumdb.not_found',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOSUMDB: labSumdb(lab) }), { module: PRIVATE }),
  simple('checksum-mismatch-gosum', 'Mirror serves a tampered zip (differs from go.sum)', 'checksum.mismatch',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'tampered') }), { goSum: honestGoSum(HELLO, 'v1.0.0'), demo: true }),
  simple('checksum-mismatch-sumdb', 'Mirror serves a tampered zip (differs from the checksum database)', 'checksum.mismatch',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'tampered'), GOSUMDB: labSumdb(lab) })),
  simple('config-goproxy-off', 'GOPROXY=off', 'config.goproxy_off', () => ({ GOPROXY: 'off' })),
  simple('config-invalid', 'GOPROXY list with no entries (",")', 'config.invalid', () => ({ GOPROXY: ',' })),
  simple('vcs-auth-required', 'Private git repository wants credentials (direct mode)', 'vcs.auth_required',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOPRIVATE: 'vanity.corp.example', GIT_SSL_CAINFO: lab.caFile }),
    { module: 'vanity.corp.example/secret', needsNames: true }),
  simple('vcs-no-meta', 'Discovery page without a go-import tag (direct mode)', 'vcs.unrecognized_import_path',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOPRIVATE: 'vanity.corp.example' }),
    { module: 'vanity.corp.example/nometa', needsNames: true }),
  simple('vcs-discovery-expired', 'Discovery host certificate expired (direct mode, no GOINSECURE)', 'vcs.unrecognized_import_path',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOPRIVATE: 'expired.corp.example' }),
    { module: 'expired.corp.example/legacy', needsNames: true }),
  simple('input-invalid-module-path', 'Upper-case host in the module path', 'input.invalid_module_path',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok') }), { module: 'Corp.example/hello' }),
  simple('input-invalid-version', 'v1 version for a /v2 module path', 'input.invalid_version',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok') }), { module: 'corp.example/hello/v2' }),
];

const HEALTHY: readonly LabScenario[] = [
  simple('ok-healthy', 'Healthy GOPROXY with the checksum database through it', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOSUMDB: labSumdb(lab) })),
  simple('ok-latest', 'Healthy GOPROXY, @latest', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOSUMDB: labSumdb(lab) }), { version: null }),
  simple('ok-comma-404', 'First GOPROXY answers 404, the comma list falls through to a healthy one', 'ok',
    (lab) => ({ GOPROXY: `${proxy(lab.urls.trusted, 's404')},${proxy(lab.urls.trusted, 'ok')}`, GOSUMDB: labSumdb(lab) }), { demo: true }),
  simple('ok-comma-410', 'First GOPROXY answers 410, the comma list falls through', 'ok',
    (lab) => ({ GOPROXY: `${proxy(lab.urls.trusted, 's410')},${proxy(lab.urls.trusted, 'ok')}`, GOSUMDB: labSumdb(lab) })),
  simple('ok-pipe-500', 'First GOPROXY answers 500, the pipe list falls through', 'ok',
    (lab) => ({ GOPROXY: `${proxy(lab.urls.trusted, 's500')}|${proxy(lab.urls.trusted, 'ok')}`, GOSUMDB: labSumdb(lab) })),
  simple('ok-pipe-refused', 'First GOPROXY refuses, the pipe list falls through', 'ok',
    (lab) => ({ GOPROXY: `${proxy(lab.refusedUrl, 'ok')}|${proxy(lab.urls.trusted, 'ok')}`, GOSUMDB: labSumdb(lab) })),
  simple('ok-userinfo-credentials', 'GOPROXY wants credentials and the URL carries them', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted.replace('https://', `https://${lab.credentials.user}:${lab.credentials.password}@`), 'auth') })),
  simple('ok-connect-proxy', 'GOPROXY reached through an HTTPS_PROXY tunnel', 'ok',
    (lab) => ({ GOPROXY: 'https://goproxy.corp.example/ok', HTTPS_PROXY: lab.connectProxy.pass })),
  simple('ok-goprivate-direct', 'GOPRIVATE module fetched directly (discovery), the public proxy would say 410', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'private410'), GOPRIVATE: 'vanity.corp.example', GOSUMDB: unreachableSumdb(lab) }),
    { module: VANITY_PRIVATE, needsNames: true }),
  simple('ok-gonoproxy-none', 'GOPRIVATE module through the proxy (GONOPROXY=none), no checksum DB', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOPRIVATE: PRIVATE, GONOPROXY: 'none', GOSUMDB: unreachableSumdb(lab) }),
    { module: PRIVATE }),
  simple('ok-gonosumdb', 'Checksum DB unreachable, but GONOSUMDB covers the module', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GONOSUMDB: 'corp.example', GOSUMDB: unreachableSumdb(lab) })),
  simple('ok-goproxy-off-private', 'GOPROXY=off, but the GOPRIVATE module is fetched directly', 'ok',
    (lab) => ({ GOPROXY: 'off', GOPRIVATE: 'vanity.corp.example', GOSUMDB: unreachableSumdb(lab) }),
    { module: VANITY_PRIVATE, needsNames: true }),
  simple('ok-case-encoded', 'Module path with upper-case letters (case-encoded URLs)', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOSUMDB: labSumdb(lab) }), { module: 'corp.example/BigCorp/Lib' }),
  simple('ok-http-goproxy', 'GOPROXY over plain http', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.http, 'ok'), GOSUMDB: labSumdb(lab) })),
  simple('ok-goinsecure', 'GOINSECURE lets discovery pass an expired certificate', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok'), GOPRIVATE: 'expired.corp.example', GOINSECURE: 'expired.corp.example' }),
    { module: 'expired.corp.example/legacy', needsNames: true }),
  simple('ok-gosum-honest', 'go.sum already vouches for the bits the proxy serves', 'ok',
    (lab) => ({ GOPROXY: proxy(lab.urls.trusted, 'ok') }), { goSum: honestGoSum(HELLO, 'v1.0.0') }),
];

/** Every lab scenario: failing cases first, then the healthy ones a naive tool would flag. */
export const LAB_SCENARIOS: readonly LabScenario[] = [...FAILING, ...HEALTHY];

/** Finds a scenario by id (undefined when there is none). */
export function findLabScenario(id: string): LabScenario | undefined {
  return LAB_SCENARIOS.find((s) => s.id === id);
}
