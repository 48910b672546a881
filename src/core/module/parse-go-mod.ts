/**
 * A minimal go.mod reader (module, go, toolchain, require, replace, exclude; single and block forms).
 * Lenient: unknown verbs are ignored; malformed lines are reported with their line number.
 * https://go.dev/ref/mod#go-mod-file
 */

export interface ModuleVersion {
  readonly path: string;
  readonly version: string;
}

export interface GoModRequire extends ModuleVersion {
  readonly indirect: boolean;
}

export interface GoModReplace {
  readonly old: { readonly path: string; readonly version: string | null };
  /** `version` is null for a directory replacement (`=> ../local`). */
  readonly new: { readonly path: string; readonly version: string | null };
}

export interface GoMod {
  readonly module: string | null;
  readonly go: string | null;
  readonly toolchain: string | null;
  readonly require: readonly GoModRequire[];
  readonly replace: readonly GoModReplace[];
  readonly exclude: readonly ModuleVersion[];
  readonly errors: readonly string[];
}

interface Line {
  readonly tokens: readonly string[];
  readonly comment: string;
  readonly lineno: number;
}

function tokenizeLine(raw: string, lineno: number): Line | string {
  const tokens: string[] = [];
  let i = 0;
  let comment = '';
  while (i < raw.length) {
    const ch = raw[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (raw.startsWith('//', i)) {
      comment = raw.slice(i + 2).trim();
      break;
    } else if (ch === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(raw.slice(i));
      if (m === null) return `go.mod:${lineno}: unterminated quoted string`;
      try {
        tokens.push(JSON.parse(m[0]) as string);
      } catch {
        return `go.mod:${lineno}: invalid quoted string ${m[0]}`;
      }
      i += m[0].length;
    } else if (ch === '`') {
      const end = raw.indexOf('`', i + 1);
      if (end < 0) return `go.mod:${lineno}: unterminated raw string`;
      tokens.push(raw.slice(i + 1, end));
      i = end + 1;
    } else {
      const m = /^[^\s"`]+/.exec(raw.slice(i));
      const word = m?.[0] ?? ch;
      const cut = word.indexOf('//');
      if (cut > 0) {
        tokens.push(word.slice(0, cut));
        i += cut;
      } else {
        tokens.push(word);
        i += word.length;
      }
    }
  }
  return { tokens, comment, lineno };
}

export function parseGoMod(text: string): GoMod {
  const result = {
    module: null as string | null, go: null as string | null, toolchain: null as string | null,
    require: [] as GoModRequire[], replace: [] as GoModReplace[], exclude: [] as ModuleVersion[], errors: [] as string[],
  };
  let block: string | null = null;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = tokenizeLine(raw, index + 1);
    if (typeof line === 'string') {
      result.errors.push(line);
      continue;
    }
    const tokens = line.tokens;
    if (tokens.length === 0) continue;
    if (block !== null) {
      if (tokens.length === 1 && tokens[0] === ')') block = null;
      else applyDirective(result, block, tokens, line);
      continue;
    }
    const [verb, ...args] = tokens as [string, ...string[]];
    if (args.length === 1 && args[0] === '(') {
      block = verb;
      continue;
    }
    applyDirective(result, verb, args, line);
  }
  if (block !== null) result.errors.push(`go.mod: unterminated ${block} block`);
  return result;
}

function applyDirective(
  result: { module: string | null; go: string | null; toolchain: string | null; require: GoModRequire[]; replace: GoModReplace[]; exclude: ModuleVersion[]; errors: string[] },
  verb: string, args: readonly string[], line: Line,
): void {
  const bad = (usage: string): void => { result.errors.push(`go.mod:${line.lineno}: usage: ${usage}`); };
  switch (verb) {
    case 'module':
      if (args.length !== 1) bad('module module/path');
      else result.module = args[0] ?? null;
      return;
    case 'go':
      if (args.length !== 1) bad('go 1.23');
      else result.go = args[0] ?? null;
      return;
    case 'toolchain':
      if (args.length !== 1) bad('toolchain go1.23.0');
      else result.toolchain = args[0] ?? null;
      return;
    case 'require':
    case 'exclude': {
      const [path, version] = args;
      if (args.length !== 2 || path === undefined || version === undefined) {
        bad(`${verb} module/path v1.2.3`);
        return;
      }
      if (verb === 'exclude') result.exclude.push({ path, version });
      else result.require.push({ path, version, indirect: /^indirect\b/.test(line.comment) || /;\s*indirect\b/.test(line.comment) });
      return;
    }
    case 'replace': {
      const arrow = args.indexOf('=>');
      const left = args.slice(0, arrow);
      const right = args.slice(arrow + 1);
      if (arrow < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
        bad('replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory');
        return;
      }
      result.replace.push({
        old: { path: left[0] ?? '', version: left[1] ?? null },
        new: { path: right[0] ?? '', version: right[1] ?? null },
      });
      return;
    }
    default:
      return;
  }
}
