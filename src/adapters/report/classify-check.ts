import { CLASS_BY_OUTCOME, classifyProxyStatus } from '../../core/classify/classify-outcome-code.js';
import type { FailureClass } from '../../core/classify/failure-class.js';
import type { CheckRole } from '../../core/report/check-result.js';
import type { HttpProbeOutcome } from '../../ports/probe-runner.js';

/**
 * The class of one report check, named as the go command would name it at that hop: a checksum-DB
 * failure is `sumdb.*` (the network cause goes in the evidence), a VCS host's 401/403 wants credentials.
 */
export function classifyCheck(outcome: HttpProbeOutcome, role: CheckRole): FailureClass {
  if (outcome.ok && outcome.http !== null) {
    const status = outcome.http.status;
    if (status === 200) return 'ok';
    if (role === 'sumdb') return status === 404 || status === 410 ? 'sumdb.not_found' : 'sumdb.unreachable';
    if (role === 'vcs') return status === 401 || status === 403 ? 'vcs.auth_required' : 'vcs.unrecognized_import_path';
    return classifyProxyStatus(status);
  }
  if (role === 'sumdb') return 'sumdb.unreachable';
  if (outcome.code === 'OK' || outcome.code === 'PROBE_INTERNAL') return 'proxy.bad_content';
  if (outcome.code === 'PROXY_CONNECT_STATUS') {
    const status = outcome.proxyConnect?.status ?? 0;
    return status === 407 ? 'proxy.auth_required' : status >= 500 ? 'proxy.server_error' : 'proxy.forbidden';
  }
  return CLASS_BY_OUTCOME[outcome.code];
}

/** Words for the evidence line: the status line or the probe's detail (never credentials). */
export function describeOutcome(outcome: HttpProbeOutcome): string {
  if (outcome.http !== null) return `HTTP ${outcome.http.status} ${outcome.http.statusText}`.trim();
  return `${outcome.code}: ${outcome.detail}`;
}
