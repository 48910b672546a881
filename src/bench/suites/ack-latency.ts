import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { parseJsonLine, spawnLineChild, type LineChild } from '../bot-line-child.js';
import { startSlackStandIn, type SlackStandIn } from '../bot-slack-stand-in.js';
import { clearPrefix } from '../pool-clear-prefix.js';
import { openBenchRedis } from '../pool-open-redis.js';
import { renderTable } from '../render-table.js';

const BURST = 200;
const ROUNDS = 2;
const GOAL_RATIO = 2;
const SLACK_LIMIT_MS = 3000;
const SECRET = 'bench-signing-secret';
const COMMANDS = ['help', 'diagnose corp.example/hello@v1.0.0'] as const;
const CONFIG = `zones:
  bench:
    env:
      GOPROXY: "https://goproxy.corp.example"
slack:
  rateLimit: { perUser: 1000, windowSeconds: 60 }
queue:
  concurrency: 50
  dedupSeconds: 60
  resultTtlHours: 1
`;

interface Sample {
  readonly ms: number;
  readonly status: number;
}

/** The form body Slack sends for a slash command (the fields test/support/signed-request.ts sends). */
function buildSlashBody(text: string, user: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy-verification-token', team_id: 'T0001', team_domain: 'corp', channel_id: 'C0001', channel_name: 'go-help',
    user_id: user, user_name: 'alice', command: '/gomod', text, api_app_id: 'A0001',
    is_enterprise_install: 'false', response_url: responseUrl, trigger_id: '1.2.3',
  }).toString();
}

/** One POST on a fresh connection (no keep-alive); latency from the call to the last byte of the answer. */
function postOnce(port: number, path: string, body: string): Promise<Sample> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path, method: 'POST', agent: false,
      headers: {
        'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), connection: 'close',
        'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature,
      },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
      response.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** BURST requests at once; a failed request counts as a 10 s sample with status 0 (so it cannot flatter the figure). */
function sendBurst(port: number, path: string, text: string, round: string, responseUrl: string): Promise<Sample[]> {
  return Promise.all(Array.from({ length: BURST }, (_, i) =>
    postOnce(port, path, buildSlashBody(text, `U${round}${i}`, responseUrl)).catch(() => ({ ms: 10_000, status: 0 }))));
}

function percentile(samples: readonly Sample[], p: number): number {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

async function startBot(context: BenchContext, slack: SlackStandIn, configPath: string, redisUrl: string, prefix: string): Promise<{ child: LineChild; port: number }> {
  const child = spawnLineChild([join(context.repoRoot, 'dist', 'main', 'cli.js'), 'serve', '--role', 'bot', '--http', '--port', '0', '--config', configPath], {
    PATH: process.env['PATH'] ?? '', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redisUrl, GOMOD_DOCTOR_QUEUE_PREFIX: prefix, LOG_LEVEL: 'info',
  });
  try {
    const port = await child.waitFor((line) => {
      const log = parseJsonLine(line);
      return typeof log?.['msg'] === 'string' && log['msg'].startsWith('Slack HTTP receiver listening') && typeof log['port'] === 'number' ? log['port'] : undefined;
    }, 20_000, 'bot listening log line');
    return { child, port };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

async function runAckLatency(context: BenchContext): Promise<readonly BenchGoal[]> {
  const prefix = `bench-ack-${randomUUID().slice(0, 8)}`;
  const scratch = await mkdtemp(join(tmpdir(), 'gomod-doctor-bench-ack-'));
  const configPath = join(scratch, 'gomod-doctor.yml');
  await writeFile(configPath, CONFIG);
  const redis = await openBenchRedis();
  const slack = await startSlackStandIn();
  const plain = spawnLineChild([join(context.benchDir, 'bot-plain-server-child.js')], { PATH: process.env['PATH'] ?? '' });
  let bot: { child: LineChild; port: number } | null = null;
  const goals: BenchGoal[] = [];
  try {
    const plainPort = await plain.waitFor((line) => { const v = parseJsonLine(line)?.['port']; return typeof v === 'number' ? v : undefined; }, 10_000, 'plain server port');
    bot = await startBot(context, slack, configPath, redis.url, prefix);
    const botPort = bot.port;
    // Warm-up: both servers answer a small burst first (JIT, Redis connections).
    await sendBurst(plainPort, '/', 'help', 'W', slack.responseUrl);
    await sendBurst(botPort, '/slack/events', 'help', 'W', slack.responseUrl);
    const rows: string[][] = [];
    for (const text of COMMANDS) {
      const ours: Sample[] = [];
      const base: Sample[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        base.push(...await sendBurst(plainPort, '/', text, `P${round}x`, slack.responseUrl));
        ours.push(...await sendBurst(botPort, '/slack/events', text, `B${round}${text.length}x`, slack.responseUrl));
      }
      const bad = ours.filter((s) => s.status !== 200).length + base.filter((s) => s.status !== 200).length;
      const ratio = percentile(ours, 0.99) / percentile(base, 0.99);
      rows.push([`/gomod ${text}`, percentile(ours, 0.5).toFixed(1), percentile(ours, 0.99).toFixed(1),
        percentile(base, 0.5).toFixed(1), percentile(base, 0.99).toFixed(1), `${ratio.toFixed(2)}×`, String(bad)]);
      const note = bad === 0 ? {} : { note: `${bad} request(s) not answered 200` };
      goals.push({ suite: 'ack-latency', name: `/gomod ${text.split(' ')[0] ?? text}: ack p99 / plain server p99`, figure: `${ratio.toFixed(2)}×`,
        goal: `≤ ${GOAL_RATIO}×`, met: ratio <= GOAL_RATIO && bad === 0, ...note });
      goals.push({ suite: 'ack-latency', name: `/gomod ${text.split(' ')[0] ?? text}: ack p99`, figure: `${percentile(ours, 0.99).toFixed(0)} ms`,
        goal: `< ${SLACK_LIMIT_MS} ms (Slack's limit)`, met: percentile(ours, 0.99) < SLACK_LIMIT_MS && bad === 0, ...note });
    }
    for (const line of renderTable([
      { header: 'command' }, { header: 'bot p50 ms', align: 'right' }, { header: 'bot p99 ms', align: 'right' },
      { header: 'plain p50 ms', align: 'right' }, { header: 'plain p99 ms', align: 'right' }, { header: 'p99 ratio', align: 'right' }, { header: 'non-200', align: 'right' },
    ], rows)) context.print(line);
    context.print(`${ROUNDS}×${BURST} concurrent signed slash commands per command, interleaved with the same bursts to a do-nothing node:http child;`);
    context.print('bot = `serve --role bot --http` in its own process, Slack stand-in on loopback, one connection per request;');
    context.print(`Redis: ${redis.description}.`);
    context.print(`Slack stand-in saw ${slack.calls()} Web API call(s) / response_url post(s) meanwhile.`);
  } finally {
    await Promise.allSettled([bot?.child.stop(), plain.stop()]);
    await slack.close();
    const deleted = await clearPrefix(redis.url, prefix).catch((error: unknown) => { context.print(`!!! could not clear ${prefix}: ${String(error)}`); return 0; });
    context.print(`cleared ${deleted} Redis key(s) under ${prefix}:`);
    await redis.close();
    await rm(scratch, { recursive: true, force: true });
  }
  return goals;
}

export const ackLatencySuite: BenchSuite = {
  id: 'ack-latency',
  title: 'Slash-command ack latency of the bot (HTTP receiver) vs a do-nothing node:http server, 200 at once',
  run: runAckLatency,
};
