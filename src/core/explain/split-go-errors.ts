import { parseGoJsonObject } from './parse-go-json.js';
import { parseXTraceLine, type XTraceEntry } from './parse-x-trace.js';

/** One error as the go command printed it: a head line and its continuation lines. */
export interface GoErrorBlock {
  readonly text: string;
  /** From a `-json` object, when it named them. */
  readonly module: string | null;
  readonly version: string | null;
  /** A head line that looks like an error (`go: …`, `verifying …`, `file.go:1:2: …`): report it when no class is found. */
  readonly isError: boolean;
}

export interface SplitGoOutput {
  readonly blocks: readonly GoErrorBlock[];
  readonly trace: readonly XTraceEntry[];
}

// Sticky matchers run at a line start inside the whole text: no line is copied to be tested.
/** Progress lines, not errors; they also end the block before them. */
const INFO_LINE = /go: (?:downloading|finding|found|extracting|added|upgraded|downgraded|removed|warning:|to add module requirements)|warning: /y;
const ERROR_HEAD = /go: |verifying \S+@|\S+\.go:\d+:\d+: |fatal: |SECURITY ERROR/y;
/** `-x` timing of a `# cd …; git …` command. */
const X_TIMING = /\d+\.\d+s # /y;
/** A block longer than this is not a go error any more; the rest is ignored (keeps matching bounded). */
const MAX_BLOCK_CHARS = 16_384;
const MAX_JSON_CHARS = 1_048_576;
const HASH = 35;
const BRACE = 123;
const TAB = 9;
const SPACE = 32;

function testAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/**
 * Splits go command output into error blocks, `# get` trace entries and `-json` objects, in one
 * pass over line starts. `go: downloading` and other progress lines are dropped.
 */
export function splitGoErrors(text: string): SplitGoOutput {
  const blocks: GoErrorBlock[] = [];
  const trace: XTraceEntry[] = [];
  let start = -1;
  let end = -1;
  let isError = false;
  const close = (): void => {
    if (start !== -1) {
      const body = text.slice(start, Math.min(end, start + MAX_BLOCK_CHARS)).trim();
      if (body !== '') blocks.push({ text: body, module: null, version: null, isError });
    }
    start = -1;
  };
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    const found = text.indexOf('\n', pos);
    const eol = found === -1 ? n : found;
    const c = text.charCodeAt(pos);
    if (c === HASH || (c >= 48 && c <= 57 && testAt(X_TIMING, text, pos))) {
      close();
      if (c === HASH && text.startsWith('# get ', pos)) {
        const entry = parseXTraceLine(text.slice(pos, eol));
        if (entry) trace.push(entry);
      }
      pos = eol + 1;
      continue;
    }
    if (c === BRACE) {
      const jsonEnd = findJsonEnd(text, pos, eol);
      const parsed = jsonEnd === -1 ? 'invalid' : parseGoJsonObject(text.slice(pos, jsonEnd));
      if (parsed !== 'invalid') {
        close();
        if (parsed) blocks.push({ text: parsed.error.trim(), module: parsed.path, version: parsed.version, isError: true });
        pos = jsonEnd + 1;
        continue;
      }
    }
    if ((c === 103 /* g */ || c === 119 /* w */) && testAt(INFO_LINE, text, pos)) {
      close();
      pos = eol + 1;
      continue;
    }
    const isHead = c !== TAB && c !== SPACE && testAt(ERROR_HEAD, text, pos);
    const joinsMismatch = isHead && start !== -1 && text.startsWith('SECURITY ERROR', pos) && text.slice(start, pos).includes('checksum mismatch');
    if (isHead && !joinsMismatch) {
      close();
      start = pos;
      isError = true;
    } else if (start === -1) {
      if (text.slice(pos, eol).trim() !== '') {
        start = pos;
        isError = false;
      }
    }
    if (start !== -1) end = eol;
    pos = eol + 1;
  }
  close();
  return { blocks, trace };
}

/** Where the JSON object starting at `start` ends: this line, or the next line that is exactly `}`. */
function findJsonEnd(text: string, start: number, eol: number): number {
  const first = text.slice(start, eol).trim();
  if (first.endsWith('}') && first !== '{') return eol;
  let pos = eol + 1;
  while (pos < text.length && pos - start < MAX_JSON_CHARS) {
    const found = text.indexOf('\n', pos);
    const lineEnd = found === -1 ? text.length : found;
    if (lineEnd - pos === 1 && text.charCodeAt(pos) === 125 /* } */) return lineEnd;
    const c = text.charCodeAt(pos);
    if (lineEnd > pos && c !== TAB && c !== SPACE) return -1;
    pos = lineEnd + 1;
  }
  return -1;
}
