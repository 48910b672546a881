import { DelayedError, Queue, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isAppError } from '../../core/errors.js';
import type { Block } from '../slack/blocks/block-kit.js';
import type { SlackPoster } from '../slack/slack-web-api.js';
import { OutboxMessage } from './job-payloads.js';
import { SLACK_OUTBOX_QUEUE } from './queue-names.js';

/**
 * The Slack outbox: every role posts through it, only the bot role processes it.
 * A job id makes an enqueue idempotent: the same result enqueued twice is posted once.
 */
export interface Outbox {
  send(message: OutboxMessage, options?: { jobId?: string }): Promise<void>;
  /** A plain channel message (the daily report, incident notices). */
  post(args: { channel: string; text: string; blocks: readonly Block[]; threadTs?: string; jobId?: string }): Promise<void>;
  close(): Promise<void>;
}

export const OUTBOX_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function createOutbox(deps: { connection: Redis; prefix: string }): Outbox {
  const queue = new Queue(SLACK_OUTBOX_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  queue.on('error', () => undefined); // connection errors surface on the calls that fail; the queue object survives them
  const send = async (message: OutboxMessage, options: { jobId?: string } = {}): Promise<void> => {
    const data = OutboxMessage.parse(message);
    await queue.add(data.kind, data, { ...OUTBOX_JOB_OPTIONS, ...(options.jobId === undefined ? {} : { jobId: options.jobId }) });
  };
  return {
    send,
    post: ({ channel, text, blocks, threadTs, jobId }) => send({ kind: 'post', channel, text, blocks: [...blocks] as Record<string, unknown>[], ...(threadTs === undefined ? {} : { threadTs }) },
      jobId === undefined ? {} : { jobId }),
    close: () => queue.close(),
  };
}

export interface OutboxProcessorDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly slack: SlackPoster;
  /** At most one post per channel per interval; 0 turns the limiter off. */
  readonly perChannelIntervalMs: number;
  /** How long to hold a channel after `message_limit_exceeded` (Slack gives no Retry-After then). */
  readonly messageLimitBackoffMs: number;
  /** How long a thread reply waits for its parent message before giving up. */
  readonly parentWaitMs?: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Per-channel turns: each job reserves the next free time slot once (FIFO, one post per interval) and sleeps until
 * it, so a burst in one channel costs one delay per message, not a stampede every interval.
 * KEYS: the channel's next free time, this job's reserved slot. ARGV: now, interval (ms). Returns the wait in ms.
 */
const RESERVE_SLOT = `
local now = tonumber(ARGV[1])
local mine = redis.call('GET', KEYS[2])
if mine then
  local at = tonumber(mine)
  if at <= now then redis.call('DEL', KEYS[2]) return 0 end
  return at - now
end
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local free = slot + tonumber(ARGV[2])
redis.call('SET', KEYS[1], free, 'PX', free - now + 60000)
if slot <= now then return 0 end
redis.call('SET', KEYS[2], slot, 'PX', slot - now + 600000)
return slot - now
`;

/** Pushes the channel's next free time to now + ARGV[2] at least, and drops this job's turn. */
const HOLD_CHANNEL = `
local hold = tonumber(ARGV[1]) + tonumber(ARGV[2])
if hold > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], hold, 'PX', tonumber(ARGV[2]) + 60000) end
redis.call('DEL', KEYS[2])
return 0
`;

/** Where the keyed message is, how far it got, and the thread its replies belong in (a reply's ts is never a thread). */
const MessageState = z.object({ ts: z.string(), rank: z.coerce.number(), thread: z.string().optional() });

/** The outbox processor: per-channel limiter in Redis, Retry-After honoured, status messages edited in place, never backwards. */
export function createOutboxProcessor(deps: OutboxProcessorDeps): (job: Job, token?: string) => Promise<string> {
  const now = deps.now ?? Date.now;
  const key = (...parts: string[]): string => [deps.prefix, 'gomod', 'outbox', ...parts].join(':');
  const delay = async (job: Job, token: string | undefined, ms: number): Promise<never> => {
    await job.moveToDelayed(now() + Math.max(1, ms), token);
    throw new DelayedError();
  };
  const readState = async (messageKey: string): Promise<z.infer<typeof MessageState> | null> => {
    const parsed = MessageState.safeParse(await deps.redis.hgetall(key('msg', messageKey)));
    return parsed.success ? parsed.data : null;
  };
  /** Reserves this job's turn in the channel (or finds the turn it already holds); returns how long to wait for it. */
  const claimChannel = async (channel: string, jobId: string): Promise<number> => {
    const wait = await deps.redis.eval(RESERVE_SLOT, 2, key('channel', channel), key('slot', jobId), now(), deps.perChannelIntervalMs);
    return Number(wait);
  };
  /** Slack asked us to wait: nobody posts to the channel before then; this job takes a new turn after it. */
  const holdChannel = async (channel: string, jobId: string, ms: number): Promise<void> => {
    await deps.redis.eval(HOLD_CHANNEL, 2, key('channel', channel), key('slot', jobId), now(), Math.max(1, ms));
  };

  return async (job, token) => {
    const parsed = OutboxMessage.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`outbox payload invalid: ${z.prettifyError(parsed.error)}`);
    const message = parsed.data;
    const log = deps.logger.child({ jobId: job.id, kind: message.kind, channel: message.channel });

    let state: z.infer<typeof MessageState> | null = null;
    let lockKey: string | null = null;
    if (message.kind === 'status') {
      state = await readState(message.key);
      if (state !== null && message.rank <= state.rank) return 'skipped: Slack already shows a later state';
      if (state === null) {
        lockKey = key('msg', message.key, 'lock');
        if (await deps.redis.set(lockKey, job.id ?? '1', 'PX', 15_000, 'NX') !== 'OK') return delay(job, token, 100);
      }
    }
    if (message.kind === 'thread') {
      state = await readState(message.key);
      if (state === null) {
        if (now() - job.timestamp > (deps.parentWaitMs ?? 10 * 60_000)) throw new UnrecoverableError('the thread parent was never posted');
        return delay(job, token, 250);
      }
    }

    const wait = await claimChannel(message.channel, job.id ?? '');
    if (wait > 0) {
      if (lockKey !== null) await deps.redis.del(lockKey);
      return delay(job, token, wait);
    }
    try {
      switch (message.kind) {
        case 'status': {
          if (state === null) {
            const { ts } = await deps.slack.postMessage({ channel: message.channel, text: message.text, blocks: message.blocks, threadTs: message.threadTs });
            await deps.redis.multi().hset(key('msg', message.key), { ts, rank: message.rank, thread: message.threadTs ?? ts }).expire(key('msg', message.key), 7 * 24 * 3600).exec();
            return `posted ${ts}`;
          }
          await deps.slack.updateMessage({ channel: message.channel, ts: state.ts, text: message.text, blocks: message.blocks });
          await deps.redis.hset(key('msg', message.key), { rank: message.rank });
          return `updated ${state.ts}`;
        }
        case 'thread': {
          const { ts } = await deps.slack.postMessage({ channel: message.channel, text: message.text, blocks: message.blocks, threadTs: state?.thread ?? state?.ts });
          return `replied ${ts}`;
        }
        case 'post': {
          const { ts } = await deps.slack.postMessage({ channel: message.channel, text: message.text, blocks: message.blocks, threadTs: message.threadTs });
          return `posted ${ts}`;
        }
        case 'ephemeral':
          await deps.slack.postEphemeral({ channel: message.channel, user: message.user, text: message.text, blocks: message.blocks });
          return 'sent';
      }
    } catch (error) {
      if (isAppError(error) && error.code === 'SLACK_RATE_LIMITED') {
        const retryAfterMs = typeof error.details['retryAfterMs'] === 'number' ? error.details['retryAfterMs'] : deps.messageLimitBackoffMs;
        log.warn({ error: error.details['error'], retryAfterMs }, 'Slack asked to slow down; holding the channel');
        await holdChannel(message.channel, job.id ?? '', retryAfterMs);
        return delay(job, token, retryAfterMs);
      }
      if (isAppError(error) && error.code === 'SLACK_API_ERROR') {
        log.error({ error: error.details['error'] }, 'Slack refused the message');
        throw new UnrecoverableError(`Slack refused: ${String(error.details['error'])}`);
      }
      throw error;
    } finally {
      if (lockKey !== null) await deps.redis.del(lockKey);
    }
  };
}
