import type { Readable, Writable } from 'node:stream';

/** What a CLI command may touch: passed in, so tests run commands in-process against real streams. */
export interface CliIo {
  readonly stdout: Writable & { readonly isTTY?: boolean };
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Exit statuses (DESIGN.md §4): 0 healthy, 1 a problem was diagnosed, 2 bad input or usage, 3 the tool failed. */
export const ExitCode = { OK: 0, PROBLEM: 1, USAGE: 2, TOOL_FAILED: 3 } as const;

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
