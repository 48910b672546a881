/** What `/gomod <text>` asks for; anything not understood becomes help with the reason. */
export type GomodCommand =
  | { readonly verb: 'diagnose'; readonly query: string; readonly zone: string | null }
  | { readonly verb: 'explain'; readonly text: string }
  | { readonly verb: 'status' }
  | { readonly verb: 'report' }
  | { readonly verb: 'help'; readonly reason?: string };

export function parseCommand(text: string): GomodCommand {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  const verb = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : trimmed.slice(space).trim();
  switch (verb) {
    case '':
    case 'help':
      return { verb: 'help' };
    case 'status':
    case 'report':
      return rest === '' ? { verb } : { verb: 'help', reason: `\`${verb}\` takes no arguments` };
    case 'explain':
      return rest === '' ? { verb: 'help', reason: '`explain` needs the go command output to explain' } : { verb: 'explain', text: rest };
    case 'diagnose':
      return parseDiagnose(rest);
    default:
      return { verb: 'help', reason: `unknown command \`${verb.slice(0, 40)}\`` };
  }
}

function parseDiagnose(rest: string): GomodCommand {
  const words = rest.split(/\s+/).filter((w) => w !== '');
  let zone: string | null = null;
  const queries: string[] = [];
  for (const word of words) {
    const match = /^zone=(.*)$/i.exec(word);
    if (match === null) queries.push(word);
    else if (zone !== null) return { verb: 'help', reason: 'give `zone=` once' };
    else zone = (match[1] ?? '').toLowerCase();
  }
  if (queries.length !== 1 || queries[0] === undefined) {
    return { verb: 'help', reason: queries.length === 0 ? '`diagnose` needs a module path, e.g. `golang.org/x/text@v0.14.0`' : '`diagnose` takes one module at a time' };
  }
  if (zone === '') return { verb: 'help', reason: '`zone=` needs a zone name or `all`' };
  return { verb: 'diagnose', query: queries[0], zone };
}
