import { z } from 'zod';

/** Zone names become queue names (`diagnose-<zone>`) and metric labels: short, lower case, no ':'. */
const ZoneName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'zone names are 1–32 characters of a-z, 0-9, "_" and "-"');
const SlackId = z.string().regex(/^[A-Z0-9]{2,}$/, 'a Slack id such as C0123ABCD');
const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as PAGERDUTY_ROUTING_KEY');
const Duration = z.string().regex(/^\d+(ms|s|m|h)$/, 'a duration such as 90s, 15m or 1h');

/** Five cron fields, or six with seconds first (DESIGN §4). */
const Cron = z.string().refine((s) => [5, 6].includes(s.trim().split(/\s+/).length), 'a cron pattern of 5 fields (or 6 with seconds first)');
const TimeZone = z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin or UTC');

const Schedule = z.strictObject({ cron: Cron, timezone: TimeZone.default('UTC') });

const Zone = z.strictObject({
  /** The Go environment of this zone's workers, laid over the worker's own process environment. */
  env: z.record(z.string(), z.string()).default({}),
  description: z.string().optional(),
});

const EscalationLevel = z.strictObject({
  name: z.string().min(1),
  pagerdutyRoutingKeyEnv: EnvName,
  slackUserGroup: SlackId.optional(),
});

export const ConfigSchema = z.strictObject({
  zones: z.record(ZoneName, Zone)
    .refine((zones) => Object.keys(zones).length > 0, 'at least one zone')
    .refine((zones) => !Object.hasOwn(zones, 'all'), '"all" is reserved for zone=all')
    .default({ local: { env: {} } }),
  slack: z.strictObject({
    channels: z.strictObject({
      allowed: z.array(SlackId).default([]),
      incident: SlackId.optional(),
      report: SlackId.optional(),
    }).default({ allowed: [] }),
    /** Empty: everyone in an allowed channel. */
    users: z.strictObject({ allowed: z.array(SlackId).default([]) }).default({ allowed: [] }),
    userGroups: z.strictObject({ allowed: z.array(SlackId).default([]) }).default({ allowed: [] }),
    rateLimit: z.strictObject({
      perUser: z.number().int().positive().default(10),
      windowSeconds: z.number().int().positive().default(60),
    }).default({ perUser: 10, windowSeconds: 60 }),
  }).default({ channels: { allowed: [] }, users: { allowed: [] }, userGroups: { allowed: [] }, rateLimit: { perUser: 10, windowSeconds: 60 } }),
  watchlist: z.array(z.strictObject({ module: z.string().min(1), version: z.string().min(1).optional() })).default([]),
  schedules: z.strictObject({
    report: Schedule.default({ cron: '0 8 * * 1-5', timezone: 'UTC' }),
    watch: Schedule.default({ cron: '*/5 * * * *', timezone: 'UTC' }),
  }).default({ report: { cron: '0 8 * * 1-5', timezone: 'UTC' }, watch: { cron: '*/5 * * * *', timezone: 'UTC' } }),
  escalation: z.strictObject({
    ackTimeout: Duration.default('15m'),
    levels: z.array(EscalationLevel).min(1).default([{ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' }]),
  }).default({ ackTimeout: '15m', levels: [{ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' }] }),
  queue: z.strictObject({
    /** Jobs in parallel per worker process (probes are I/O bound). */
    concurrency: z.number().int().min(1).max(1000).default(50),
    /** The same module in the same zone within this window shares one run. */
    dedupSeconds: z.number().int().min(0).default(60),
    /** Diagnosis results kept for Re-check and "Show change request". */
    resultTtlHours: z.number().int().positive().default(168),
    /** zone=all answers after this long even when a zone has not (no worker alive there), naming the silent zones. */
    compareDeadlineSeconds: z.number().int().min(1).default(120),
    /** The engine's whole budget for one verdict (the engine's default when absent). */
    diagnosisTimeoutMs: z.number().int().min(100).max(120_000).optional(),
    /** Report and watch probes in parallel per zone: each is a TLS handshake, so CPU, not the network, is the limit. */
    reportConcurrency: z.number().int().min(1).max(1000).default(24),
  }).default({ concurrency: 50, dedupSeconds: 60, resultTtlHours: 168, compareDeadlineSeconds: 120, reportConcurrency: 24 }),
  outbox: z.strictObject({
    /** At most one post per channel per interval (Slack allows about one a second). */
    perChannelIntervalMs: z.number().int().min(0).default(1000),
    /** Wait after `message_limit_exceeded`, which carries no Retry-After. */
    messageLimitBackoffMs: z.number().int().min(0).default(30_000),
  }).default({ perChannelIntervalMs: 1000, messageLimitBackoffMs: 30_000 }),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ZoneConfig = Config['zones'][string];

/** Milliseconds in a duration string of the schema (`90s`, `15m`, `1h`, `250ms`). */
export function parseDurationMs(text: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text);
  if (match === null) throw new RangeError(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false; // RangeError: not a time zone Intl knows
  }
}
