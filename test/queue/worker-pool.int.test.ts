import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startHarness, readBlocks, type Harness } from '../slack/serve-harness.js';

const BUILD = join(process.cwd(), 'node_modules', '.cache', 'gomod-doctor-test-build');

/** Worker processes run the compiled CLI (`gomod-doctor serve --role worker --zone <z>`), as on a real host. */
beforeAll(async () => {
  await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD]).catch((error: unknown) => {
    // Type errors elsewhere still emit JavaScript; only a missing entry point is fatal.
    if (!String((error as { stdout?: string }).stdout ?? '').includes('error TS')) throw error;
  });
}, 120_000);

interface WorkerProcess {
  readonly child: ChildProcess;
  readonly logs: string[];
  readonly exited: Promise<number | null>;
}

function spawnWorker(h: Harness, zone: string, extraEnv: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [join(BUILD, 'main', 'cli.js'), 'serve', '--role', 'worker', '--zone', zone, '--config', join(h.scratch, 'gomod-doctor.yml')], {
    env: {
      PATH: process.env['PATH'], HOME: h.scratch, GOENV: 'off', NETRC: join(h.scratch, 'netrc'),
      REDIS_URL: h.url, GOMOD_DOCTOR_QUEUE_PREFIX: h.prefix, LOG_LEVEL: 'info', ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  });
  return { child, logs, exited };
}

async function waitForLog(worker: WorkerProcess, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.logs.join('').includes(text)) {
    if (Date.now() > deadline) throw new Error(`worker never logged ${JSON.stringify(text)}:\n${worker.logs.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls until no job is waiting, active or delayed in these queues. */
async function waitForIdleQueues(h: Harness, names: readonly string[], timeoutMs = 20_000): Promise<void> {
  const connection = new Redis(h.url);
  const queues = names.map((name) => new Queue(name, { connection, prefix: h.prefix }));
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed')));
      if (counts.every((c) => (c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['delayed'] ?? 0) === 0)) return;
      if (Date.now() > deadline) throw new Error(`queues still busy: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    await connection.quit();
  }
}

describe('worker pool', () => {
  it('runs zone=all on two worker processes in two zones and compares them', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused', ci: 'tls-unknown-authority' }, role: ['--role', 'bot'] });
    const office = spawnWorker(h, 'office');
    const ci = spawnWorker(h, 'ci');
    await Promise.all([waitForLog(office, 'worker for zone office started'), waitForLog(ci, 'worker for zone ci started')]);
    await h.command('status', { id: 'status' });
    const status = readBlocks((await h.slack.waitFor(() => h.slack.callsTo('response_url:status')[0])).args['blocks']);
    expect(status).toContain('*office*: 1 worker alive');
    expect(status).toContain('*ci*: 1 worker alive');
    await h.command('diagnose corp.example/hello@v1.0.0 zone=all');
    const reply = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('The zones disagree')), 20_000);
    expect(reply.text).toBe('The zones disagree: ci tls.unknown_authority, office tcp.refused (corp.example/hello@v1.0.0)');
    expect(office.logs.join('')).toContain('"class":"tcp.refused"');
    expect(ci.logs.join('')).toContain('"class":"tls.unknown_authority"');
  });

  it('finishes the job of a worker killed with SIGKILL on another worker and posts the result exactly once', async () => {
    const h = await startHarness({ zones: { slow: 'http-stall' }, role: ['--role', 'bot'], extraConfig: { queue: { concurrency: 5, diagnosisTimeoutMs: 2500 } } });
    const tuning = { GOMOD_DOCTOR_LOCK_MS: '1000', GOMOD_DOCTOR_STALLED_MS: '500' };
    const first = spawnWorker(h, 'slow', tuning);
    await waitForLog(first, 'worker for zone slow started');
    await h.command('diagnose corp.example/hello@v1.0.0 zone=slow');
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('Running in zone slow')), 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.logs.join('')).not.toContain('diagnosis finished');

    const second = spawnWorker(h, 'slow', tuning);
    const verdict = await h.slack.waitFor(() => [...h.slack.messages.entries()].find(([, m]) => m.text.startsWith('http.stall')), 40_000);
    await waitForLog(second, 'diagnosis finished');
    const [ts] = verdict;
    const thread = await h.slack.waitFor(() => {
      const replies = [...h.slack.messages.values()].filter((m) => m.threadTs === ts);
      return replies.length > 0 ? replies : undefined;
    });
    await waitForIdleQueues(h, ['slack-outbox', 'diagnose-slow']); // a duplicate, if any, has been posted by now
    expect([...h.slack.messages.values()].filter((m) => m.threadTs === null)).toHaveLength(1);
    expect(h.slack.callsTo('chat.update').filter((c) => String(c.args['text']).startsWith('http.stall'))).toHaveLength(1);
    expect([...h.slack.messages.values()].filter((m) => m.threadTs === ts)).toHaveLength(thread.length);
    expect(second.logs.join('')).toContain('"class":"http.stall"');
  });
});

describe('serve lifecycle', () => {
  it('finishes the diagnosis in flight on SIGTERM, then exits 0', async () => {
    const h = await startHarness({ zones: { slow: 'http-stall' }, role: ['--role', 'bot'], extraConfig: { queue: { concurrency: 5, diagnosisTimeoutMs: 2000 } } });
    const worker = spawnWorker(h, 'slow');
    await waitForLog(worker, 'worker for zone slow started');
    await h.command('diagnose corp.example/hello@v1.0.0 zone=slow');
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('Running in zone slow')), 20_000);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.logs.join('')).toContain('"class":"http.stall"');
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('http.stall')));
  });

  it('starts a private redis-server with its append-only file in the data directory when REDIS_URL is unset, and says so', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' }, role: ['--role', 'bot'] });
    const dataDir = join(h.scratch, 'data');
    const worker = spawnWorker(h, 'office', { REDIS_URL: '', GOMOD_DOCTOR_DATA_DIR: dataDir });
    await waitForLog(worker, 'worker for zone office started');
    expect(worker.logs.join('')).toMatch(/REDIS_URL is unset: started a private redis-server on redis:\/\/127\.0\.0\.1:\d+ with its append-only file under .*\/data\/redis/);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(join(dataDir, 'redis'), { recursive: true })).some((name) => String(name).includes('appendonly'))).toBe(true);
  });
});
