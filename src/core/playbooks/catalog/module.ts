import { buildPrivateModuleChange } from '../build-private-module-change.js';
import { describeHopEndpoint } from '../describe-hop-endpoint.js';
import type { PlaybookContext } from '../playbook-context.js';
import { describeTarget } from './describe-target.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeModuleNotFoundPlaybook(context: PlaybookContext): PlaybookDraft {
  const e = describeHopEndpoint(context.hop);
  return {
    meaning: `${describeTarget(context)} does not exist where the GOPROXY list ended (404 on the last entry, or no version matches the query).`,
    likelyCauses: ['A typo in the module path or version (versions need the v prefix: v1.2.3)', 'The tag was never pushed, or was pushed after the proxy cached the list', 'A private module looked up on a public proxy that cannot see it'],
    fix: [`go list -m -versions ${context.module}`, `curl -sS ${e.origin}/${context.module}/@v/list`, `git ls-remote --tags <repository-url> | grep '${context.version ?? 'v'}'`, 'Push the missing tag, or correct the path/version in go.mod / the go get command'],
    preChecks: [`go list -m -versions ${context.module}`],
    steps: [`Publish ${describeTarget(context)} (push the tag) or correct the requirement`],
    rollback: ['None needed: no setting changes'],
    owner: 'module owners (the team that publishes the module)',
  };
}

export function writeModuleGonePlaybook(context: PlaybookContext): PlaybookDraft {
  const priv = buildPrivateModuleChange(context, ['GONOPROXY', 'GONOSUMDB']);
  return {
    meaning: `The proxy will not serve ${context.module} (410 Gone); for a private module on a public proxy this means GOPRIVATE/GONOPROXY is missing.`,
    likelyCauses: ['A private module fetched through proxy.golang.org (it cannot see private repositories)', 'The version was retracted or removed upstream, and the proxy refuses it'],
    fix: [
      'go env GOPRIVATE GONOPROXY GONOSUMDB',
      ...(priv.note ? [priv.note] : [`Mark the module private (pattern ${priv.pattern}) so the go command fetches it directly:`]),
      ...priv.apply,
      'For builds without direct VCS access: serve it from the internal GOPROXY, or `replace` it to an internal mirror in go.mod: replace <module> => <internal-mirror-module> <version>',
    ],
    preChecks: ['go env GOPRIVATE GONOPROXY GONOSUMDB GOPROXY'],
    steps: priv.apply.length > 0 ? priv.apply : ['Serve the module from the internal GOPROXY'],
    rollback: priv.rollback.length > 0 ? priv.rollback : ['None needed'],
    owner: 'platform team (Go toolchain)',
  };
}
