import { buildGoEnvChange } from './build-go-env-change.js';
import type { PlaybookContext, PlaybookGoEnvKey } from './playbook-context.js';
import { suggestPrivatePattern } from './suggest-private-pattern.js';

export interface PrivateModuleChange {
  readonly pattern: string;
  readonly apply: readonly string[];
  readonly rollback: readonly string[];
  /** Set when GOPRIVATE already covers the module: something else is wrong. */
  readonly note: string | null;
}

/**
 * Marks the module private: GOPRIVATE gains the pattern; GONOPROXY / GONOSUMDB gain it too when
 * they are set explicitly, since GOPRIVATE is only their default (https://go.dev/ref/mod#private-modules).
 */
export function buildPrivateModuleChange(context: PlaybookContext, also: readonly ('GONOPROXY' | 'GONOSUMDB')[]): PrivateModuleChange {
  const values = context.goEnv?.values;
  const suggestion = suggestPrivatePattern(context.module, values?.GOPRIVATE ?? '');
  const apply: string[] = [];
  const rollback: string[] = [];
  const change = (key: PlaybookGoEnvKey, value: string): void => {
    const c = buildGoEnvChange(key, value, context.goEnv);
    apply.push(...c.apply);
    rollback.unshift(...c.rollback);
  };
  if (!suggestion.alreadyCovered) change('GOPRIVATE', suggestion.value);
  const pattern = suggestion.alreadyCovered ? suggestPrivatePattern(context.module, '').pattern : suggestion.pattern;
  for (const key of also) {
    const current = values?.[key] ?? '';
    if (context.goEnv === null || current === '' || context.goEnv.sources[key] === 'default') continue;
    const extended = suggestPrivatePattern(context.module, current);
    if (!extended.alreadyCovered) change(key, extended.value);
  }
  const note = suggestion.alreadyCovered ? `GOPRIVATE (${values?.GOPRIVATE ?? ''}) already matches ${context.module}; check GONOPROXY/GONOSUMDB, which override it when set.` : null;
  return { pattern, apply, rollback, note };
}
