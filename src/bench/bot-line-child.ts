import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** A child node process whose stdout is read line by line (its pino log or its JSON reports). */
export interface LineChild {
  /** Resolves with the first line (already seen or still to come) that `accept` maps to a value; rejects after `timeoutMs` or on exit. */
  waitFor<T>(accept: (line: string) => T | undefined, timeoutMs: number, what: string): Promise<T>;
  /** Writes one line to the child's stdin. */
  send(line: string): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines of stderr, for error messages. */
  readonly stderrTail: () => string;
}

/** Spawns `node <args>` with exactly `env` (nothing inherited) and keeps its stdout lines. */
export function spawnLineChild(args: readonly string[], env: Readonly<Record<string, string>>, cwd?: string): LineChild {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, [...args], {
    env: { ...env }, stdio: ['pipe', 'pipe', 'pipe'], ...(cwd === undefined ? {} : { cwd }),
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let exited: string | null = null;
  let partial = '';
  const wake = (): void => { for (const waiter of [...waiters]) waiter(); };
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 5000) lines.splice(0, lines.length - 5000); // a chatty log must not grow without bound
    wake();
  });
  child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-4000); });
  child.on('error', (error) => { exited = `spawn failed: ${error.message}`; wake(); });
  child.on('close', (code, signal) => { exited = `exited ${code ?? signal ?? '?'}`; wake(); });
  const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));

  return {
    waitFor<T>(accept: (line: string) => T | undefined, timeoutMs: number, what: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let scanned = 0;
        const check = (): void => {
          for (; scanned < lines.length; scanned += 1) {
            const value = accept(lines[scanned] ?? '');
            if (value !== undefined) { finish(); resolve(value); return; }
          }
          if (exited !== null) { finish(); reject(new Error(`child ${exited} before ${what}: ${stderr.trim()}`)); }
        };
        const timer = setTimeout(() => { finish(); reject(new Error(`child: no ${what} within ${timeoutMs} ms: ${stderr.trim()}`)); }, timeoutMs);
        const finish = (): void => { clearTimeout(timer); waiters.delete(check); };
        waiters.add(check);
        check();
      });
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
    stderrTail: () => stderr.trim(),
  };
}

/** Parses a JSON stdout line into an object, or undefined for anything else. */
export function parseJsonLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
