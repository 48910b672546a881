import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import type { Severity } from '../../core/classify/failure-class.js';
import { AppError } from '../../core/errors.js';
import type { Pager, PagerEvent, PagerReceipt } from '../../ports/pager.js';

export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export interface PagerDutyPagerOptions {
  /** The full enqueue URL (`PAGERDUTY_EVENTS_URL`). */
  readonly eventsUrl: string;
  readonly dispatcher?: Dispatcher;
  /** Tries per `send` for 429, 5xx and network errors before giving up with PAGER_UNAVAILABLE. */
  readonly attempts?: number;
  /** First backoff; doubles each retry. A `Retry-After` header wins when longer. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly timeoutMs?: number;
}

const SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  P0: 'critical', P1: 'error', P2: 'warning', P3: 'info',
};

/** Maps our severities to PagerDuty's. */
export function toPagerDutySeverity(severity: Severity): 'critical' | 'error' | 'warning' | 'info' {
  return SEVERITY[severity];
}

/** PagerDuty Events API v2: trigger / acknowledge / resolve with a stable dedup_key. */
export function createPagerDutyPager(options: PagerDutyPagerOptions): Pager {
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(event, signal) {
      const body = JSON.stringify(toPagerDutyBody(event));
      let lastError: AppError | null = null;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const outcome = await postOnce(options, body, timeoutMs, signal);
        if (outcome.kind === 'accepted') return { dedupKey: outcome.dedupKey ?? event.dedupKey, attempts: attempt } satisfies PagerReceipt;
        if (outcome.kind === 'rejected') {
          throw new AppError('PAGER_REJECTED', `PagerDuty rejected the ${event.action} event: ${outcome.errors.join('; ') || outcome.status}`, {
            details: { status: outcome.status, errors: outcome.errors, dedupKey: event.dedupKey, action: event.action },
          });
        }
        lastError = new AppError('PAGER_UNAVAILABLE', `PagerDuty did not take the ${event.action} event (${outcome.reason})`, {
          cause: outcome.cause, details: { status: outcome.status, dedupKey: event.dedupKey, action: event.action, attempts: attempt },
        });
        if (attempt < attempts) {
          const wait = Math.min(maxBackoffMs, Math.max(backoffMs * 2 ** (attempt - 1), outcome.retryAfterMs ?? 0));
          await sleep(wait, undefined, signal === undefined ? {} : { signal });
        }
      }
      throw lastError ?? new AppError('PAGER_UNAVAILABLE', 'PagerDuty was not tried');
    },
  };
}

type PostOutcome =
  | { kind: 'accepted'; dedupKey: string | null }
  | { kind: 'rejected'; status: number; errors: string[] }
  | { kind: 'retry'; status: number | null; reason: string; retryAfterMs: number | null; cause?: unknown };

async function postOnce(options: PagerDutyPagerOptions, body: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<PostOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(options.eventsUrl, {
      method: 'POST', body, headers: { 'content-type': 'application/json' },
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    });
    const text = await res.body.text();
    const parsed = parseJson(text);
    if (res.statusCode === 202 || res.statusCode === 200) return { kind: 'accepted', dedupKey: typeof parsed?.dedup_key === 'string' ? parsed.dedup_key : null };
    if (res.statusCode === 429 || res.statusCode >= 500) {
      return { kind: 'retry', status: res.statusCode, reason: `HTTP ${res.statusCode}`, retryAfterMs: parseRetryAfter(res.headers['retry-after']) };
    }
    const errors = Array.isArray(parsed?.errors) ? parsed.errors.map(String) : [typeof parsed?.message === 'string' ? parsed.message : `HTTP ${res.statusCode}`];
    return { kind: 'rejected', status: res.statusCode, errors };
  } catch (err) {
    if (signal?.aborted === true) throw err;
    return { kind: 'retry', status: null, reason: err instanceof Error ? `${err.name}: ${err.message}` : 'network error', retryAfterMs: null, cause: err };
  }
}

function toPagerDutyBody(event: PagerEvent): Record<string, unknown> {
  const base = { routing_key: event.routingKey, event_action: event.action, dedup_key: event.dedupKey.slice(0, 255) };
  if (event.action !== 'trigger') return base;
  return {
    ...base,
    client: 'gomod-doctor',
    payload: {
      summary: (event.summary ?? event.dedupKey).slice(0, 1024),
      source: event.source ?? 'gomod-doctor',
      severity: toPagerDutySeverity(event.severity ?? 'P0'),
      ...(event.timestamp === undefined ? {} : { timestamp: event.timestamp }),
      ...(event.component === undefined ? {} : { component: event.component }),
      ...(event.group === undefined ? {} : { group: event.group }),
      ...(event.class === undefined ? {} : { class: event.class }),
      ...(event.details === undefined ? {} : { custom_details: event.details }),
    },
    ...(event.links === undefined ? {} : { links: event.links }),
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : null;
  } catch {
    return null; // a proxy's HTML error page: the status decides
  }
}

function parseRetryAfter(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
