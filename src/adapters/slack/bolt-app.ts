import { App, HTTPReceiver, LogLevel, type Authorize, type CustomRoute } from '@slack/bolt';
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
  const log = options.logger.child({ component: 'bolt' });
  const logger = adaptLogger(log);
  const clientOptions = {
    ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: ensureTrailingSlash(options.slackApiUrl) }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 5000,
  };
  if (options.transport.mode === 'socket') {
    // The Socket Mode client opens its WebSocket URL through its own Web API client: give it the same base URL.
    const identity = createBotIdentity(options.botToken, log);
    const app = new App({ authorize: identity.authorize, appToken: options.transport.appToken, socketMode: true, logger, clientOptions, installerOptions: { clientOptions }, convoStore: false });
    identity.learn(app);
    return app;
  }
  const receiver = new HTTPReceiver({
    signingSecret: options.transport.signingSecret,
    endpoints: '/slack/events',
    logger,
    processBeforeResponse: false,
    unhandledRequestTimeoutMillis: 2900,
    ...(options.customRoutes === undefined ? {} : { customRoutes: options.customRoutes }),
  });
  // No conversation store: nothing here reads it, and it costs every request.
  const identity = createBotIdentity(options.botToken, log);
  const app = new App({ authorize: identity.authorize, receiver, logger, clientOptions, convoStore: false });
  identity.learn(app);
  return app;
}

/**
 * The bot's credentials for every event, answered from memory. Bolt's own single-token authorization with
 * `tokenVerificationEnabled: false` calls auth.test before *every* event (bolt-js App.js `singleAuthorization`
 * re-runs it on each call), so each ack would wait on a Web API round trip; the bot's ids are learned once, in the
 * background, and only `ignoreSelf` needs them.
 */
function createBotIdentity(botToken: string, log: Logger): { authorize: Authorize<boolean>; learn(app: App): void } {
  let ids: { botId?: string; botUserId?: string } = {};
  return {
    authorize: async () => ({ botToken, ...ids }),
    learn(app) {
      app.client.auth.test({ token: botToken })
        .then((answer) => {
          ids = {
            ...(typeof answer.bot_id === 'string' ? { botId: answer.bot_id } : {}),
            ...(typeof answer.user_id === 'string' ? { botUserId: answer.user_id } : {}),
          };
        })
        .catch((err: unknown) => log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'auth.test failed; the bot answers anyway and learns its ids later'));
    },
  };
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
