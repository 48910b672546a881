import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LAB_SCENARIOS } from '../scenarios.js';
import type { LabScenario } from '../scenarios.js';
import { startLab } from '../start-lab.js';
import type { Lab } from '../start-lab.js';
import { normalizeGoOutput, redactGoEnv, trimOutput } from './normalize-go-output.js';
import type { NormalizeRules } from './normalize-go-output.js';
import { createGoSandbox, runGo } from './run-go.js';

/**
 * `npm run record-go`: runs the real go command against every lab scenario and writes what it printed to
 * test/fixtures/go/<id>.json. Scenarios that need lab host names run inside a network namespace with only
 * loopback (the recorder re-executes itself there with --inside), so nothing can leave the machine.
 */

/** One recording, as committed. */
export interface GoFixture {
  readonly scenario: string;
  readonly goVersion: string;
  readonly command: string;
  readonly env: Record<string, string>;
  readonly exitCode: number | null;
  readonly stderr: string;
  /** Killed after the bound (20 s for scenarios where go waits for ever, 60 s otherwise). */
  readonly hung: boolean;
  /** How long go took to exit with an error; null when it succeeded or hung. */
  readonly timeToFailMs: number | null;
}

const GO = '/usr/bin/go';
const TIMEOUT_MS = 60_000;
const HANG_BOUND_MS = 20_000;
const MAX_STDERR_BYTES = 8 * 1024;
const CONCURRENCY = 4;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface RecordOptions {
  readonly outDir: string;
  readonly only: ReadonlySet<string> | null;
  /** Inside the recorder's namespace: the lab binds :53, :80 and :443, and name-based scenarios run. */
  readonly inside: boolean;
}

function run(command: string, args: readonly string[], stdio: 'inherit' | 'ignore' = 'ignore'): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio });
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
}

async function runChecked(command: string, args: readonly string[]): Promise<void> {
  const code = await run(command, args);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

/** Creates a loopback-only namespace, runs the recorder inside it, and always removes the namespace. */
async function recordInNamespace(argv: readonly string[]): Promise<number | null> {
  const namespace = `gmd-rec-${process.pid}`;
  const etcDir = join('/etc/netns', namespace);
  const cleanup = async (): Promise<void> => {
    await run('ip', ['netns', 'del', namespace]);
    await rm(etcDir, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runChecked('ip', ['netns', 'add', namespace]);
    await runChecked('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up']);
    await mkdir(etcDir, { recursive: true });
    // `ip netns exec` bind-mounts /etc/netns/<ns>/resolv.conf over /etc/resolv.conf: names go to the lab.
    await writeFile(join(etcDir, 'resolv.conf'), 'nameserver 127.0.0.1\n');
    return await run('ip', ['netns', 'exec', namespace, process.execPath, fileURLToPath(import.meta.url), '--inside', ...argv], 'inherit');
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

async function recordScenario(scenario: LabScenario, lab: Lab, goVersion: string, inside: boolean): Promise<GoFixture> {
  const sandbox = await createGoSandbox(scenario.goSum);
  try {
    const env = { ...sandbox.baseEnv, GOFLAGS: '-mod=mod', ...scenario.env(lab) };
    const target = `${scenario.module}@${scenario.version ?? 'latest'}`;
    const hangs = scenario.goHangs === true;
    const result = await runGo({
      goBinary: GO,
      args: ['mod', 'download', '-x', target],
      cwd: sandbox.appDir,
      env,
      timeoutMs: hangs ? HANG_BOUND_MS : TIMEOUT_MS,
    });
    const rules: NormalizeRules = {
      paths: [
        [sandbox.gomodcache, '<GOMODCACHE>'],
        [sandbox.gopath, '<GOPATH>'],
        [sandbox.home, '<HOME>'],
        [sandbox.root, '<tmp>'],
        [REPO_ROOT, '<repo>'],
      ],
      secrets: [lab.credentials.password],
      keepPorts: inside ? [53, 80, 443] : [],
    };
    return {
      scenario: scenario.id,
      goVersion,
      command: normalizeGoOutput(`go mod download -x ${target}`, rules),
      env: redactGoEnv(env, rules),
      exitCode: result.exitCode,
      stderr: trimOutput(normalizeGoOutput(result.stderr, rules), MAX_STDERR_BYTES),
      hung: result.hung,
      timeToFailMs: result.exitCode === 0 || result.hung ? null : result.durationMs,
    };
  } finally {
    await sandbox.dispose();
  }
}

async function readGoVersion(): Promise<string> {
  const sandbox = await createGoSandbox();
  try {
    const result = await runGo({ goBinary: GO, args: ['version'], cwd: sandbox.appDir, env: sandbox.baseEnv, timeoutMs: 10_000 });
    if (result.exitCode !== 0) throw new Error(`go version failed: ${result.stderr}`);
    return result.stdout.trim();
  } finally {
    await sandbox.dispose();
  }
}

/** Deletes fixtures of scenarios the catalogue no longer has, so the directory mirrors it. */
async function removeStaleFixtures(outDir: string): Promise<void> {
  const ids = new Set(LAB_SCENARIOS.map((s) => `${s.id}.json`));
  for (const file of await readdir(outDir)) {
    if (file.endsWith('.json') && !ids.has(file)) {
      await rm(join(outDir, file));
      process.stdout.write(`removed stale fixture ${file}\n`);
    }
  }
}

/** Records the selected scenarios (all, inside the namespace; only those without names, outside). */
async function recordScenarios(options: RecordOptions): Promise<number> {
  const selected = LAB_SCENARIOS.filter((s) => options.only === null || options.only.has(s.id));
  const runnable = selected.filter((s) => options.inside || s.needsNames !== true);
  for (const skipped of selected.filter((s) => !runnable.includes(s))) {
    process.stdout.write(`skip ${skipped.id}: needs lab host names (run as root so the recorder can create a network namespace)\n`);
  }
  const goVersion = await readGoVersion();
  const lab = await startLab(options.inside ? { bindPrivilegedPorts: true, dnsPort: 53 } : {});
  await mkdir(options.outDir, { recursive: true });
  let failures = 0;
  try {
    const queue = [...runnable];
    const worker = async (): Promise<void> => {
      for (let scenario = queue.shift(); scenario !== undefined; scenario = queue.shift()) {
        try {
          const fixture = await recordScenario(scenario, lab, goVersion, options.inside);
          await writeFile(join(options.outDir, `${scenario.id}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
          const outcome = fixture.hung ? 'hung' : `exit ${fixture.exitCode}`;
          process.stdout.write(`recorded ${scenario.id}: ${outcome}${fixture.timeToFailMs === null ? '' : ` after ${fixture.timeToFailMs} ms`}\n`);
        } catch (error) {
          failures += 1;
          process.stderr.write(`failed ${scenario.id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await lab.close();
  }
  if (options.only === null) await removeStaleFixtures(options.outDir);
  return failures === 0 ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      inside: { type: 'boolean', default: false },
      'no-netns': { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const passThrough = [
    ...(values.only === undefined ? [] : ['--only', values.only]),
    ...(values.out === undefined ? [] : ['--out', values.out]),
  ];
  const options: RecordOptions = {
    outDir: resolve(values.out ?? join(REPO_ROOT, 'test', 'fixtures', 'go')),
    only: values.only === undefined ? null : new Set(values.only.split(',')),
    inside: values.inside,
  };
  if (values.inside || values['no-netns']) return recordScenarios(options);
  if (process.getuid?.() !== 0) {
    process.stdout.write('not root: no network namespace, recording only scenarios that need no lab host names\n');
    return recordScenarios(options);
  }
  return (await recordInNamespace(passThrough)) ?? 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`record-go: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
