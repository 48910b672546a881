import { buildGoEnvChange, redactUserinfo } from '../build-go-env-change.js';
import type { PlaybookContext } from '../playbook-context.js';
import { prependInternalProxy } from '../prepend-internal-proxy.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeConfigGoproxyOffPlaybook(context: PlaybookContext): PlaybookDraft {
  const current = redactUserinfo(context.goEnv?.values.GOPROXY ?? 'off');
  const next = context.internalProxy ? prependInternalProxy('off', context.internalProxy) : 'https://proxy.golang.org,direct';
  const change = buildGoEnvChange('GOPROXY', next, context.goEnv);
  return {
    meaning: 'GOPROXY=off forbids every module lookup: only what is already in the module cache (or vendor/) can be used.',
    likelyCauses: ['A deliberate offline/air-gapped setting, and the module is not in the cache or vendor/', `A leftover GOPROXY=${current} from a debugging session`, 'The cache lacks go.sum hashes and the checksum DB lookup failed (re-run with -x: the real failure shows only there)'],
    fix: [
      `GOFLAGS=-x go mod download -json ${context.module}${context.version ? `@${context.version}` : ''} 2>&1 | grep '# get'   # a hidden sumdb failure shows here`,
      'If the build must stay offline: vendor the dependencies where the network is allowed (go mod vendor) and build with -mod=vendor',
      'Otherwise allow lookups again:',
      ...change.apply,
    ],
    preChecks: ['go env GOPROXY GOFLAGS'],
    steps: change.apply,
    rollback: change.rollback,
    owner: 'platform team (Go toolchain)',
  };
}

export function writeConfigInvalidPlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: `A Go setting makes the go command refuse before any request: ${context.evidence}.`,
    likelyCauses: ['A malformed GOPROXY (missing scheme, empty list) or GOSUMDB (unknown key/name)', 'GOVCS forbidding the VCS a module needs', 'Credentials in an http:// GOPROXY URL (refused: use https)', 'A malformed GOFLAGS / GOAUTH / GOTOOLCHAIN value', 'On Go ≥ 1.21: a missing $GOROOT/go.env leaves GOPROXY empty'],
    fix: [
      'go env GOPROXY GOSUMDB GOVCS GOFLAGS GONOPROXY GOENV   # GOENV is the go env file',
      'env | grep -E "^GO(PROXY|SUMDB|VCS|FLAGS|AUTH|TOOLCHAIN)="   # process environment values override the file',
      'Fix the offending value (e.g. go env -w GOPROXY=https://proxy.golang.org,direct), or reset it to the default: go env -u <KEY>',
      'ls "$(go env GOROOT)/go.env"   # Go ≥ 1.21: must exist',
    ],
    preChecks: ['go env'],
    steps: ['Correct the invalid setting in the go env file or the CI variables of the zone'],
    rollback: ['go env -w <KEY>=<the value recorded before the change>   # or restore the CI variable'],
    owner: 'platform team (Go toolchain)',
  };
}
