import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stringify } from 'yaml';
import { onTestFinished } from 'vitest';
import { findLabScenario } from '../../src/lab/scenarios.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { startServe, type ServePlugins, type Serving } from '../../src/main/serve.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { postSigned, slashCommandBody } from '../support/signed-request.js';
import { useTestRedis } from '../support/redis.js';

export const SECRET = 'test-signing-secret';

export interface Harness {
  readonly lab: Lab;
  readonly slack: FakeSlackApi;
  readonly serving: Serving;
  readonly prefix: string;
  readonly url: string;
  readonly scratch: string;
  /** Every JSON log line the serve process wrote so far. */
  readonly logLines: () => Record<string, unknown>[];
  /** Sends `/gomod <text>` signed, with a response_url on the Slack stand-in named `id`. */
  command(text: string, options?: { id?: string; user?: string; channel?: string }): Promise<{ status: number; body: string; elapsedMs: number; json: Record<string, unknown> }>;
  /** The Go environment of a lab scenario, for the config's zones. */
  zoneEnv(scenarioId: string): Record<string, string>;
}

/**
 * `gomod-doctor serve --http --port 0` in this process, against a fresh lab, the Slack stand-in and the test Redis.
 * `zones` maps zone names to lab scenario ids (their Go environment becomes the zone's).
 */
export async function startHarness(options: { zones: Record<string, string>; extraConfig?: Record<string, unknown>; redisUrl?: string; lab?: Lab; role?: string[]; metricsPort?: boolean; socketMode?: boolean; plugins?: ServePlugins; env?: Record<string, string> }): Promise<Harness> {
  const { url, prefix } = useTestRedis([], options.redisUrl);
  const lab = options.lab ?? await startLab();
  const slack = await startFakeSlackApi();
  const scratch = await mkdtemp(join(tmpdir(), 'gomod-serve-'));
  const zoneEnv = (id: string): Record<string, string> => {
    const scenario = findLabScenario(id);
    if (scenario === undefined) throw new Error(`no lab scenario ${id}`);
    return scenario.env(lab);
  };
  const config = {
    zones: Object.fromEntries(Object.entries(options.zones).map(([zone, id]) => [zone, { env: zoneEnv(id) }])),
    queue: { concurrency: 10, diagnosisTimeoutMs: 2000 },
    outbox: { perChannelIntervalMs: 0, messageLimitBackoffMs: 50 },
    ...options.extraConfig,
  };
  const configFile = join(scratch, 'gomod-doctor.yml');
  await writeFile(configFile, stringify(config));
  const logs = new PassThrough();
  const logText: string[] = [];
  logs.on('data', (chunk: Buffer) => logText.push(chunk.toString()));
  if (process.env['TEST_LOG_LEVEL'] !== undefined) logs.pipe(process.stderr);
  const transport = options.socketMode === true ? [] : ['--http', '--port', '0'];
  const serving = await startServe([...transport, '--config', configFile, ...(options.metricsPort === true ? ['--metrics-port', '0'] : []), ...(options.role ?? [])], { stdout: logs }, {
    PATH: process.env['PATH'], HOME: scratch, GOENV: 'off', NETRC: join(scratch, 'netrc'),
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: 'xapp-1-test-token', SLACK_API_URL: slack.apiUrl,
    REDIS_URL: url, GOMOD_DOCTOR_QUEUE_PREFIX: prefix, LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'info',
    ...options.env,
  }, options.plugins);
  onTestFinished(async () => {
    await serving.close();
    await slack.close();
    if (options.lab === undefined) await lab.close();
    await rm(scratch, { recursive: true, force: true });
  });
  const eventsUrl = `http://127.0.0.1:${serving.httpPort}/slack/events`;
  return {
    lab, slack, serving, prefix, url, scratch, zoneEnv,
    logLines: () => logText.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>),
    async command(text, o = {}) {
      const body = slashCommandBody({ text, responseUrl: slack.responseUrl(o.id ?? 'cmd'), ...(o.user === undefined ? {} : { user: o.user }), ...(o.channel === undefined ? {} : { channel: o.channel }) });
      const answer = await postSigned(eventsUrl, body, { secret: SECRET });
      let json: Record<string, unknown>;
      try { json = JSON.parse(answer.body) as Record<string, unknown>; } catch { json = {}; /* an empty ack has no body */ }
      return { ...answer, json };
    },
  };
}

/** All mrkdwn text of a message's blocks, joined (for assertions on what a person reads). */
export function readBlocks(blocks: unknown): string {
  return JSON.stringify(blocks ?? []).replace(/\\n/g, '\n');
}
