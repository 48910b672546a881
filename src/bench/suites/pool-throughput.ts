import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnosis } from '../../core/diagnosis.js';
import { createLogger } from '../../adapters/observability/create-logger.js';
import { createDiagnoseProducer } from '../../adapters/queue/diagnose-producer.js';
import { createDiagnoseProcessor, startDiagnoseWorker } from '../../adapters/queue/diagnose-worker.js';
import { createProducerConnection, createWorkerConnection } from '../../adapters/queue/redis-connections.js';
import { createRunStore } from '../../adapters/queue/run-store.js';
import { createOutbox } from '../../adapters/queue/slack-outbox.js';
import type { Diagnoser } from '../../engine/diagnoser.js';
import { findLabScenario } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/start-lab.js';
import { createDiagnoser } from '../../main/create-diagnoser.js';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { clearPrefix } from '../pool-clear-prefix.js';
import { openBenchRedis } from '../pool-open-redis.js';
import { renderTable } from '../render-table.js';
import { runPool } from '../run-pool.js';

const JOBS = 600;
const WARM_UP = 50;
const CONCURRENCY = 50;
const ZONE = 'lab';
const SCENARIO = 'ok-healthy';
const GOAL_RATE = 300;
const GOAL_OVERHEAD = 0.15;
const POOL_CAP_MS = 120_000;

interface Rate {
  readonly seconds: number;
  readonly perSecond: number;
  readonly notOk: number;
}

/** The engine set up as a worker of zone `lab` would be, with the lab's resolver and loopback pins (as diagnose-lab-scenario does). */
async function buildLabDiagnoser(lab: Lab, scratch: string, goVersion: string | null): Promise<Diagnoser> {
  const scenario = findLabScenario(SCENARIO);
  if (scenario === undefined) throw new Error(`bench: no lab scenario ${SCENARIO}`);
  return createDiagnoser({
    zone: ZONE, env: { ...scenario.env(lab), GOENV: 'off', HOME: scratch, NETRC: join(scratch, 'netrc') }, cwd: null,
    timeoutMs: 5000, resolverServers: [`${lab.dns.host}:${lab.dns.port}`], connectTo: (host, port) => lab.connectTo(host, port),
    goVersionOutput: goVersion,
  });
}

function readTarget(): { module: string; version: string | null } {
  const scenario = findLabScenario(SCENARIO);
  if (scenario === undefined) throw new Error(`bench: no lab scenario ${SCENARIO}`);
  return { module: scenario.module, version: scenario.version };
}

/** JOBS diagnoses with CONCURRENCY in flight, the engine called directly in this process. */
async function measureDirect(diagnoser: Diagnoser, target: { module: string; version: string | null }, count: number): Promise<Rate> {
  const started = performance.now();
  const results = await runPool(Array.from({ length: count }), CONCURRENCY, () => diagnoser.diagnose({ ...target, zone: ZONE }));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: count / seconds, notOk: results.filter((d) => d.verdict !== 'ok').length };
}

/**
 * JOBS diagnoses through the real pool: the bot's producer (run store, subscriber, queued/running/result messages
 * to the outbox, one BullMQ job each) and a diagnose worker of concurrency CONCURRENCY on the same engine.
 * Timed from the first enqueue to the last completion, all enqueued at once as a burst of commands would.
 */
async function measurePool(diagnoser: Diagnoser, target: { module: string; version: string | null }, redisUrl: string, prefix: string): Promise<Rate & { failed: number }> {
  const logger = createLogger({ level: 'warn' });
  const producerConnection = createProducerConnection(redisUrl, 'gomod-doctor-bench-producer');
  const workerConnection = createWorkerConnection(redisUrl, 'gomod-doctor-bench-worker');
  producerConnection.on('error', () => undefined);
  workerConnection.on('error', () => undefined);
  const runStore = createRunStore({ redis: producerConnection, prefix, ttlSeconds: 3600 });
  const outbox = createOutbox({ connection: producerConnection, prefix });
  const producer = createDiagnoseProducer({ connection: producerConnection, prefix, runStore, outbox, dedupSeconds: 0 });
  const workerRunStore = createRunStore({ redis: workerConnection, prefix, ttlSeconds: 3600 });
  const workerOutbox = createOutbox({ connection: workerConnection, prefix });
  let completed = 0;
  let failed = 0;
  let notOk = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { allDone = resolve; });
  const settle = (): void => { if (completed + failed >= JOBS) allDone(); };
  const worker = startDiagnoseWorker({
    connection: workerConnection, prefix, zone: ZONE, logger, tuning: { concurrency: CONCURRENCY },
    processor: createDiagnoseProcessor({ zone: ZONE, diagnoser, runStore: workerRunStore, outbox: workerOutbox, logger, timeoutMs: 30_000 }),
  });
  worker.on('completed', (_job, diagnosis: Diagnosis) => { completed += 1; if (diagnosis.verdict !== 'ok') notOk += 1; settle(); });
  worker.on('failed', (job) => { if (job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1)) { failed += 1; settle(); } });
  try {
    await worker.waitUntilReady();
    await producer.queueFor(ZONE).waitUntilReady();
    const started = performance.now();
    await Promise.all(Array.from({ length: JOBS }, (_, i) =>
      producer.start({ ...target }, ZONE, { id: `bench-${i}`, channel: `C${i % 20}`, user: `U${i}` }, { fresh: true })));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((resolve) => { timer = setTimeout(resolve, POOL_CAP_MS); })]);
    clearTimeout(timer);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, perSecond: completed / seconds, notOk, failed: JOBS - completed };
  } finally {
    await worker.close(true);
    await producer.queueFor(ZONE).obliterate({ force: true }).catch(() => undefined);
    await Promise.allSettled([producer.close(), outbox.close(), workerOutbox.close()]);
    await Promise.allSettled([producerConnection.quit(), workerConnection.quit()]);
  }
}

async function runPoolThroughput(context: BenchContext): Promise<readonly BenchGoal[]> {
  const prefix = `bench-pool-${randomUUID().slice(0, 8)}`;
  const scratch = await mkdtemp(join(tmpdir(), 'gomod-doctor-bench-pool-'));
  const redis = await openBenchRedis();
  const lab = await startLab();
  try {
    const diagnoser = await buildLabDiagnoser(lab, scratch, context.goVersion);
    const target = readTarget();
    await measureDirect(diagnoser, target, WARM_UP);
    // direct, pool, direct: the baseline is the mean of the runs on either side, so drifting machine load falls on both.
    const before = await measureDirect(diagnoser, target, JOBS);
    const pool = await measurePool(diagnoser, target, redis.url, prefix);
    const after = await measureDirect(diagnoser, target, JOBS);
    const direct: Rate = { seconds: (before.seconds + after.seconds) / 2, perSecond: (before.perSecond + after.perSecond) / 2, notOk: before.notOk + after.notOk };
    const overhead = 1 - pool.perSecond / direct.perSecond;
    for (const line of renderTable([
      { header: 'path' }, { header: 'jobs', align: 'right' }, { header: 'seconds', align: 'right' }, { header: 'diagnoses/s', align: 'right' }, { header: 'not ok', align: 'right' },
    ], [
      ['engine called directly (before)', String(JOBS), before.seconds.toFixed(2), before.perSecond.toFixed(1), String(before.notOk)],
      ['engine called directly (after)', String(JOBS), after.seconds.toFixed(2), after.perSecond.toFixed(1), String(after.notOk)],
      ['BullMQ pool (producer → Redis → worker)', String(JOBS), pool.seconds.toFixed(2), pool.perSecond.toFixed(1), String(pool.notOk + pool.failed)],
    ])) context.print(line);
    context.print(`queue overhead ${(overhead * 100).toFixed(1)}% (1 − pool rate / mean direct rate ${direct.perSecond.toFixed(1)}/s); concurrency ${CONCURRENCY} both; scenario ${SCENARIO};`);
    context.print(`after ${WARM_UP} direct warm-up diagnoses; prefix ${prefix} (cleared below);`);
    context.print(`Redis: ${redis.description}.`);
    if (direct.perSecond < GOAL_RATE) {
      context.print(`the engine alone reaches ${direct.perSecond.toFixed(0)}/s on this machine: the ${GOAL_RATE}/s goal is out of the pool's reach here;`);
      context.print('what the pool controls is its overhead over the engine.');
    }
    const problems = pool.notOk + pool.failed + direct.notOk;
    const note = problems === 0 ? {} : { note: `${problems} diagnosis(es) not ok or failed` };
    return [
      { suite: 'pool-throughput', name: 'diagnoses/s through the pool', figure: `${pool.perSecond.toFixed(1)}/s`, goal: `≥ ${GOAL_RATE}/s`,
        met: pool.perSecond >= GOAL_RATE && problems === 0, ...(direct.perSecond < GOAL_RATE ? { note: `engine alone ${direct.perSecond.toFixed(1)}/s` } : note) },
      { suite: 'pool-throughput', name: 'queue overhead vs engine called directly', figure: `${(overhead * 100).toFixed(1)}%`, goal: `≤ ${GOAL_OVERHEAD * 100}%`,
        met: overhead <= GOAL_OVERHEAD && problems === 0, ...note },
    ];
  } finally {
    await lab.close();
    const deleted = await clearPrefix(redis.url, prefix).catch((error: unknown) => { context.print(`!!! could not clear ${prefix}: ${String(error)}`); return 0; });
    context.print(`cleared ${deleted} Redis key(s) under ${prefix}:`);
    await redis.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

export const poolThroughputSuite: BenchSuite = {
  id: 'pool-throughput',
  title: 'Diagnoses per second through the BullMQ worker pool vs the engine called directly (healthy lab)',
  run: runPoolThroughput,
};
