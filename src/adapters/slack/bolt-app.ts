import { App, HTTPReceiver, LogLevel, type CustomRoute } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import { ensureTrailingSlash } from './slack-web-api.js';

export type SlackTransport =
  | { readonly mode: 'socket'; readonly appToken: string }
  | { readonly mode: 'http'; readonly signingSecret: string; readonly port: number; readonly host?: string };

export interface BoltAppOptions {
  readonly transport: SlackTransport;
  readonly botToken: string;
  /** SLACK_API_URL: the Web API base (a stand-in in tests, an egress gateway in production). */
  readonly slackApiUrl?: string | undefined;
  readonly logger: Logger;
  /** Served next to /slack/events in HTTP mode (health and metrics). */
  readonly customRoutes?: CustomRoute[];
}

/**
 * The Bolt app: Socket Mode by default (outbound only), or the HTTP receiver at /slack/events, which verifies
 * signatures and refuses timestamps older than five minutes before any listener runs.
 */
export function createBoltApp(options: BoltAppOptions): App {
  const logger = adaptLogger(options.logger.child({ component: 'bolt' }));
  const clientOptions = {
    ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: ensureTrailingSlash(options.slackApiUrl) }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 5000,
  };
  if (options.transport.mode === 'socket') {
    // The Socket Mode client opens its WebSocket URL through its own Web API client: give it the same base URL.
    return new App({ token: options.botToken, appToken: options.transport.appToken, socketMode: true, logger, clientOptions, installerOptions: { clientOptions }, tokenVerificationEnabled: false, convoStore: false });
  }
  const receiver = new HTTPReceiver({
    signingSecret: options.transport.signingSecret,
    endpoints: '/slack/events',
    logger,
    processBeforeResponse: false,
    unhandledRequestTimeoutMillis: 2900,
    ...(options.customRoutes === undefined ? {} : { customRoutes: options.customRoutes }),
  });
  // No auth.test before the first ack: the ack path must not depend on the Web API answering.
  // No conversation store either: nothing here reads it, and it costs every request.
  return new App({ token: options.botToken, receiver, logger, clientOptions, tokenVerificationEnabled: false, convoStore: false });
}

/** Bolt's logger interface on top of pino (one JSON log for the whole process). */
function adaptLogger(log: Logger): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(' ');
  return {
    debug: (...args: unknown[]) => log.debug(text(args)),
    info: (...args: unknown[]) => log.info(text(args)),
    warn: (...args: unknown[]) => log.warn(text(args)),
    error: (...args: unknown[]) => log.error(text(args)),
    setLevel: (next: LogLevel) => { level = next; },
    getLevel: () => level,
    setName: () => undefined,
  };
}
