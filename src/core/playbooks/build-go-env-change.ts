import type { PlaybookGoEnv, PlaybookGoEnvKey } from './playbook-context.js';

export interface GoEnvChange {
  readonly apply: readonly string[];
  readonly rollback: readonly string[];
}

/** Single-quotes a shell word unless it is plainly safe. */
function quoteShellWord(value: string): string {
  return /^[A-Za-z0-9_.,:/@%+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Never print a password from a URL's userinfo: `https://u:p@h` → `https://u:<password>@h`. */
export function redactUserinfo(value: string): string {
  return value.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:,|]*):[^/@\s,|]*@/gi, '$1$2:<password>@');
}

/**
 * The command that sets `key` to `value`, and the rollback that restores what was there: `go env -w`
 * / `go env -u` for the go env file and defaults; the environment (or CI variable) when the value
 * came from it, because a process environment value overrides `go env -w`.
 */
export function buildGoEnvChange(key: PlaybookGoEnvKey, value: string, goEnv: PlaybookGoEnv | null): GoEnvChange {
  const next = quoteShellWord(redactUserinfo(value));
  if (goEnv === null) {
    return {
      apply: [`go env ${key}   # record the current value first`, `go env -w ${key}=${next}`],
      rollback: [`go env -w ${key}=<the value recorded before the change>   # or \`go env -u ${key}\` if it was empty`],
    };
  }
  const previous = redactUserinfo(goEnv.values[key]);
  const note = previous === goEnv.values[key] ? '' : '   # re-insert the credentials the value held';
  switch (goEnv.sources[key]) {
    case 'env':
      return {
        apply: [`Change the environment / CI variable ${key} (it overrides \`go env -w\`): export ${key}=${next}`],
        rollback: [previous === '' ? `unset ${key}` : `export ${key}=${quoteShellWord(previous)}${note}`],
      };
    case 'goenv-file':
      return { apply: [`go env -w ${key}=${next}`], rollback: [`go env -w ${key}=${quoteShellWord(previous)}${note}`] };
    case 'default':
      return { apply: [`go env -w ${key}=${next}`], rollback: [`go env -u ${key}`] };
  }
}
