import type { PlaybookContext } from '../playbook-context.js';

/** `<module>@<version>` as the go command is asked for it (`@latest` when no version was given). */
export function describeTarget(context: PlaybookContext): string {
  return `${context.module}@${context.version ?? 'latest'}`;
}
