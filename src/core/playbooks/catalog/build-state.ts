import type { PlaybookContext } from '../playbook-context.js';
import { describeTarget } from './describe-target.js';
import type { PlaybookDraft } from './playbook-draft.js';

/** go.sum, vendoring and toolchain: states of the main module, not of the network. */
export function writeGosumMissingPlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: "The main module's go.sum lacks an entry the build needs; with -mod=readonly (the default) the go command will not add it.",
    likelyCauses: ['go.mod was edited (or a dependency bumped) without running go mod tidy', 'go.sum was not committed', 'A CI step that builds a different package set than the developer did'],
    fix: ['go mod tidy   # or the exact `go get …` / `go mod download …` the error suggests', 'git diff go.mod go.sum && git commit go.mod go.sum'],
    preChecks: ['git status go.mod go.sum'],
    steps: [`Commit the go.sum lines for ${describeTarget(context)} (and its graph)`],
    rollback: ['git revert the go.sum commit'],
    owner: 'module owners (the team that owns the main module)',
  };
}

export function writeVendorInconsistentPlaybook(_context: PlaybookContext): PlaybookDraft {
  return {
    meaning: 'The build uses vendor/ (-mod=vendor, explicit or because go.mod says go ≥ 1.14 and vendor/ exists), and vendor/modules.txt does not match go.mod.',
    likelyCauses: ['go.mod changed without re-running go mod vendor', 'vendor/modules.txt missing or edited by hand', 'A query (go get …@latest) while vendoring is on'],
    fix: ['go mod vendor   # Go ≥ 1.22 workspaces: go work vendor', 'git add vendor go.mod go.sum && git commit', 'Or bypass vendor/ for this command: -mod=mod (needs network) or -mod=readonly'],
    preChecks: ['git status vendor/modules.txt go.mod'],
    steps: ['Regenerate and commit vendor/ with go mod vendor'],
    rollback: ['git revert the vendor commit'],
    owner: 'module owners (the team that owns the main module)',
  };
}

export function writeToolchainUnavailablePlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: 'go.mod asks for a newer Go than the one running, and the toolchain switch cannot download it (golang.org/toolchain through GOPROXY).',
    likelyCauses: ['GOPROXY=off, or an internal proxy that does not mirror golang.org/toolchain', 'A go line without patch version (go1.22 instead of go1.22.0)', 'GOTOOLCHAIN=local forbids switching'],
    fix: ['go env GOTOOLCHAIN GOPROXY; grep -E "^(go|toolchain) " go.mod', 'Install the required Go on the build image (preferred for CI), or mirror golang.org/toolchain on the internal GOPROXY', `${context.diagnoseCommand.replace(/ \S+$/, '')} golang.org/toolchain@v0.0.1-go<version>.<goos>-<goarch>   # check the toolchain module itself`],
    preChecks: ['go version; go env GOTOOLCHAIN'],
    steps: ['Upgrade the Go toolchain of the build image of the zone to the version go.mod requires'],
    rollback: ['Restore the previous build image tag'],
    owner: 'platform team (Go toolchain)',
  };
}
