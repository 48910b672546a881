import { buildGoEnvChange } from '../build-go-env-change.js';
import { buildPrivateModuleChange } from '../build-private-module-change.js';
import { describeFirewallRule, describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeSumdbUnreachablePlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop ?? 'https://sum.golang.org');
  const rule = describeFirewallRule(e, context.zone);
  const viaProxy = buildGoEnvChange('GOSUMDB', `sum.golang.org ${context.internalProxy ?? 'https://<internal-goproxy>'}/sumdb/sum.golang.org`, context.goEnv);
  return {
    meaning: `The checksum database at ${e.origin} cannot be reached (${context.evidence.split(':')[0] ?? 'network failure'}); the go command has no fallback and fails.`,
    likelyCauses: ['Egress to the checksum DB is not allowed from this zone (the GOPROXY is, so only verification fails)', 'A TLS-inspecting gateway whose CA is not trusted', 'An internal proxy that does not proxy /sumdb/'],
    fix: [
      `curl -sS -o /dev/null -w '%{http_code}\\n' ${e.origin}/lookup/${context.module}@${context.version ?? 'latest'}`,
      `Firewall request: ${rule}`,
      'Or reach the DB through a proxy that supports it (the key stays the same, so verification is unchanged):',
      ...viaProxy.apply,
      'For private modules only: GONOSUMDB/GOPRIVATE (never GOSUMDB=off for everything)',
    ],
    preChecks: [`nc -vz -w 5 ${e.host} ${e.port}`, 'go env GOSUMDB GONOSUMDB GOPRIVATE GOPROXY'],
    steps: [rule],
    rollback: [`Remove the rule: ${rule}`, ...viaProxy.rollback],
    owner: 'network team (firewall)',
  };
}

export function writeSumdbNotFoundPlaybook(context: PlaybookContext): PlaybookDraft {
  const priv = buildPrivateModuleChange(context, ['GONOSUMDB']);
  return {
    meaning: `The checksum database has no record of ${context.module}: a private module is being verified against the public DB.`,
    likelyCauses: ['GOPRIVATE/GONOSUMDB does not cover the module', 'GONOSUMDB is set explicitly and overrides GOPRIVATE'],
    fix: ['go env GOPRIVATE GONOSUMDB GOSUMDB', ...(priv.note ? [priv.note] : [`Exclude it from the public checksum DB (pattern ${priv.pattern}):`]), ...priv.apply],
    preChecks: ['go env GOPRIVATE GONOSUMDB GOSUMDB'],
    steps: priv.apply.length > 0 ? priv.apply : ['Align GONOSUMDB with GOPRIVATE'],
    rollback: priv.rollback.length > 0 ? priv.rollback : ['None needed'],
    owner: 'platform team (Go toolchain)',
  };
}
