/**
 * The failure classes of `shared/taxonomy.md`: a public contract (CLI JSON, Slack, metrics, dedup keys).
 * Add a class only with a row in the taxonomy and a playbook; never rename one.
 */
export type Severity = 'P0' | 'P1' | 'P2' | 'P3';

/** Where in the go command's path the class lives; used for wording and for P0 patterns. */
export type ClassFamily = 'ok' | 'dns' | 'tcp' | 'tls' | 'http' | 'proxy' | 'module' | 'sumdb' | 'checksum' | 'config' | 'gosum' | 'toolchain' | 'vcs' | 'input' | 'vendor';

interface ClassInfo {
  readonly family: ClassFamily;
  readonly severity: Severity | null;
  readonly title: string;
}

export const FAILURE_CLASSES = {
  ok: { family: 'ok', severity: null, title: 'The go command would succeed' },
  'dns.nxdomain': { family: 'dns', severity: 'P2', title: 'Host name does not exist' },
  'dns.servfail': { family: 'dns', severity: 'P1', title: 'DNS server answers with a failure' },
  'dns.timeout': { family: 'dns', severity: 'P1', title: 'DNS server does not answer in time' },
  'dns.unreachable': { family: 'dns', severity: 'P1', title: 'DNS server cannot be reached' },
  'tcp.refused': { family: 'tcp', severity: 'P1', title: 'Connection refused' },
  'tcp.timeout': { family: 'tcp', severity: 'P1', title: 'Connection attempt times out (firewall drop or black hole)' },
  'tcp.reset': { family: 'tcp', severity: 'P1', title: 'Connection reset or cut' },
  'tls.unknown_authority': { family: 'tls', severity: 'P1', title: 'Certificate signed by an unknown authority' },
  'tls.expired': { family: 'tls', severity: 'P1', title: 'Certificate expired or not yet valid' },
  'tls.hostname_mismatch': { family: 'tls', severity: 'P1', title: 'Certificate does not name the host' },
  'tls.handshake_timeout': { family: 'tls', severity: 'P1', title: 'TLS handshake does not finish' },
  'tls.protocol_error': { family: 'tls', severity: 'P2', title: 'The two ends do not speak TLS to each other' },
  'http.stall': { family: 'http', severity: 'P1', title: 'Connected, but no response (the go command would hang)' },
  'http.redirect_loop': { family: 'http', severity: 'P2', title: 'Too many redirects' },
  'proxy.auth_required': { family: 'proxy', severity: 'P2', title: 'Credentials missing or wrong' },
  'proxy.forbidden': { family: 'proxy', severity: 'P2', title: 'Forbidden by policy' },
  'module.not_found': { family: 'module', severity: 'P3', title: 'Module or version not found' },
  'module.gone': { family: 'module', severity: 'P3', title: 'Proxy will not serve the module (410 Gone)' },
  'proxy.server_error': { family: 'proxy', severity: 'P1', title: 'GOPROXY server error (5xx)' },
  'proxy.rate_limited': { family: 'proxy', severity: 'P2', title: 'GOPROXY rate limit (429)' },
  'proxy.bad_content': { family: 'proxy', severity: 'P1', title: 'GOPROXY answered 200 with content that is not what the protocol promises' },
  'sumdb.unreachable': { family: 'sumdb', severity: 'P1', title: 'Checksum database cannot be reached' },
  'sumdb.not_found': { family: 'sumdb', severity: 'P2', title: 'Checksum database has no record (private module?)' },
  'checksum.mismatch': { family: 'checksum', severity: 'P0', title: 'Downloaded bits differ from go.sum or the checksum database' },
  'config.goproxy_off': { family: 'config', severity: 'P3', title: 'GOPROXY=off forbids the lookup' },
  'config.invalid': { family: 'config', severity: 'P3', title: 'A Go setting makes the go command refuse before any request' },
  'gosum.missing': { family: 'gosum', severity: 'P3', title: 'go.sum lacks an entry the build needs' },
  'toolchain.unavailable': { family: 'toolchain', severity: 'P2', title: 'Go toolchain download not available' },
  'vcs.auth_required': { family: 'vcs', severity: 'P2', title: 'Version control wants credentials' },
  'vcs.unrecognized_import_path': { family: 'vcs', severity: 'P2', title: 'go-get discovery fails (unrecognized import path)' },
  'vcs.unknown_revision': { family: 'vcs', severity: 'P3', title: 'Version or revision does not exist in the repository' },
  'input.invalid_module_path': { family: 'input', severity: 'P3', title: 'Module path breaks Go\'s rules' },
  'input.invalid_version': { family: 'input', severity: 'P3', title: 'Not a valid semantic or pseudo version' },
  'vendor.inconsistent': { family: 'vendor', severity: 'P3', title: 'Vendor tree does not match go.mod' },
} as const satisfies Record<string, ClassInfo>;

export type FailureClass = keyof typeof FAILURE_CLASSES;

export const ALL_FAILURE_CLASSES = Object.keys(FAILURE_CLASSES) as readonly FailureClass[];

export function isFailureClass(value: string): value is FailureClass {
  return Object.hasOwn(FAILURE_CLASSES, value);
}

/** Default severity of a single finding of this class (`null` for `ok`). */
export function defaultSeverity(cls: FailureClass): Severity | null {
  return FAILURE_CLASSES[cls].severity;
}

export function classTitle(cls: FailureClass): string {
  return FAILURE_CLASSES[cls].title;
}

export function classFamily(cls: FailureClass): ClassFamily {
  return FAILURE_CLASSES[cls].family;
}
