import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '../../src/adapters/observability/create-logger.js';
import { createOutbox, createOutboxProcessor } from '../../src/adapters/queue/slack-outbox.js';
import { SLACK_OUTBOX_QUEUE } from '../../src/adapters/queue/queue-names.js';
import { createSlackPoster, createSlackWebClient } from '../../src/adapters/slack/slack-web-api.js';
import { renderSection } from '../../src/adapters/slack/blocks/block-kit.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { useTestRedis } from '../support/redis.js';

const silent = createLogger({ level: 'silent' });

async function startOutbox(options: { intervalMs?: number; messageLimitBackoffMs?: number } = {}): Promise<{ slack: FakeSlackApi; outbox: ReturnType<typeof createOutbox>; prefix: string }> {
  const { url, prefix, redis } = useTestRedis([SLACK_OUTBOX_QUEUE]);
  const slack = await startFakeSlackApi();
  const producer = new Redis(url, { maxRetriesPerRequest: 1 });
  const outbox = createOutbox({ connection: producer, prefix });
  const worker = new Worker(SLACK_OUTBOX_QUEUE, createOutboxProcessor({
    redis, prefix, slack: createSlackPoster(createSlackWebClient({ token: 'xoxb-test', slackApiUrl: slack.apiUrl })),
    perChannelIntervalMs: options.intervalMs ?? 0, messageLimitBackoffMs: options.messageLimitBackoffMs ?? 50, logger: silent,
  }), { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix, concurrency: 4 });
  onTestFinished(async () => {
    await worker.close();
    await outbox.close();
    await producer.quit();
    await slack.close();
  });
  return { slack, outbox, prefix };
}

const blocks = (text: string): Record<string, unknown>[] => [renderSection(text)];

describe('slack outbox', () => {
  it('posts a status message once and then edits it in place, never backwards', async () => {
    const { slack, outbox } = await startOutbox();
    await outbox.send({ kind: 'status', key: 's1', channel: 'C1', rank: 0, text: 'queued', blocks: blocks('queued') }, { jobId: 's1-queued' });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    await outbox.send({ kind: 'status', key: 's1', channel: 'C1', rank: 2, text: 'verdict', blocks: blocks('verdict') }, { jobId: 's1-verdict' });
    await slack.waitFor(() => slack.callsTo('chat.update').length === 1);
    await outbox.send({ kind: 'status', key: 's1', channel: 'C1', rank: 1, text: 'running', blocks: blocks('running') }, { jobId: 's1-running' });
    await outbox.send({ kind: 'thread', key: 's1', channel: 'C1', text: 'details', blocks: blocks('details') }, { jobId: 's1-thread-0' });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 2);
    const [parentTs, parent] = [...slack.messages.entries()][0] ?? [];
    expect(parent?.text).toBe('verdict');
    expect(parent?.edits).toBe(1);
    expect([...slack.messages.values()][1]?.threadTs).toBe(parentTs);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
  });

  it('never posts the same result twice when it is enqueued twice', async () => {
    const { slack, outbox } = await startOutbox();
    const message = { kind: 'post' as const, channel: 'C2', text: 'report', blocks: blocks('report') };
    await outbox.send(message, { jobId: 'report-1' });
    await outbox.send(message, { jobId: 'report-1' });
    await outbox.post({ channel: 'C2', text: 'marker', blocks: blocks('marker') });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length >= 2);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => c.args['text'] === 'marker'));
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args['text'] === 'report')).toHaveLength(1);
  });

  it('honours Retry-After on ratelimited and posts once the wait is over', async () => {
    const { slack, outbox } = await startOutbox();
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await outbox.post({ channel: 'C3', text: 'hello', blocks: blocks('hello') });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.answer === 'ok'));
    const [limited, posted] = slack.callsTo('chat.postMessage');
    expect(limited?.answer).toBe('ratelimited');
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('backs off on message_limit_exceeded and holds only that channel', async () => {
    const { slack, outbox } = await startOutbox({ messageLimitBackoffMs: 300 });
    slack.failNext('chat.postMessage', { error: 'message_limit_exceeded' });
    await outbox.post({ channel: 'C4', text: 'first', blocks: blocks('first') });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    await outbox.post({ channel: 'C5', text: 'other channel', blocks: blocks('other') });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').filter((c) => c.answer === 'ok').length === 2);
    const ok = slack.callsTo('chat.postMessage').filter((c) => c.answer === 'ok').map((c) => c.args['text']);
    expect(ok).toEqual(['other channel', 'first']);
    const [refused, retried] = slack.callsTo('chat.postMessage').filter((c) => c.args['channel'] === 'C4');
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it('spaces posts to one channel by the per-channel interval', async () => {
    const { slack, outbox } = await startOutbox({ intervalMs: 200 });
    for (const n of [1, 2, 3]) await outbox.post({ channel: 'C6', text: `m${n}`, blocks: blocks(`m${n}`) });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 3);
    const times = slack.callsTo('chat.postMessage').map((c) => c.at).sort((a, b) => a - b);
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(400);
  });

  it('gives a burst in one channel one turn each, an interval apart on average', async () => {
    const { slack, outbox } = await startOutbox({ intervalMs: 40 });
    await Promise.all(Array.from({ length: 15 }, (_, n) => outbox.post({ channel: 'C7', text: `b${n}`, blocks: blocks(`b${n}`) })));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 15);
    const times = slack.callsTo('chat.postMessage').map((c) => c.at).sort((a, b) => a - b);
    // Each post waits for its own turn: the 15th comes at least 14 turns after the first (one turn of slack).
    expect((times[14] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(13 * 40);
    expect(new Set(slack.callsTo('chat.postMessage').map((c) => c.args['text'])).size).toBe(15);
  });

  it('fails a malformed job at once instead of retrying it', async () => {
    const { prefix, slack } = await startOutbox();
    const { url } = useTestRedis();
    const connection = new Redis(url, { maxRetriesPerRequest: 1 });
    const queue = new Queue(SLACK_OUTBOX_QUEUE, { connection, prefix });
    onTestFinished(async () => { await queue.close(); await connection.quit(); });
    const job = await queue.add('post', { kind: 'post', channel: '' }, { attempts: 5 });
    const failed = await waitForState(queue, job.id ?? '', 'failed');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/outbox payload invalid/);
    expect(slack.calls).toHaveLength(0);
  });
});

async function waitForState(queue: Queue, id: string, state: string): Promise<{ attemptsMade: number; failedReason: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (await queue.getJobState(id) === state) {
      const job = await queue.getJob(id); // read after the state change, so its fields are final
      if (job !== undefined) return { attemptsMade: job.attemptsMade, failedReason: job.failedReason };
    }
    if (Date.now() > deadline) throw new Error(`job ${id} never reached ${state}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
