import type { PlaybookContext } from '../playbook-context.js';
import type { PlaybookDraft } from './playbook-draft.js';

export function writeInputInvalidModulePathPlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: `The module path breaks Go's rules (${context.evidence}); the go command refuses it before any request.`,
    likelyCauses: ['A URL pasted instead of a module path (drop https://)', 'Upper-case letters in the host, or a first element without a dot', 'Spaces or other forbidden characters'],
    fix: ['Use the path as written in the module\'s go.mod `module` line, e.g. go get corp.example/team/lib@v1.2.3', 'See https://go.dev/ref/mod#go-mod-file-ident'],
    preChecks: ['head -1 go.mod   # in the module\'s repository'],
    steps: ['Correct the module path in the command or the require line'],
    rollback: ['None needed'],
    owner: 'the requester',
  };
}

export function writeInputInvalidVersionPlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: `The version is not a valid semantic or pseudo version for this module (${context.evidence}).`,
    likelyCauses: ['A major version ≥ 2 without the /vN suffix in the module path', 'A hand-written pseudo-version whose timestamp or hash does not match the commit', 'A version without the v prefix'],
    fix: [`go list -m -versions ${context.module}`, 'For v2+: require <module>/v2 at v2.x.y', 'For commits: go get <module>@<commit-hash> and let the go command compute the pseudo-version', 'See https://go.dev/ref/mod#versions'],
    preChecks: [`go list -m -versions ${context.module}`],
    steps: ['Correct the version in the command or the require line'],
    rollback: ['None needed'],
    owner: 'the requester',
  };
}

export function writeOkPlaybook(context: PlaybookContext): PlaybookDraft {
  return {
    meaning: 'Nothing to fix: the go command would succeed.',
    likelyCauses: [],
    fix: [],
    preChecks: [],
    steps: [],
    rollback: [],
    owner: `nobody (zone "${context.zone}" is healthy)`,
  };
}
