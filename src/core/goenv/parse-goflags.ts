import type { GoFlags } from './go-env.js';
import { quoteGoString } from '../module/quote-go-string.js';

/**
 * GOFLAGS as cmd/go's base.InitGOFLAGS / SetFromGOFLAGS apply it: space-separated `-flag[=value]`; a word that
 * is not a flag or names no go command flag fails every command; a known flag the command does not define is
 * ignored. https://pkg.go.dev/cmd/go#hdr-Environment_variables
 */

/** Flag names any Go 1.19 command defines (checked one by one against go1.19.8). */
const KNOWN_FLAGS = new Set([
  'a', 'n', 'p', 'race', 'msan', 'asan', 'v', 'work', 'x', 'asmflags', 'buildmode', 'buildvcs', 'compiler',
  'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'linkshared', 'mod', 'modcacherw', 'modfile', 'overlay',
  'pkgdir', 'tags', 'toolexec', 'trimpath', 'cover', 'coverpkg', 'covermode', 'coverprofile', 'o', 'i', 'json',
  'm', 'u', 't', 'd', 'f', 'fix', 'insecure', 'e', 'compiled', 'deps', 'export', 'find', 'test', 'retracted',
  'reuse', 'versions', 'exec', 'bench', 'benchmem', 'benchtime', 'blockprofile', 'blockprofilerate', 'count',
  'cpu', 'cpuprofile', 'failfast', 'fuzz', 'fuzzcache', 'fuzzminimizetime', 'fuzztime', 'list', 'memprofile',
  'memprofilerate', 'mutexprofile', 'outputdir', 'parallel', 'run', 'short', 'shuffle', 'timeout', 'trace', 'vet',
  'c', 'r', 'cache', 'testcache', 'modcache', 'go', 'compat', 'dropreplace', 'replace', 'require', 'droprequire',
  'exclude', 'dropexclude', 'retract', 'dropretract', 'module', 'print', 'fmt', 'w',
  // Go ≥ 1.20
  'pgo', 'skip',
]);

/** Commands whose flags matter to the module download path. */
export type GoFlagsCommand = 'mod download' | 'get' | 'build' | 'list';

/** The flags each command defines, with whether each takes a value. */
const COMMAND_FLAGS: Readonly<Record<GoFlagsCommand, Readonly<Record<string, 'bool' | 'value'>>>> = {
  'mod download': { x: 'bool', json: 'bool', reuse: 'value' },
  get: {
    d: 'bool', t: 'bool', u: 'bool', insecure: 'bool', fix: 'bool', m: 'bool', a: 'bool', n: 'bool', v: 'bool', x: 'bool',
    race: 'bool', work: 'bool', trimpath: 'bool', tags: 'value', gcflags: 'value', ldflags: 'value', modfile: 'value',
    p: 'value', overlay: 'value', modcacherw: 'bool',
  },
  build: {
    mod: 'value', modfile: 'value', modcacherw: 'bool', tags: 'value', x: 'bool', v: 'bool', n: 'bool', a: 'bool',
    race: 'bool', trimpath: 'bool', gcflags: 'value', ldflags: 'value', o: 'value', p: 'value', overlay: 'value',
    work: 'bool', buildvcs: 'value',
  },
  list: {
    mod: 'value', modfile: 'value', modcacherw: 'bool', tags: 'value', x: 'bool', m: 'bool', json: 'bool', u: 'bool',
    versions: 'bool', e: 'bool', f: 'value', deps: 'bool', retracted: 'bool', compiled: 'bool', find: 'bool',
    test: 'bool', export: 'bool', reuse: 'value',
  },
};

const MOD_VALUES = ['', 'mod', 'readonly', 'vendor'] as const;

function isTrue(value: string | null): boolean {
  return value === null || ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

/**
 * Reads GOFLAGS for `command` (default `mod download`). `mod` and `insecure` report what GOFLAGS says whatever
 * the command; `error` is what the go command prints (and exits on) for that command.
 */
export function parseGoFlags(goflags: string, command: GoFlagsCommand = 'mod download'): GoFlags {
  let mod: GoFlags['mod'] = null;
  let insecure = false;
  let error: string | null = null;
  const defined = COMMAND_FLAGS[command];
  for (const word of goflags.split(/\s+/u).filter((w) => w !== '')) {
    if (!word.startsWith('-') || word === '-' || word === '--' || word.startsWith('---') || word.startsWith('-=') || word.startsWith('--=')) {
      return { mod, insecure, error: `go: parsing $GOFLAGS: non-flag ${quoteGoString(word)}` };
    }
    let name = word.slice(1);
    if (name.startsWith('-')) name = name.slice(1);
    const eq = name.indexOf('=');
    const value = eq < 0 ? null : name.slice(eq + 1);
    if (eq >= 0) name = name.slice(0, eq);
    if (!KNOWN_FLAGS.has(name)) return { mod, insecure, error: `go: parsing $GOFLAGS: unknown flag -${name}` };
    if (name === 'insecure') insecure = isTrue(value);
    const kind = defined[name];
    if (name === 'mod' && value !== null) {
      mod = (MOD_VALUES as readonly string[]).includes(value) ? (value as GoFlags['mod']) : mod;
      if (kind !== undefined && error === null && !(MOD_VALUES as readonly string[]).includes(value)) {
        error = `-mod=${value} not supported (can be '', 'mod', 'readonly', or 'vendor')`;
      }
    }
    if (kind === 'value' && value === null && error === null) {
      error = `go: flag needs an argument: -${name} (from $GOFLAGS)`;
    }
  }
  if (command === 'get' && insecure && error === null) error = 'go: -insecure flag is no longer supported; use GOINSECURE instead';
  return { mod, insecure, error };
}
