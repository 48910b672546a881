import { webApi } from '@slack/bolt';
import { AppError, ErrorCode } from '../../core/errors.js';
import type { Block } from './blocks/block-kit.js';

/** The few Web API calls the outbox makes; errors come back as AppError with Slack's own error name kept. */
export interface SlackPoster {
  postMessage(args: { channel: string; text: string; blocks: readonly Block[]; threadTs?: string | undefined }): Promise<{ ts: string }>;
  updateMessage(args: { channel: string; ts: string; text: string; blocks: readonly Block[] }): Promise<void>;
  postEphemeral(args: { channel: string; user: string; text: string; blocks: readonly Block[] }): Promise<void>;
}

/** Errors Slack answers with HTTP 200 that still mean "slow down". */
const RATE_LIMIT_ERRORS = new Set(['ratelimited', 'rate_limited', 'message_limit_exceeded']);

/** A Web API client that never waits on a rate limit itself (the outbox does) and never retries on its own. */
export function createSlackWebClient(options: { token: string; slackApiUrl?: string | undefined; timeoutMs?: number }): webApi.WebClient {
  return new webApi.WebClient(options.token, {
    ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: ensureTrailingSlash(options.slackApiUrl) }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

export function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackPoster(client: webApi.WebClient): SlackPoster {
  return {
    async postMessage({ channel, text, blocks, threadTs }) {
      const result = await call(() => client.chat.postMessage({ channel, text, blocks: blocks as never, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) }));
      if (typeof result.ts !== 'string') throw new AppError(ErrorCode.SLACK_API_ERROR, 'chat.postMessage answered without ts', { details: { error: 'no_ts' } });
      return { ts: result.ts };
    },
    async updateMessage({ channel, ts, text, blocks }) {
      await call(() => client.chat.update({ channel, ts, text, blocks: blocks as never }));
    },
    async postEphemeral({ channel, user, text, blocks }) {
      await call(() => client.chat.postEphemeral({ channel, user, text, blocks: blocks as never }));
    },
  };
}

/** Translates @slack/web-api errors at the edge: rate limits keep their Retry-After, platform errors their `error`. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateSlackError(error);
  }
}

export function translateSlackError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('code' in error)) return error;
  const e = error as { code: string; retryAfter?: number; data?: { error?: string } };
  if (e.code === 'slack_webapi_rate_limited_error') {
    return new AppError(ErrorCode.SLACK_RATE_LIMITED, `Slack rate limit: retry after ${e.retryAfter ?? 1} s`,
      { cause: error, details: { retryAfterMs: (e.retryAfter ?? 1) * 1000, error: 'ratelimited' } });
  }
  if (e.code === 'slack_webapi_platform_error') {
    const name = e.data?.error ?? 'unknown';
    if (RATE_LIMIT_ERRORS.has(name)) {
      return new AppError(ErrorCode.SLACK_RATE_LIMITED, `Slack refused: ${name}`, { cause: error, details: { error: name } });
    }
    return new AppError(ErrorCode.SLACK_API_ERROR, `Slack refused: ${name}`, { cause: error, details: { error: name } });
  }
  return error;
}
