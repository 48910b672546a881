import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createZoneProbe } from '../../adapters/report/create-zone-probe.js';
import { runZoneChecks } from '../../adapters/report/run-zone-checks.js';
import { planReportChecks } from '../../core/report/plan-report-checks.js';
import { summarizeReport } from '../../core/report/summarize-report.js';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';

const MODULES = 1000;
const LATENCY_MS = 20;
/** The configuration's default `queue.reportConcurrency`. */
const CONCURRENCY = 24;
const GOAL_SECONDS = 20;
const GOAL_RSS_MB = 150;
const LAB_VERSIONS: readonly (readonly [string, string])[] = [
  ['corp.example/hello', 'v1.0.0'], ['corp.example/hello', 'v1.1.0'], ['corp.example/BigCorp/Lib', 'v1.0.0'], ['corp.example/hello/v2', 'v2.0.0'], ['corp.example/hello/v2', 'v1.0.0'],
];

/** The lab in its own process (`gomod-doctor lab`), so its TLS work is not billed to the report. */
async function startLabProcess(context: BenchContext): Promise<{ child: ChildProcess; trusted: string; http: string; ca: string }> {
  const child = spawn(process.execPath, [join(context.repoRoot, 'dist', 'main', 'cli.js'), 'lab', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const trusted = /GOPROXY \(trusted TLS\)\s+(https:\/\/[\d.:]+)/.exec(out)?.[1];
      const http = /GOPROXY \(plain http\)\s+(http:\/\/[\d.:]+)/.exec(out)?.[1];
      const ca = /SSL_CERT_FILE=(\S+)/.exec(out)?.[1];
      if (trusted !== undefined && http !== undefined && ca !== undefined) resolve({ child, trusted, http, ca });
    });
  });
}

interface ReportChildInput { readonly base: string; readonly ca: string }
interface ReportChildFigures { readonly checks: number; readonly hops: number; readonly failed: number; readonly seconds: number; readonly peakRssMb: number; readonly startRssMb: number }

/**
 * One report run in its own process (this file run with `report-child`), so the RSS figure is the
 * report's, not the bench harness's with every other suite's modules loaded.
 */
async function runReportChild(input: ReportChildInput): Promise<ReportChildFigures> {
  // The report's own probe (createZoneProbe): the lab's CA as the zone's SSL_CERT_FILE, sessions resumed per hop.
  const { probe } = await createZoneProbe({ SSL_CERT_FILE: input.ca });
  const watchlist = Array.from({ length: MODULES }, (_, i) => {
    const [module, version] = LAB_VERSIONS[i % LAB_VERSIONS.length] as readonly [string, string];
    return { module, version };
  });
  const budget = { dnsMs: 2000, connectMs: 5000, proxyMs: 5000, tlsMs: 5000, ttfbMs: 10_000, bodyMs: 10_000 };
  const env = { GOPROXY: `${input.base}/slow-${LATENCY_MS},${input.base}/ok`, GOSUMDB: `sum.corp.example+x ${input.base}/sumdb/sum.corp.example` };
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  const started = performance.now();
  const results = await runZoneChecks(planReportChecks('bench', env, watchlist), watchlist, { probe, proxyFor: () => null, concurrency: CONCURRENCY, budget, now: () => new Date().toISOString() });
  const report = summarizeReport(results, null, { now: new Date().toISOString(), days: 7 });
  clearInterval(sampler);
  return {
    checks: results.length, hops: report.zones[0]?.hops.length ?? 0, failed: results.filter((r) => r.class !== 'ok').length,
    seconds: (performance.now() - started) / 1000, peakRssMb: peak / 1e6, startRssMb: startRss / 1e6,
  };
}

function spawnReportChild(context: BenchContext, input: ReportChildInput): Promise<ReportChildFigures> {
  const child = spawn(process.execPath, [join(context.benchDir, 'suites', 'report-and-paging.js'), 'report-child', JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim()) as ReportChildFigures);
      else reject(new Error(`report child exited with ${String(code)}`));
    });
  });
}

async function runReportThroughput(context: BenchContext): Promise<readonly BenchGoal[]> {
  const lab = await startLabProcess(context);
  try {
    const figures: { scheme: string; seconds: number; rssMb: number }[] = [];
    for (const [scheme, base] of [['https', lab.trusted], ['http', lab.http]] as const) {
      const run = await spawnReportChild(context, { base, ca: lab.ca });
      context.print(`${scheme}: ${run.checks} checks (${MODULES} modules × ${run.hops} hops, ${LATENCY_MS} ms injected, concurrency ${CONCURRENCY}) in ${run.seconds.toFixed(1)} s; ${run.failed} failed; peak RSS ${run.peakRssMb.toFixed(0)} MB (${run.startRssMb.toFixed(0)} MB before the run)`);
      figures.push({ scheme, seconds: run.seconds, rssMb: run.peakRssMb });
    }
    const https = figures[0] as { seconds: number; rssMb: number };
    return [
      { suite: 'report-throughput', name: `report, ${MODULES} modules × 3 hops over TLS`, figure: `${https.seconds.toFixed(1)} s`, goal: `≤ ${GOAL_SECONDS} s`, met: https.seconds <= GOAL_SECONDS, note: `plain HTTP: ${(figures[1]?.seconds ?? 0).toFixed(1)} s (the difference is TLS: a resumed handshake per probe, a full one per hop first)` },
      { suite: 'report-throughput', name: 'report process peak RSS', figure: `${https.rssMb.toFixed(0)} MB`, goal: `≤ ${GOAL_RSS_MB} MB`, met: https.rssMb <= GOAL_RSS_MB, note: 'the report in its own process' },
    ];
  } finally {
    lab.child.kill();
  }
}

async function runPagerThroughput(context: BenchContext): Promise<readonly BenchGoal[]> {
  // Imported here, not at the top: the report child runs this file and must not carry Redis and the pager.
  const { startFakePagerDutyForBench } = await import('./fake-pagerduty-bench.js');
  const { Redis } = await import('ioredis');
  const { createPagerDutyPager } = await import('../../adapters/pager/create-pagerduty-pager.js');
  const { createPaging } = await import('../../adapters/pager/create-paging.js');
  const { createRedisIncidentStore } = await import('../../adapters/pager/redis-incident-store.js');
  const { startEmbeddedRedis } = await import('../../main/embedded-redis.js');
  const dir = await mkdtemp(join(tmpdir(), 'gmd-bench-redis-'));
  const redis = await startEmbeddedRedis({ dataDir: dir });
  const pd = await startFakePagerDutyForBench();
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const policy = { ackTimeoutMs: 3_600_000, maxAgeMs: 3_600_000, levels: [{ name: 'primary', pagerdutyRoutingKeyEnv: 'K' }] };
  const paging = createPaging({
    connection, prefix: 'bench', policy, env: { K: 'bench-routing-key' }, publisher: null,
    store: createRedisIncidentStore({ redis: connection, prefix: 'bench', retentionSeconds: 600 }),
    pager: createPagerDutyPager({ eventsUrl: pd.url, attempts: 1 }), sendBackoffMs: 20, sendMaxBackoffMs: 100,
  });
  paging.startWorker({ concurrency: 20 });
  try {
    const pages = 1000;
    const started = performance.now();
    for (let i = 0; i < pages; i++) {
      await paging.raise({ id: `build-outage|https://hop${i}.example|bench`, severity: 'P0', summary: `bench ${i}`, context: { pattern: 'build-outage', hop: `https://hop${i}.example`, zone: 'bench', classes: [], modules: [], evidence: [] } });
    }
    await pd.waitForTriggers(pages);
    const perMinute = pages / ((performance.now() - started) / 60_000);
    context.print(`${pages} distinct P0 pages (every 25th answered 429, then 500, first) delivered: ${pd.triggers()} triggers, ${pd.failures()} retried answers, ${perMinute.toFixed(0)} pages/min`);
    return [{ suite: 'pager-throughput', name: 'pages delivered per minute without loss', figure: `${perMinute.toFixed(0)}/min`, goal: '≥ 120/min (PagerDuty\'s own per-key limit), 0 lost', met: perMinute >= 120 && pd.triggers() === pages }];
  } finally {
    await paging.close();
    connection.disconnect();
    await pd.close();
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export const reportThroughputSuite: BenchSuite = { id: 'report-throughput', title: 'daily report over 1,000 watchlist modules × 3 hops against the lab', run: runReportThroughput };
export const pagerThroughputSuite: BenchSuite = { id: 'pager-throughput', title: 'pages per minute through the page queue to a PagerDuty stand-in, with 429/500 answers', run: runPagerThroughput };

if (process.argv[2] === 'report-child' && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await runReportChild(JSON.parse(process.argv[3] ?? '{}') as ReportChildInput))}\n`);
}
