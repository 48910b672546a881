import { classFamily, classTitle, defaultSeverity, type ClassFamily, type FailureClass } from '../classify/failure-class.js';
import { writeChecksumMismatchPlaybook } from './catalog/checksum-mismatch.js';
import { writeConfigGoproxyOffPlaybook, writeConfigInvalidPlaybook } from './catalog/config.js';
import { writeGosumMissingPlaybook, writeToolchainUnavailablePlaybook, writeVendorInconsistentPlaybook } from './catalog/build-state.js';
import { writeDnsNxdomainPlaybook, writeDnsServfailPlaybook, writeDnsTimeoutPlaybook, writeDnsUnreachablePlaybook } from './catalog/dns.js';
import { writeHttpRedirectLoopPlaybook, writeHttpStallPlaybook } from './catalog/http.js';
import { writeInputInvalidModulePathPlaybook, writeInputInvalidVersionPlaybook, writeOkPlaybook } from './catalog/input.js';
import { writeModuleGonePlaybook, writeModuleNotFoundPlaybook } from './catalog/module.js';
import type { PlaybookWriter } from './catalog/playbook-draft.js';
import { writeProxyAuthRequiredPlaybook, writeProxyBadContentPlaybook, writeProxyForbiddenPlaybook, writeProxyRateLimitedPlaybook, writeProxyServerErrorPlaybook } from './catalog/proxy.js';
import { writeSumdbNotFoundPlaybook, writeSumdbUnreachablePlaybook } from './catalog/sumdb.js';
import { writeTcpRefusedPlaybook, writeTcpResetPlaybook, writeTcpTimeoutPlaybook } from './catalog/tcp.js';
import { writeTlsExpiredPlaybook, writeTlsHandshakeTimeoutPlaybook, writeTlsHostnameMismatchPlaybook, writeTlsProtocolErrorPlaybook, writeTlsUnknownAuthorityPlaybook } from './catalog/tls.js';
import { writeVcsAuthRequiredPlaybook, writeVcsUnknownRevisionPlaybook, writeVcsUnrecognizedImportPathPlaybook } from './catalog/vcs.js';
import type { PlaybookContext } from './playbook-context.js';
import type { Playbook } from './playbook.js';

const WRITERS: Readonly<Record<FailureClass, PlaybookWriter>> = {
  ok: writeOkPlaybook,
  'dns.nxdomain': writeDnsNxdomainPlaybook,
  'dns.servfail': writeDnsServfailPlaybook,
  'dns.timeout': writeDnsTimeoutPlaybook,
  'dns.unreachable': writeDnsUnreachablePlaybook,
  'tcp.refused': writeTcpRefusedPlaybook,
  'tcp.timeout': writeTcpTimeoutPlaybook,
  'tcp.reset': writeTcpResetPlaybook,
  'tls.unknown_authority': writeTlsUnknownAuthorityPlaybook,
  'tls.expired': writeTlsExpiredPlaybook,
  'tls.hostname_mismatch': writeTlsHostnameMismatchPlaybook,
  'tls.handshake_timeout': writeTlsHandshakeTimeoutPlaybook,
  'tls.protocol_error': writeTlsProtocolErrorPlaybook,
  'http.stall': writeHttpStallPlaybook,
  'http.redirect_loop': writeHttpRedirectLoopPlaybook,
  'proxy.auth_required': writeProxyAuthRequiredPlaybook,
  'proxy.forbidden': writeProxyForbiddenPlaybook,
  'module.not_found': writeModuleNotFoundPlaybook,
  'module.gone': writeModuleGonePlaybook,
  'proxy.server_error': writeProxyServerErrorPlaybook,
  'proxy.rate_limited': writeProxyRateLimitedPlaybook,
  'proxy.bad_content': writeProxyBadContentPlaybook,
  'sumdb.unreachable': writeSumdbUnreachablePlaybook,
  'sumdb.not_found': writeSumdbNotFoundPlaybook,
  'checksum.mismatch': writeChecksumMismatchPlaybook,
  'config.goproxy_off': writeConfigGoproxyOffPlaybook,
  'config.invalid': writeConfigInvalidPlaybook,
  'gosum.missing': writeGosumMissingPlaybook,
  'toolchain.unavailable': writeToolchainUnavailablePlaybook,
  'vcs.auth_required': writeVcsAuthRequiredPlaybook,
  'vcs.unrecognized_import_path': writeVcsUnrecognizedImportPathPlaybook,
  'vcs.unknown_revision': writeVcsUnknownRevisionPlaybook,
  'input.invalid_module_path': writeInputInvalidModulePathPlaybook,
  'input.invalid_version': writeInputInvalidVersionPlaybook,
  'vendor.inconsistent': writeVendorInconsistentPlaybook,
};

const OWNER_BY_FAMILY: Readonly<Record<ClassFamily, string>> = {
  ok: 'nobody',
  dns: 'network team (DNS)',
  tcp: 'network team (firewall)',
  tls: 'security team (PKI / TLS inspection)',
  http: 'platform team (GOPROXY service)',
  proxy: 'platform team (GOPROXY service)',
  module: 'platform team (Go toolchain)',
  sumdb: 'network team (firewall)',
  checksum: 'security team (supply chain)',
  config: 'platform team (Go toolchain)',
  gosum: 'module owners',
  toolchain: 'platform team (Go toolchain)',
  vcs: 'platform team (source control)',
  input: 'the requester',
  vendor: 'module owners',
};

function selectWindow(cls: FailureClass): string {
  const severity = defaultSeverity(cls);
  if (severity === 'P0') return 'emergency change, immediately (security incident)';
  if (severity === 'P1') return 'emergency change, as soon as approved (builds are blocked)';
  if (severity === null) return 'none';
  return 'standard change, business hours';
}

function describeImpact(cls: FailureClass, context: PlaybookContext): string {
  if (cls === 'ok') return 'None.';
  const via = context.hop ? ` via ${context.hop}` : '';
  return `go commands in zone "${context.zone}" cannot fetch ${context.module}${context.version ? `@${context.version}` : ''}${via} (${cls}, ${defaultSeverity(cls) ?? '—'}); every build that needs it fails until the change is made.`;
}

/** The playbook for a class, computed from the observed module, hop and Go environment. */
export function selectPlaybook(cls: FailureClass, context: PlaybookContext): Playbook {
  const draft = WRITERS[cls](context);
  const title = `${cls}: ${classTitle(cls)}`;
  return {
    class: cls,
    title,
    meaning: draft.meaning,
    likelyCauses: draft.likelyCauses,
    fix: draft.fix,
    changeRequest: {
      title: `[${zoneLabel(context)}] ${classTitle(cls)}${context.hop ? ` — ${context.hop}` : ''} (${context.module})`,
      impact: describeImpact(cls, context),
      preChecks: draft.preChecks,
      steps: draft.steps,
      verification: cls === 'ok' ? [context.diagnoseCommand] : [context.diagnoseCommand, 'expected: verdict ok, class ok (exit status 0)'],
      rollback: draft.rollback,
      owner: draft.owner ?? OWNER_BY_FAMILY[classFamily(cls)],
      window: selectWindow(cls),
    },
    rollback: draft.rollback,
  };
}

function zoneLabel(context: PlaybookContext): string {
  return `zone ${context.zone}`;
}
