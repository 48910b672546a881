import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one run of the go command printed and how it ended. */
export interface GoRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the run outlived `timeoutMs` and was killed. */
  readonly hung: boolean;
  readonly durationMs: number;
}

export interface RunGoOptions {
  readonly args: readonly string[];
  readonly cwd: string;
  /** The whole environment of the child: nothing is inherited. */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly goBinary?: string;
}

/** Runs the go command with exactly `env`, killing it (and recording `hung`) after `timeoutMs`. */
export function runGo(options: RunGoOptions): Promise<GoRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(options.goBinary ?? 'go', options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${options.goBinary ?? 'go'} (is the go command installed?): ${error.message}`, { cause: error }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        exitCode: code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        hung,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone: nothing left to kill.
  }
}

/** A throw-away HOME/GOPATH/GOMODCACHE and a main module `lab.test/app` to run go in. */
export interface GoSandbox {
  readonly root: string;
  readonly home: string;
  readonly gopath: string;
  readonly gomodcache: string;
  readonly appDir: string;
  /** PATH, HOME, GOPATH, GOMODCACHE, GOCACHE, GOENV=off: add the scenario's variables to it. */
  readonly baseEnv: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

/** Creates a fresh sandbox; `goSum` becomes the main module's go.sum when given. */
export async function createGoSandbox(goSum?: string): Promise<GoSandbox> {
  const root = await mkdtemp(join(tmpdir(), 'gmd-go-'));
  const home = join(root, 'home');
  const gopath = join(root, 'gopath');
  const gomodcache = join(gopath, 'pkg', 'mod');
  const appDir = join(root, 'app');
  await Promise.all([home, gopath, appDir].map((dir) => mkdir(dir, { recursive: true })));
  await writeFile(join(appDir, 'go.mod'), 'module lab.test/app\n\ngo 1.19\n');
  if (goSum !== undefined) await writeFile(join(appDir, 'go.sum'), goSum);
  const baseEnv = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    GOPATH: gopath,
    GOMODCACHE: gomodcache,
    GOCACHE: join(root, 'gocache'),
    GOENV: 'off',
    GOTOOLCHAIN: 'local',
  };
  return {
    root, home, gopath, gomodcache, appDir, baseEnv,
    dispose: async () => {
      await makeWritable(root);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The module cache is read-only by design; make it writable so it can be removed. */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755).catch(() => undefined);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await makeWritable(join(dir, entry.name));
  }
}
