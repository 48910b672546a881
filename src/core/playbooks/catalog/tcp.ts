import { buildGoEnvChange } from '../build-go-env-change.js';
import { describeFirewallRule, describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import { prependInternalProxy } from '../prepend-internal-proxy.js';
import type { PlaybookDraft } from './playbook-draft.js';

function connectChecks(context: PlaybookContext): string[] {
  const e = describeHopEndpoint(context.hop);
  return [
    `nc -vz -w 5 ${e.host} ${e.port}   # from a build host in zone "${context.zone}"`,
    `curl -sS -o /dev/null -w '%{http_code} %{time_connect}s\\n' --connect-timeout 10 ${e.origin}/`,
    'env | grep -i _proxy   # is an HTTP proxy expected on this path?',
  ];
}

/** Egress fixes shared by refused and timed-out connections: firewall first, internal proxy as the lasting remedy. */
function egressFix(context: PlaybookContext): { fix: string[]; steps: string[]; rollback: string[] } {
  const e = describeHopEndpoint(context.hop);
  const goproxy = prependInternalProxy(context.goEnv?.values.GOPROXY ?? null, context.internalProxy);
  const change = buildGoEnvChange('GOPROXY', goproxy, context.goEnv);
  const rule = describeFirewallRule(e, context.zone);
  return {
    fix: [
      ...connectChecks(context),
      `Firewall request: ${rule}`,
      'Or route module downloads through the internal caching proxy (no direct egress needed):',
      ...change.apply,
    ],
    steps: [rule, 'Re-run the verification from a build host in the zone'],
    rollback: [`Remove the rule: ${rule}`, ...change.rollback],
  };
}

export function writeTcpRefusedPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const egress = egressFix(context);
  return {
    meaning: `${e.host} port ${e.port} actively refuses the connection (RST): nothing listens there, or a firewall rejects it.`,
    likelyCauses: [`The service behind ${e.origin} is down or listens on another port`, 'A firewall or security group REJECTs the port', 'A wrong port in GOPROXY / GOSUMDB / HTTPS_PROXY'],
    fix: egress.fix,
    preChecks: connectChecks(context),
    steps: [`Check the service behind ${e.origin} is running and listening on port ${e.port}`, ...egress.steps],
    rollback: egress.rollback,
  };
}

export function writeTcpTimeoutPlaybook(context: PlaybookContext): PlaybookDraft {
  const egress = egressFix(context);
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `The connection attempt to ${e.host} port ${e.port} gets no answer (the go command gives up after 30 s): packets are dropped on the way.`,
    likelyCauses: ['An egress firewall DROPs the traffic (no rule for this FQDN/port from this zone)', 'No route from the zone (network is unreachable / no route to host)', 'The hop is only reachable through an HTTP proxy that HTTPS_PROXY does not name'],
    fix: egress.fix,
    preChecks: connectChecks(context),
    steps: egress.steps,
    rollback: egress.rollback,
  };
}

export function writeTcpResetPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `The connection to ${e.host} was cut (reset, or closed before the answer was complete).`,
    likelyCauses: [`An SNI filter / IPS resets connections whose SNI is ${e.sni ?? e.host}`, 'A load balancer or proxy with a short idle or body-size limit', 'The server crashed or restarted mid-response'],
    fix: [
      ...connectChecks(context),
      `openssl s_client -connect ${e.host}:${e.port} -servername ${e.sni ?? e.host} </dev/null   # reset during the handshake points at an SNI filter`,
      `Ask the security team whether ${e.sni ?? e.host} is on an SNI/URL block list for zone "${context.zone}"`,
    ],
    preChecks: connectChecks(context).slice(0, 2),
    steps: [`Allow ${e.sni ?? e.host}:${e.port} in the filtering policy (or raise the proxy's body/idle limits for module zips)`],
    rollback: ['Restore the previous filtering policy revision'],
  };
}
