import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { locateGoEnvFile, locateNetrcFile } from '../core/goenv/locate-go-files.js';
import { resolveGoEnv } from '../core/goenv/resolve-go-env.js';
import type { GoEnv } from '../core/goenv/go-env.js';
import { parseGoSum, type GoSum } from '../core/module/parse-go-sum.js';
import { createHttpProbeRunner } from '../adapters/probes/create-http-probe-runner.js';
import { loadTrustRoots } from '../adapters/probes/load-trust-roots.js';
import { createDnsResolver } from '../adapters/probes/resolve-host.js';
import { diagnoseModule } from '../engine/diagnose-module.js';
import type { Diagnoser } from '../engine/diagnoser.js';
import { budgetFor, type EngineDeps } from '../engine/engine-deps.js';

export interface CreateDiagnoserOptions {
  readonly zone: string;
  /** The Go environment of the zone: process variables (the CLI passes its own process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory whose go.mod/go.sum count, as for the go command (null: none). */
  readonly cwd?: string | null;
  /** The whole budget for one verdict (default 5 s). */
  readonly timeoutMs?: number;
  /** `ip:port` DNS servers instead of the system's (the lab's responder in rehearsals and tests). */
  readonly resolverServers?: readonly string[];
  /** Pins host names to loopback ports (lab and tests); Host and SNI keep the real name. */
  readonly connectTo?: (host: string, port: number) => { host: string; port: number } | null;
  /** `go version` output; undefined: ask the go on PATH; null: there is none. */
  readonly goVersionOutput?: string | null;
}

const run = promisify(execFile);

/** Builds the engine for one zone: reads the files the go command would read, once. */
export async function createDiagnoser(options: CreateDiagnoserOptions): Promise<Diagnoser> {
  const goEnv = await loadGoEnv(options.env, options.goVersionOutput);
  const goSum = options.cwd === undefined || options.cwd === null ? null : await loadGoSum(options.cwd);
  const trustRoots = await loadTrustRoots(goEnv.trust);
  const resolve = createDnsResolver({
    ...(options.resolverServers === undefined ? {} : { servers: options.resolverServers }),
    // Two tries (c-ares waits about 4x the per-try timeout in all) inside the DNS phase's budget (0.4 of the total), so a silent
    // resolver is reported by the resolver itself, with its address, as Go does.
    timeoutMs: Math.max(100, Math.round((options.timeoutMs ?? 5000) * 0.08)),
    tries: 2,
  });
  const probes = createHttpProbeRunner({
    resolve,
    trustRoots,
    ...(options.connectTo === undefined ? {} : { connectTo: options.connectTo }),
  });
  const timeoutMs = options.timeoutMs ?? 5000;
  const deps: EngineDeps = {
    goEnv,
    probes,
    goSum,
    budget: budgetFor(timeoutMs),
    monotonicMs: () => performance.now(),
    isoNow: () => new Date().toISOString(),
    diagnoseCommand: (module, version) => `gomod-doctor diagnose ${module}${version === null ? '' : `@${version}`}${timeoutMs === 5000 ? '' : ` --timeout ${timeoutMs / 1000}`}`,
  };
  return {
    diagnose: (request, signal) => diagnoseModule(request, deps, signal),
    close: async () => {},
  };
}

/** The go command's view of its environment: process env over the GOENV file over defaults. */
export async function loadGoEnv(env: Readonly<Record<string, string | undefined>>, goVersionOutput?: string | null): Promise<GoEnv> {
  const goEnvPath = locateGoEnvFile(env, process.platform);
  const netrcPath = locateNetrcFile(env, process.platform);
  return resolveGoEnv({
    env,
    goEnvFile: goEnvPath.path === null ? null : await readTextOrNull(goEnvPath.path),
    netrcFile: netrcPath.path === null ? null : await readTextOrNull(netrcPath.path),
    goVersionOutput: goVersionOutput === undefined ? await readGoVersion(env) : goVersionOutput,
  });
}

async function readGoVersion(env: Readonly<Record<string, string | undefined>>): Promise<string | null> {
  try {
    const { stdout } = await run('go', ['version'], { env: { PATH: env.PATH ?? '', HOME: env.HOME ?? '', GOTOOLCHAIN: 'local' }, timeout: 5000 });
    return stdout;
  } catch {
    return null; // no go on PATH: the current release's behaviour is assumed and said in the output
  }
}

/** The main module's go.sum: the go command looks upwards for go.mod and reads go.sum beside it. */
async function loadGoSum(cwd: string): Promise<GoSum | null> {
  let dir = cwd;
  for (;;) {
    const goMod = await readTextOrNull(join(dir, 'go.mod'));
    if (goMod !== null) {
      const text = await readTextOrNull(join(dir, 'go.sum'));
      if (text === null) return null;
      const parsed = parseGoSum(text, join(dir, 'go.sum'));
      return parsed.ok ? parsed.sum : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null; // an absent file is the usual case: the go command treats it as empty
  }
}
