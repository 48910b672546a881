import type { PlaybookContext } from '../playbook-context.js';
import { describeTarget } from './describe-target.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeChecksumMismatchPlaybook(context: PlaybookContext): PlaybookDraft {
  const target = describeTarget(context);
  return {
    meaning: `The bits downloaded for ${target} differ from go.sum or the checksum database (${context.evidence}). Treat it as a possible supply-chain attack until proven otherwise.`,
    likelyCauses: ['A tag was moved (force-pushed) after the first download: the origin changed history', 'A proxy or mirror serving modified content', 'A corrupted local module cache', 'An attacker intercepting downloads'],
    fix: [
      'Do NOT delete the go.sum line, run `go mod tidy` to "fix" it, or set GONOSUMDB/GOSUMDB=off',
      'Freeze deployments that build this module; keep the failing build output',
      `cd "$(mktemp -d)" && go mod init verify && go mod download -json ${target}   # in a clean module: the h1: served now, checked against the checksum DB`,
      `Compare hashes across proxies: GOPROXY=https://proxy.golang.org go mod download -json ${target}; GOPROXY=direct go mod download -json ${target}`,
      'go clean -modcache only after the evidence is saved, and only if a local cache corruption is proven',
    ],
    preChecks: ['Save the full go output, go.sum and `go env` of the failing build', 'Identify every build that fetched this version since the change'],
    steps: ['Open a security incident (P0)', 'Establish which hash is genuine with the module owners (signed tags, repository history)', 'Purge the bad copy from internal proxies/mirrors'],
    rollback: ['Restore the proxy/mirror content from the last known-good snapshot', 'Revert go.sum only to the hash the module owners confirm'],
    owner: 'security team (supply chain) with the platform team',
  };
}
