import { describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import type { PlaybookDraft } from './playbook-draft.js';

function showCertificate(context: PlaybookContext): string {
  const e = describeHopEndpoint(context.hop);
  return `openssl s_client -connect ${e.host}:${e.port} -servername ${e.sni ?? e.host} -showcerts </dev/null | openssl x509 -noout -issuer -subject -dates -ext subjectAltName`;
}

function describeSeenCertificate(context: PlaybookContext): string[] {
  const tls = context.tls;
  if (!tls) return [];
  return [`Seen certificate: subject ${tls.subject}; issuer ${tls.issuer}; valid to ${tls.validTo}; SAN ${tls.san.join(', ') || '(none)'}`];
}

export function writeTlsUnknownAuthorityPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `The certificate chain presented for ${e.host} does not verify against the trust roots the go command uses.`,
    likelyCauses: [
      'A TLS-inspecting gateway re-signs traffic with a corporate CA that this host or container does not trust',
      'A private CA on the internal GOPROXY / git server, not installed on the build image',
      'SSL_CERT_FILE points at a bundle that lacks the CA (it replaces the system list) or at a missing file',
      'The server sends an incomplete chain (missing intermediate)',
    ],
    fix: [
      showCertificate(context),
      ...describeSeenCertificate(context),
      'Install the corporate CA into the system store: cp corp-root-ca.pem /usr/local/share/ca-certificates/corp-root-ca.crt && update-ca-certificates',
      'Or point Go at a bundle holding the system roots AND the corporate CA: export SSL_CERT_FILE=/etc/ssl/certs/ca-bundle-with-corp.pem',
      'If the server omits an intermediate, fix the chain on the server instead',
      'Never set GOINSECURE or GOSUMDB=off to silence this: it disables verification for everyone',
    ],
    preChecks: [showCertificate(context), 'go env GOROOT; echo "$SSL_CERT_FILE $SSL_CERT_DIR"   # which trust roots are in play'],
    steps: [`Add the issuing CA of ${e.host} to the build image trust store for zone "${context.zone}" (or add ${e.sni ?? e.host} to the inspection bypass list)`],
    rollback: ['Remove the added CA file and run update-ca-certificates (or unset SSL_CERT_FILE)', 'Remove the inspection bypass entry, if one was added'],
    owner: 'security team (PKI / TLS inspection)',
  };
}

export function writeTlsExpiredPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `The certificate of ${e.host} is expired or not yet valid, as judged by this host's clock.`,
    likelyCauses: ['The certificate was not renewed (or the renewal was not deployed to every node)', 'The build host clock is wrong (check NTP)', 'A gateway still serves an old certificate'],
    fix: [showCertificate(context), ...describeSeenCertificate(context), 'date -u; timedatectl status   # the client clock', `Renew and deploy the certificate for ${e.host} on every node behind ${e.origin}`],
    preChecks: [showCertificate(context), 'timedatectl status'],
    steps: [`Deploy a renewed certificate for ${e.host} (all nodes, all load balancers)`],
    rollback: ['Redeploy the previous certificate and key (only if the new one breaks clients)'],
    owner: 'owner of the hop service (certificate renewal)',
  };
}

export function writeTlsHostnameMismatchPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `The certificate presented does not name ${e.host} (or the hop is an IP literal without an IP SAN).`,
    likelyCauses: ['GOPROXY/GOSUMDB uses an alias or IP that the certificate does not list', 'A shared load balancer serves the default certificate because SNI does not match a configured name', 'A legacy CN-only certificate (Go requires SANs)'],
    fix: [showCertificate(context), ...describeSeenCertificate(context), `Use the name the certificate lists in the setting, or reissue the certificate with SAN DNS:${e.host}`],
    preChecks: [showCertificate(context)],
    steps: [`Reissue the certificate for ${e.origin} with ${e.host} in subjectAltName, or change the setting to a listed name`],
    rollback: ['Redeploy the previous certificate / restore the previous setting value'],
    owner: 'owner of the hop service (certificate)',
  };
}

export function writeTlsHandshakeTimeoutPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `TCP connects to ${e.host}:${e.port} but the TLS handshake does not finish within the go command's 10 s.`,
    likelyCauses: ['A TLS-inspecting gateway or IPS stalls the ClientHello for this SNI', 'An MTU/fragmentation problem drops the large certificate flight', 'An overloaded TLS terminator'],
    fix: [`time openssl s_client -connect ${e.host}:${e.port} -servername ${e.sni ?? e.host} </dev/null`, 'ping -M do -s 1400 <gateway>   # path MTU check', `Ask the network/security team to inspect the gateway for SNI ${e.sni ?? e.host}`],
    preChecks: [`nc -vz -w 5 ${e.host} ${e.port}`],
    steps: [`Remove the stall on the TLS path to ${e.host} (gateway policy, MTU, or terminator capacity)`],
    rollback: ['Restore the previous gateway policy revision'],
    owner: 'network team (gateway / TLS inspection)',
  };
}

export function writeTlsProtocolErrorPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `The two ends do not speak TLS to each other at ${e.host}:${e.port}: HTTPS sent to a plain-HTTP port (or the reverse), or a TLS alert.`,
    likelyCauses: ['GOPROXY names https:// on a plain-http port, or http:// on the TLS port', 'HTTPS_PROXY=https://… names a proxy that speaks plain HTTP (use http://)', 'The server refuses every TLS version / cipher the go command offers'],
    fix: ['go env GOPROXY GOSUMDB; env | grep -i _proxy   # look for a scheme/port mismatch', `curl -v ${e.origin}/ 2>&1 | head -20`, 'Correct the scheme or the port in the setting that names this hop'],
    preChecks: ['go env GOPROXY GOSUMDB'],
    steps: ['Change the hop URL to the scheme the port actually serves'],
    rollback: ['Restore the previous setting value'],
    owner: 'platform team (Go toolchain)',
  };
}
