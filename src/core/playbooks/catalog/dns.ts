import { describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import type { PlaybookDraft } from './playbook-draft.js';

function resolverChecks(host: string): string[] {
  return [
    `getent hosts ${host}   # what the go command's resolver path returns on this host`,
    `dig +time=2 +tries=1 ${host} A ${host} AAAA   # from a build host in the failing zone`,
    'cat /etc/resolv.conf   # which resolvers the host uses (pure-Go resolver reads it too)',
  ];
}

export function writeDnsNxdomainPlaybook(context: PlaybookContext): PlaybookDraft {
  const { host } = describeHopEndpoint(context.hop);
  return {
    meaning: `The host name ${host} does not exist for the resolver the build host uses (NXDOMAIN): the go command cannot even start the request.`,
    likelyCauses: [
      `A typo or an outdated host in GOPROXY, GOSUMDB, HTTPS_PROXY or a go-import meta tag (${host})`,
      'Split-horizon DNS: the name exists only in the internal (or only in the public) view, and this zone asks the other one',
      'An internal zone or record was removed or not yet delegated',
    ],
    fix: [
      ...resolverChecks(host),
      'If the name is wrong, correct the setting that carries it (go env GOPROXY GOSUMDB; env | grep -i _proxy)',
      `If the name should exist internally, ask the DNS team to add the record for ${host} in the view this zone uses`,
    ],
    preChecks: [`Confirm from another zone that ${host} resolves there (split-horizon check)`, ...resolverChecks(host).slice(0, 1)],
    steps: [`Create or fix the DNS record for ${host} in the resolver view used by zone "${context.zone}"`, 'Flush caches on the resolvers (negative answers are cached for the SOA minimum TTL)'],
    rollback: [`Remove the record added for ${host} (or restore the previous zone file revision)`],
    owner: 'network team (DNS)',
  };
}

export function writeDnsServfailPlaybook(context: PlaybookContext): PlaybookDraft {
  const { host } = describeHopEndpoint(context.hop);
  return {
    meaning: `The resolver answers with a failure (SERVFAIL or REFUSED, printed as "server misbehaving") for ${host}.`,
    likelyCauses: ['Broken DNSSEC or delegation for the zone', 'The resolver cannot reach the authoritative servers (egress blocked for DNS)', 'A conditional forwarder for the internal zone points at a dead server'],
    fix: [...resolverChecks(host), `dig +trace ${host}   # where the chain breaks`, `dig @<another-resolver> ${host}   # compare with a second resolver`],
    preChecks: resolverChecks(host),
    steps: [`Repair the delegation / forwarder that serves ${host} for zone "${context.zone}"`, 'Verify the answer from every resolver in /etc/resolv.conf'],
    rollback: ['Restore the previous forwarder / delegation configuration'],
    owner: 'network team (DNS)',
  };
}

export function writeDnsTimeoutPlaybook(context: PlaybookContext): PlaybookDraft {
  const { host } = describeHopEndpoint(context.hop);
  return {
    meaning: `The resolver did not answer in time for ${host}; the go command's 30 s dial budget may be spent resolving.`,
    likelyCauses: ['The resolver is overloaded or its upstream is slow', 'UDP/TCP 53 to the resolver is dropped by a firewall', 'A long resolver list in /etc/resolv.conf whose first entries are dead'],
    fix: [...resolverChecks(host), 'Remove dead resolvers from /etc/resolv.conf or the DHCP options of the zone'],
    preChecks: resolverChecks(host),
    steps: [`Restore a responsive resolver for zone "${context.zone}" (allow UDP and TCP 53 to it)`],
    rollback: ['Restore the previous resolver list / firewall rule'],
    owner: 'network team (DNS)',
  };
}

export function writeDnsUnreachablePlaybook(context: PlaybookContext): PlaybookDraft {
  const endpoint = describeHopEndpoint(context.hop);
  return {
    meaning: 'The resolver itself cannot be reached (its port refuses: "read udp …: connection refused"): no name resolves at all.',
    likelyCauses: ['No DNS service on the address in /etc/resolv.conf (a stopped local stub such as systemd-resolved or dnsmasq)', 'A container or CI runner with a resolv.conf copied from elsewhere'],
    fix: ['cat /etc/resolv.conf', 'systemctl status systemd-resolved   # when the nameserver is 127.0.0.53', `dig ${endpoint.host}   # must answer once the resolver is back`],
    preChecks: ['cat /etc/resolv.conf'],
    steps: [`Start the resolver or point zone "${context.zone}" hosts at a working resolver`],
    rollback: ['Restore the previous /etc/resolv.conf (or DHCP option)'],
    owner: 'network team (DNS)',
  };
}

