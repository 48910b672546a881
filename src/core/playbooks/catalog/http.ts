import { buildGoEnvChange } from '../build-go-env-change.js';
import { describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import { prependInternalProxy } from '../prepend-internal-proxy.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeHttpStallPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const change = buildGoEnvChange('GOPROXY', prependInternalProxy(context.goEnv?.values.GOPROXY ?? null, context.internalProxy), context.goEnv);
  return {
    meaning: `${e.host} accepted the connection but sent no response in time; the go command itself would wait for ever (it has no response timeout).`,
    likelyCauses: ['An upstream fetch inside the proxy hangs (a caching proxy waiting on its own upstream)', 'A TLS-inspecting gateway holding the response for scanning', 'An overloaded or deadlocked proxy'],
    fix: [`curl -sS -m 30 -o /dev/null -w '%{http_code} ttfb=%{time_starttransfer}s\\n' ${e.origin}/`, `Check the proxy's own logs and upstream health for ${e.origin}`, 'Use "|" after this entry in GOPROXY only if falling through on any error is acceptable; or put a healthy caching proxy first:', ...change.apply],
    preChecks: [`curl -sS -m 30 -o /dev/null -w '%{http_code}\\n' ${e.origin}/`],
    steps: [`Restore responsiveness of ${e.origin} (restart / scale / fix its upstream)`],
    rollback: change.rollback,
    owner: 'platform team (GOPROXY service)',
  };
}

export function writeHttpRedirectLoopPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `Requests to ${e.origin} are redirected more than 10 times (the go command stops after 10).`,
    likelyCauses: ['An SSO / captive portal redirecting to itself for a client without cookies', 'http→https→http redirects between a load balancer and the backend', 'A proxy base URL without (or with an extra) trailing path'],
    fix: [`curl -sS -L --max-redirs 12 -o /dev/null -w '%{num_redirects} %{url_effective}\\n' ${e.origin}/`, `curl -sSI ${e.origin}/   # the first Location header`, 'Exempt module-download paths from the SSO portal, or fix the scheme/path redirect'],
    preChecks: [`curl -sSI ${e.origin}/`],
    steps: [`Remove the redirect loop on ${e.origin} for module paths (/…/@v/…)`],
    rollback: ['Restore the previous redirect / portal configuration'],
    owner: 'platform team (GOPROXY service)',
  };
}
