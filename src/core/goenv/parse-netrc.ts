import type { NetrcEntry } from './go-env.js';

/**
 * .netrc as cmd/go/internal/auth parseNetrc reads it (ported as is, quirks included): tokens are read in
 * pairs; an entry is kept once machine, login and password are all set; `macdef` skips lines up to the next
 * empty line; a `default` left as the last odd token of a line ends parsing; a `default` in a pair is skipped.
 */
export function parseNetrc(text: string): readonly NetrcEntry[] {
  const entries: NetrcEntry[] = [];
  let current = { machine: '', login: '', password: '' };
  let inMacro = false;
  for (const line of text.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const fields = line.split(/\s+/u).filter((f) => f !== '');
    let i = 0;
    for (; i < fields.length - 1; i += 2) {
      const value = fields[i + 1] ?? '';
      switch (fields[i]) {
        case 'machine':
          current = { machine: value, login: '', password: '' };
          break;
        case 'login':
          current.login = value;
          break;
        case 'password':
          current.password = value;
          break;
        case 'macdef':
          inMacro = true;
          break;
        default:
          break;
      }
      if (current.machine !== '' && current.login !== '' && current.password !== '') {
        entries.push(current);
        current = { machine: '', login: '', password: '' };
      }
    }
    if (i < fields.length && fields[i] === 'default') break;
  }
  return entries;
}
