import { buildPrivateModuleChange } from '../build-private-module-change.js';
import { describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import { describeTarget } from './describe-target.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeVcsAuthRequiredPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const ssh = e.scheme === 'ssh';
  return {
    meaning: `Direct mode: git needs credentials for ${e.host} and the go command disables prompts (GIT_TERMINAL_PROMPT=0).`,
    likelyCauses: ['No ~/.netrc entry or git credential helper for the host (git ignores $NETRC)', 'An expired token (git then prompts, which is disabled: the message is the same as "no credentials")', 'SSH: no key loaded in the agent, or the host key is not in known_hosts'],
    fix: ssh
      ? [`ssh -T git@${e.host}   # must greet, not ask`, `ssh-keyscan ${e.host} >> ~/.ssh/known_hosts   # after checking the fingerprint out of band`, 'ssh-add -l   # a key must be loaded']
      : [
        `Add to ~/.netrc (mode 600) — the token comes from your secret store: machine ${e.host} login <user> password <token>`,
        `Or a credential helper: git config --global credential.https://${e.host}.helper store   # then run one authenticated git ls-remote`,
        `GIT_TERMINAL_PROMPT=0 git ls-remote https://${e.host}/<repo>.git   # must list refs`,
      ],
    preChecks: [`git ls-remote ${ssh ? `git@${e.host}:<repo>.git` : `https://${e.host}/<repo>.git`}`],
    steps: [`Grant the build identity of zone "${context.zone}" read access to the repository of ${context.module} and install its credential`],
    rollback: [ssh ? 'Remove the deploy key from the repository' : `Remove the machine ${e.host} entry from ~/.netrc and revoke the token`],
    owner: 'platform team (source control)',
  };
}

export function writeVcsUnrecognizedImportPathPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  const priv = buildPrivateModuleChange(context, ['GONOPROXY']);
  return {
    meaning: `Direct mode: go-get discovery (https://${e.host}/…?go-get=1) did not yield a repository for ${context.module} (${context.evidence}).`,
    likelyCauses: ['The inner network/TLS failure named in the evidence', 'The vanity server does not serve a <meta name="go-import"> tag for this path (or serves one for another prefix)', 'An SSO page answers the ?go-get=1 request'],
    fix: [
      `curl -sS '${e.origin === '<hop-url>' ? `https://${context.module}` : `${e.origin}/${context.module.split('/').slice(1).join('/')}`}?go-get=1' | grep go-import`,
      'Fix the inner cause first (see the evidence class); then serve a go-import meta tag for the module path',
      'Or fetch through a GOPROXY that knows the module instead of direct mode (remove the module from GOPRIVATE/GONOPROXY only if that proxy may see it), or `replace` it in go.mod to an internal mirror',
      ...(priv.note ? [priv.note] : []),
    ],
    preChecks: [`curl -sSI 'https://${context.module}?go-get=1'`],
    steps: [`Serve <meta name="go-import" content="${context.module.split('/').slice(0, 3).join('/')} git https://<git-host>/<repo>.git"> at https://${context.module}?go-get=1`],
    rollback: ['Restore the previous vanity-server configuration'],
    owner: 'platform team (source control / vanity import server)',
  };
}

export function writeVcsUnknownRevisionPlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: `Direct mode: the repository (or the version ${context.version ?? ''} in it) does not exist.`,
    likelyCauses: ['The tag was not pushed (git push --tags) or was deleted', 'A pseudo-version naming a commit that is not on any fetched branch', 'The repository was moved or renamed (git hides "no access" as "not found")'],
    fix: [`git ls-remote <repository-url> | grep '${context.version ?? ''}'`, 'Push the tag, or fix the version in go.mod / the go get command', `go list -m -versions ${context.module}`],
    preChecks: ['git ls-remote <repository-url>'],
    steps: [`Publish ${describeTarget(context)} in the repository (push the tag)`],
    rollback: ['None needed: no setting changes'],
    owner: 'module owners (the team that publishes the module)',
  };
}
