import { pino, type DestinationStream, type Logger } from 'pino';

/** Paths pino censors wherever they appear in a log line (tokens, routing keys, capability URLs, proxy credentials). */
export const REDACT_PATHS = [
  'token', '*.token', 'botToken', 'appToken', 'signingSecret', '*.signingSecret',
  'req.headers.authorization', 'req.headers.cookie', '*.headers.authorization', '*.headers["proxy-authorization"]',
  'response_url', '*.response_url', 'responseUrl', '*.responseUrl',
  'routingKey', '*.routingKey', 'routing_key', '*.routing_key',
  'env.HTTPS_PROXY', 'env.HTTP_PROXY', 'env.GOAUTH', 'env.SLACK_BOT_TOKEN', 'env.SLACK_APP_TOKEN', 'env.SLACK_SIGNING_SECRET',
];

/** pino JSON logs with redaction and errors that keep their `cause` chain (and its codes). */
export function createLogger(options: { level?: string; destination?: DestinationStream; bindings?: Record<string, unknown> } = {}): Logger {
  const logger = pino({
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.errWithCause },
    base: { service: 'gomod-doctor', ...options.bindings },
  }, options.destination);
  return logger;
}

/** Strips anything token-shaped from free text before it reaches a log line or Slack (xoxb-, xapp-, URL userinfo). */
export function redactText(text: string): string {
  return text
    .replace(/\bxox[abposr]-[A-Za-z0-9-]+/g, '[redacted]')
    .replace(/\bxapp-[A-Za-z0-9-]+/g, '[redacted]')
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1[redacted]@');
}
