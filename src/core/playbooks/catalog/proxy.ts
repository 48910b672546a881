import { buildGoEnvChange } from '../build-go-env-change.js';
import { buildPrivateModuleChange } from '../build-private-module-change.js';
import { describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import { prependInternalProxy } from '../prepend-internal-proxy.js';
import { describeTarget } from './describe-target.js';
import type { PlaybookDraft } from './playbook-draft.js';

function probeUrl(context: PlaybookContext): string {
  const e = describeHopEndpoint(context.hop);
  return `curl -sS -o /dev/null -w '%{http_code} %{content_type}\\n' ${e.origin}/${context.module}/@v/list`;
}

export function writeProxyAuthRequiredPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const viaHttpProxy = /HTTP proxy|407|Proxy Authentication Required/.test(context.evidence);
  if (viaHttpProxy) {
    return {
      meaning: 'The HTTP proxy (HTTPS_PROXY / HTTP_PROXY) demands credentials (407) before it tunnels the request.',
      likelyCauses: ['HTTPS_PROXY has no userinfo, or the proxy password changed', 'The proxy expects NTLM/Kerberos, which the go command cannot do'],
      fix: ['env | grep -i _proxy   # (the value holds a password: do not paste it anywhere)', 'export HTTPS_PROXY=http://<user>:<token>@<proxy-host>:<port>   # Basic auth only; take the token from the secret store', 'Or ask for an authentication exemption for build hosts, or use an internal GOPROXY that needs no egress proxy'],
      preChecks: ['curl -sS -o /dev/null -w "%{http_code}\\n" -x "$HTTPS_PROXY" https://proxy.golang.org/   # 407 confirms'],
      steps: [`Provision proxy credentials (or an exemption) for build hosts in zone "${context.zone}"`],
      rollback: ['Restore the previous HTTPS_PROXY value from the CI secret store'],
      owner: 'network team (egress proxy)',
    };
  }
  return {
    meaning: `${e.origin} answered 401: the GOPROXY wants credentials the go command did not send (or sent wrong ones).`,
    likelyCauses: [`No ~/.netrc entry for ${e.host} (or $NETRC points elsewhere); Go matches .netrc on the host name only`, 'An expired or revoked token', 'Credentials in the GOPROXY URL userinfo are overridden by a .netrc entry for the same host'],
    fix: [
      `Add to ~/.netrc (mode 600) — the token comes from your secret store: machine ${e.host} login <user> password <token>`,
      'chmod 600 ~/.netrc',
      `On Go ≥ 1.24 check GOAUTH (default netrc): go env GOAUTH`,
      probeUrl(context).replace('curl -sS', 'curl -sS --netrc'),
    ],
    preChecks: [probeUrl(context), `grep -c "machine ${e.host}" ~/.netrc`],
    steps: [`Issue a read-only token for ${e.host} to the build identity of zone "${context.zone}" and install it as a .netrc entry / CI secret`],
    rollback: [`Remove the machine ${e.host} entry from ~/.netrc (or the CI secret) and revoke the token`],
    owner: 'platform team (GOPROXY service)',
  };
}

export function writeProxyForbiddenPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const priv = buildPrivateModuleChange(context, ['GONOPROXY']);
  return {
    meaning: `${e.origin} refuses ${describeTarget(context)} (403): a policy blocks this module or this client.`,
    likelyCauses: ['A repository-manager policy (licence, vulnerability or allow-list) blocks the artifact', 'The client IP or identity is not allowed', 'A private module requested from a proxy that may not serve it (GOPRIVATE/GONOPROXY missing)', 'An egress proxy blocking CONNECT to this host'],
    fix: [probeUrl(context), 'Read the `server response` line: repository managers name the policy there', `Ask the proxy owners to allow ${describeTarget(context)}, or, for a private module, bypass the proxy:`, ...priv.apply],
    preChecks: [probeUrl(context)],
    steps: [`Allow-list ${describeTarget(context)} in the policy of ${e.origin}, or exempt it as private (${priv.pattern})`],
    rollback: ['Remove the allow-list entry', ...priv.rollback],
    owner: 'platform team (GOPROXY service)',
  };
}

export function writeProxyServerErrorPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const change = buildGoEnvChange('GOPROXY', prependInternalProxy(context.goEnv?.values.GOPROXY ?? null, context.internalProxy), context.goEnv);
  return {
    meaning: `${e.origin} failed with a 5xx; with a "," list the go command does not fall through on it.`,
    likelyCauses: ['The proxy cannot reach its own upstream (often named in the `server response`)', 'Storage or capacity problems on the proxy', 'A gateway in front of the proxy (502/504)'],
    fix: [probeUrl(context), `Check the health and logs of ${e.origin} and its upstream`, 'Short-term: put a healthy caching proxy first, or use "|" so that errors fall through:', ...change.apply],
    preChecks: [probeUrl(context)],
    steps: [`Restore ${e.origin} (upstream connectivity, storage, capacity)`],
    rollback: change.rollback,
    owner: 'platform team (GOPROXY service)',
  };
}

export function writeProxyRateLimitedPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const change = buildGoEnvChange('GOPROXY', prependInternalProxy(context.goEnv?.values.GOPROXY ?? null, context.internalProxy), context.goEnv);
  return {
    meaning: `${e.origin} answered 429: this client (often a whole NAT'd CI fleet) is over its rate limit.`,
    likelyCauses: ['Many CI jobs downloading the same modules without a shared cache', 'A shared egress IP counted as one client', 'Cold module caches (GOMODCACHE not persisted between jobs)'],
    fix: [probeUrl(context), 'Persist GOMODCACHE between CI jobs (cache key: go.sum hash)', 'Route downloads through the internal caching proxy:', ...change.apply],
    preChecks: [probeUrl(context)],
    steps: ['Introduce or scale the internal caching proxy and point CI at it'],
    rollback: change.rollback,
    owner: 'platform team (CI / GOPROXY service)',
  };
}

export function writeProxyBadContentPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `${e.origin} answered 200 with a body that is not what the GOPROXY protocol promises (HTML, a corrupt zip, an .info that is not JSON).`,
    likelyCauses: ['An SSO login or captive-portal page served instead of the file', 'A misconfigured mirror serving an index page for unknown paths', 'A truncated or rewritten zip from a caching layer'],
    fix: [`curl -sS -D - ${e.origin}/${context.module}/@v/${context.version ?? 'list'}${context.version ? '.info' : ''} | head -20   # look for text/html`, 'Exempt module paths from the portal/SSO, or fix the mirror routing', `Clear the broken cache entry on the proxy, then: go clean -modcache   # only the local copy`],
    preChecks: [`curl -sS -D - -o /dev/null ${e.origin}/`],
    steps: [`Make ${e.origin} serve GOPROXY-protocol content for module paths (no portal, no index pages)`],
    rollback: ['Restore the previous portal / mirror configuration'],
    owner: 'platform team (GOPROXY service)',
  };
}
