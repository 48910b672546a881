import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An event as the stand-in received it (the raw Events API v2 body). */
export interface ReceivedPagerEvent {
  readonly routing_key: string;
  readonly event_action: 'trigger' | 'acknowledge' | 'resolve';
  readonly dedup_key: string;
  readonly payload?: { summary: string; source: string; severity: string; custom_details?: Record<string, unknown>; [k: string]: unknown };
  readonly [k: string]: unknown;
}

/** An alert as PagerDuty would hold it: one per routing key + dedup key while open. */
export interface FakeAlert {
  readonly routingKey: string;
  readonly dedupKey: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** Trigger events sent for it (only the first notifies anyone). */
  triggers: number;
  readonly events: ReceivedPagerEvent[];
}

export interface FakePagerDuty {
  /** The enqueue URL (`PAGERDUTY_EVENTS_URL`). */
  readonly url: string;
  /** Every request, answered or not, with the status it got. */
  readonly requests: { readonly status: number; readonly body: string }[];
  /** Accepted events in order. */
  readonly events: ReceivedPagerEvent[];
  /** Every alert ever opened (a trigger after a resolve opens a new one). */
  readonly alerts: FakeAlert[];
  /** Answers the next requests with these statuses (then 202 again). */
  script(statuses: readonly number[]): void;
  /** While on, every request gets a 500 (a stretch of outage). */
  setOutage(on: boolean): void;
  /** Resolves once `count` events have been accepted. */
  waitForEvents(count: number): Promise<void>;
  close(): Promise<void>;
}

const ACTIONS = new Set(['trigger', 'acknowledge', 'resolve']);
const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);

/** PagerDuty Events API v2 enqueue endpoint on 127.0.0.1 with the dedup semantics of the real one. */
export async function startFakePagerDuty(): Promise<FakePagerDuty> {
  const requests: { status: number; body: string }[] = [];
  const events: ReceivedPagerEvent[] = [];
  const alerts: FakeAlert[] = [];
  const scripted: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let outage = false;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const forced = outage ? 500 : scripted.shift();
      if (forced !== undefined && forced !== 202) {
        requests.push({ status: forced, body });
        res.writeHead(forced, { 'content-type': 'application/json', ...(forced === 429 ? { 'retry-after': '0' } : {}) });
        res.end(JSON.stringify({ status: 'error', message: forced === 429 ? 'Too many requests' : forced === 400 ? 'Event object is invalid' : 'Internal error', errors: forced === 400 ? ['scripted rejection'] : [] }));
        return;
      }
      const errors = validate(body);
      if (errors.length > 0) {
        requests.push({ status: 400, body });
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'invalid event', message: 'Event object is invalid', errors }));
        return;
      }
      const event = JSON.parse(body) as ReceivedPagerEvent;
      apply(alerts, event);
      events.push(event);
      requests.push({ status: 202, body });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: event.dedup_key }));
      for (const w of waiters.filter((x) => events.length >= x.count)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2/enqueue`,
    requests, events, alerts,
    script(statuses) { scripted.push(...statuses); },
    setOutage(on) { outage = on; },
    waitForEvents(count) {
      if (events.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function validate(body: string): string[] {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return ['Event object is not JSON'];
  }
  const errors: string[] = [];
  if (typeof e.routing_key !== 'string' || e.routing_key.length === 0) errors.push("'routing_key' is missing");
  if (typeof e.event_action !== 'string' || !ACTIONS.has(e.event_action)) errors.push("'event_action' is invalid");
  if (e.dedup_key !== undefined && (typeof e.dedup_key !== 'string' || e.dedup_key.length > 255)) errors.push("'dedup_key' is invalid");
  if (e.event_action === 'trigger') {
    const p = e.payload as Record<string, unknown> | undefined;
    if (typeof p?.summary !== 'string' || p.summary.length === 0 || p.summary.length > 1024) errors.push("'payload.summary' is invalid");
    if (typeof p?.source !== 'string' || p.source.length === 0) errors.push("'payload.source' is missing");
    if (typeof p?.severity !== 'string' || !SEVERITIES.has(p.severity)) errors.push("'payload.severity' is invalid");
  } else if (typeof e.dedup_key !== 'string') {
    errors.push("'dedup_key' is required for acknowledge and resolve");
  }
  return errors;
}

/** Same routing + dedup key applies to the open alert; ack/resolve without one are dropped. */
function apply(alerts: FakeAlert[], event: ReceivedPagerEvent): void {
  const open = alerts.find((a) => a.routingKey === event.routing_key && a.dedupKey === event.dedup_key && a.status !== 'resolved');
  if (event.event_action === 'trigger') {
    if (open === undefined) alerts.push({ routingKey: event.routing_key, dedupKey: event.dedup_key, status: 'triggered', triggers: 1, events: [event] });
    else { open.events.push(event); open.triggers += 1; }
    return;
  }
  if (open === undefined) return;
  open.events.push(event);
  open.status = event.event_action === 'acknowledge' ? 'acknowledged' : 'resolved';
}
