import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Severity } from '../../core/classify/failure-class.js';
import { isAppError } from '../../core/errors.js';
import {
  nextStep, type EscalationCommand, type EscalationEvent, type EscalationPolicy,
} from '../../core/escalation/escalation-policy.js';
import type { Pager, PagerAction } from '../../ports/pager.js';
import { IncidentActionId } from './incident-action-ids.js';
import { hashIncidentId, type IncidentContext, type IncidentRecord, type IncidentStore } from './redis-incident-store.js';

/** The queue of pager sends, incident events and escalation timers (delayed jobs keyed by incident). */
export const PAGE_QUEUE = 'page';

/** Where incident changes go in Slack (the outbox-backed publisher in production). */
export interface IncidentPublisher {
  publish(record: IncidentRecord): Promise<void>;
}

export interface PagingDeps {
  readonly connection: Redis;
  readonly prefix: string;
  readonly store: IncidentStore;
  readonly pager: Pager;
  readonly policy: EscalationPolicy;
  /** Where routing keys are read from, by the env var names the levels give (never copied into jobs). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly publisher: IncidentPublisher | null;
  readonly now?: () => number;
  /** Pager sends: attempts and backoff (base doubles, capped). A send that exhausts them is noted on the incident. */
  readonly sendAttempts?: number;
  readonly sendBackoffMs?: number;
  readonly sendMaxBackoffMs?: number;
  /** Re-check button: run the watch checks now. */
  readonly requestRecheck?: (incidentId: string) => Promise<void>;
  readonly onError?: (error: unknown, context: string) => void;
}

export interface RaiseRequest {
  readonly id: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly context: IncidentContext;
}

export interface Paging {
  raise(request: RaiseRequest): Promise<void>;
  acknowledge(id: string, by: string): Promise<void>;
  resolve(id: string, by: string): Promise<void>;
  note(id: string, text: string, kind?: 'note' | 'check-failed' | 'check-passed'): Promise<void>;
  /** The bot routes the incident buttons here; the answer is for the clicker (ephemeral). */
  handleIncidentAction(action: { readonly actionId: string; readonly value: string }, user: string): Promise<{ text: string }>;
  listOpen(): Promise<IncidentRecord[]>;
  /** Starts the worker that sends pages, applies events and fires timers (one per scheduler process). */
  startWorker(options?: { concurrency?: number }): Worker;
  close(): Promise<void>;
}

const IncidentEventJob = z.object({ eventId: z.string(), id: z.string(), event: z.record(z.string(), z.unknown()), context: z.record(z.string(), z.unknown()).optional() });
const PagerSendJob = z.object({ id: z.string(), action: z.enum(['trigger', 'acknowledge', 'resolve']), routingKeyEnv: z.string() });
const AckTimeoutJob = z.object({ id: z.string(), seq: z.number().int() });

/** A timer's job id: unique per incident occurrence and sequence, so a re-opened incident never meets an old timer. */
export function formatTimerJobId(id: string, triggeredAt: string, seq: number): string {
  return `esc-${hashIncidentId(id)}-${Date.parse(triggeredAt)}-${seq}`;
}

/** Durable paging: every decision goes through the pure policy; pages and timers are BullMQ jobs that survive restarts. */
export function createPaging(deps: PagingDeps): Paging {
  const now = deps.now ?? Date.now;
  const queue = new Queue(PAGE_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  queue.on('error', (e) => deps.onError?.(e, 'page queue'));
  const sendAttempts = deps.sendAttempts ?? 25;
  const sendBackoffMs = deps.sendBackoffMs ?? 5000;
  const sendMaxBackoffMs = deps.sendMaxBackoffMs ?? 5 * 60_000;
  const workers: Worker[] = [];

  const enqueueEvent = async (id: string, event: EscalationEvent, context?: IncidentContext): Promise<void> => {
    const eventId = `ev-${randomUUID()}`;
    await queue.add('incident-event', { eventId, id, event, ...(context === undefined ? {} : { context }) }, {
      jobId: eventId, attempts: 10, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { age: 86_400, count: 5000 }, removeOnFail: { age: 7 * 86_400 },
    });
  };

  /** Applies one event once (by id), then carries out every command still pending. */
  const applyEvent = async (eventId: string, id: string, event: EscalationEvent, context: IncidentContext | undefined): Promise<void> => {
    const at = new Date(now()).toISOString();
    await deps.store.update(id, (current) => {
      if (current?.applied.includes(eventId) === true) return null;
      const step = nextStep(deps.policy, current?.state ?? null, event, at);
      if (step.state === null || (current !== null && step.state === current.state && step.commands.length === 0)) return null;
      const reopened = current !== null && current.state.status === 'resolved' && step.state.status !== 'resolved';
      return {
        state: step.state,
        context: context ?? current?.context ?? { pattern: '', hop: '', zone: '', classes: [], modules: [], evidence: [] },
        revision: (current?.revision ?? 0) + 1,
        delivered: reopened ? [] : current?.delivered ?? [],
        applied: [...(current?.applied ?? []).slice(-49), eventId],
        pending: [...(current?.pending ?? []), { eventId, commands: step.commands }],
      };
    });
    await flushPending(id);
  };

  const flushPending = async (id: string): Promise<void> => {
    const record = await deps.store.get(id);
    if (record === null || record.pending.length === 0) return;
    let publish = false;
    for (const { eventId, commands } of record.pending) {
      for (const [index, command] of commands.entries()) {
        if (command.type === 'update-slack') publish = true;
        else await carryOut(record, command, `${eventId}-${index}`);
      }
    }
    const done = new Set(record.pending.map((p) => p.eventId));
    const latest = await deps.store.update(id, (current) => (current === null ? null : { ...current, pending: current.pending.filter((p) => !done.has(p.eventId)) }));
    if (publish && deps.publisher !== null && latest !== null) await deps.publisher.publish(latest);
  };

  const addSend = async (id: string, action: PagerAction, routingKeyEnv: string, jobId: string): Promise<void> => {
    await queue.add('pager-send', { id, action, routingKeyEnv }, {
      jobId, attempts: sendAttempts, backoff: { type: 'capped' }, removeOnComplete: { age: 86_400, count: 5000 }, removeOnFail: { age: 30 * 86_400 },
    });
  };

  const carryOut = async (record: IncidentRecord, command: Exclude<EscalationCommand, { type: 'update-slack' }>, jobId: string): Promise<void> => {
    const id = record.state.id;
    switch (command.type) {
      case 'page':
        return addSend(id, 'trigger', command.routingKeyEnv, jobId);
      case 'pager-acknowledge':
      case 'pager-resolve':
        for (const [i, env] of command.routingKeyEnvs.entries()) await addSend(id, command.type === 'pager-resolve' ? 'resolve' : 'acknowledge', env, `${jobId}-${i}`);
        return;
      case 'schedule-timer':
        await queue.add('ack-timeout', { id, seq: command.seq }, {
          jobId: formatTimerJobId(id, record.state.triggeredAt, command.seq), delay: Math.max(0, Date.parse(command.dueAt) - now()),
          attempts: 10, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 },
        });
        return;
      case 'cancel-timer':
        try {
          await queue.remove(formatTimerJobId(id, record.state.triggeredAt, command.seq));
        } catch (error) {
          deps.onError?.(error, 'cancel timer (the policy ignores a stale timer anyway)');
        }
    }
  };

  const send = async (job: Job): Promise<string> => {
    const data = PagerSendJob.parse(job.data);
    const record = await deps.store.get(data.id);
    if (record === null) throw new UnrecoverableError(`no incident ${data.id}`);
    const routingKey = deps.env[data.routingKeyEnv];
    if (routingKey === undefined || routingKey === '') {
      await enqueueEvent(data.id, { type: 'note', text: `page not sent: environment variable ${data.routingKeyEnv} is not set` });
      throw new UnrecoverableError(`${data.routingKeyEnv} is not set`);
    }
    if (data.action !== 'trigger' && !record.delivered.includes(data.routingKeyEnv)) {
      throw new Error(`waiting for the trigger through ${data.routingKeyEnv} to be delivered first`);
    }
    const { state, context } = record;
    try {
      await deps.pager.send(data.action === 'trigger' ? {
        action: 'trigger', routingKey, dedupKey: state.id, summary: state.summary, severity: state.severity, source: 'gomod-doctor',
        component: context.hop, group: context.zone, class: context.classes.join(','), timestamp: state.triggeredAt,
        details: { pattern: context.pattern, hop: context.hop, zone: context.zone, classes: context.classes, modules: context.modules.slice(0, 50), evidence: context.evidence.slice(0, 20) },
      } : { action: data.action, routingKey, dedupKey: state.id });
    } catch (error) {
      if (isAppError(error) && error.code === 'PAGER_REJECTED') {
        await enqueueEvent(data.id, { type: 'note', text: `PagerDuty rejected the ${data.action}: ${error.message}` });
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
    if (data.action === 'trigger') {
      await deps.store.update(data.id, (c) => (c === null || c.delivered.includes(data.routingKeyEnv) ? null : { ...c, delivered: [...c.delivered, data.routingKeyEnv] }));
    }
    return `${data.action} delivered through ${data.routingKeyEnv}`;
  };

  const process = async (job: Job): Promise<string> => {
    switch (job.name) {
      case 'incident-event': {
        const data = IncidentEventJob.parse(job.data);
        await applyEvent(data.eventId, data.id, data.event as unknown as EscalationEvent, data.context as IncidentContext | undefined);
        return 'applied';
      }
      case 'ack-timeout': {
        const data = AckTimeoutJob.parse(job.data);
        await applyEvent(`timer-${job.id ?? data.seq}`, data.id, { type: 'ack-timeout', seq: data.seq }, undefined);
        return 'fired';
      }
      case 'pager-send':
        return send(job);
      default:
        throw new UnrecoverableError(`unknown page job ${job.name}`);
    }
  };

  const paging: Paging = {
    raise: (r) => enqueueEvent(r.id, { type: 'trigger', id: r.id, severity: r.severity, summary: r.summary }, r.context),
    acknowledge: (id, by) => enqueueEvent(id, { type: 'ack', by }),
    resolve: (id, by) => enqueueEvent(id, { type: 'resolve', by }),
    note: (id, text, kind = 'note') => enqueueEvent(id, { type: kind, text }),
    async handleIncidentAction(action, user) {
      const record = await deps.store.get(action.value);
      if (record === null) return { text: 'That incident is not known (any more).' };
      switch (action.actionId) {
        case IncidentActionId.acknowledge:
          await paging.acknowledge(action.value, user);
          return { text: record.state.status === 'triggered' ? 'Acknowledged: escalation stopped, PagerDuty acknowledged.' : `Already ${record.state.status}.` };
        case IncidentActionId.resolve:
          await paging.resolve(action.value, user);
          return { text: record.state.status === 'resolved' ? 'Already resolved.' : 'Resolved here and in PagerDuty.' };
        case IncidentActionId.recheck:
          await paging.note(action.value, `re-check requested by ${user}`);
          await deps.requestRecheck?.(action.value);
          return { text: 'Re-checking now; the incident message will show the result.' };
        default:
          return { text: `Unknown incident action ${action.actionId}.` };
      }
    },
    listOpen: () => deps.store.listOpen(),
    startWorker(options = {}) {
      const worker = new Worker(PAGE_QUEUE, process, {
        connection: deps.connection, prefix: deps.prefix, concurrency: options.concurrency ?? 10,
        settings: { backoffStrategy: (attemptsMade: number) => Math.min(sendMaxBackoffMs, sendBackoffMs * 2 ** Math.max(0, attemptsMade - 1)) },
      });
      worker.on('error', (e) => deps.onError?.(e, 'page worker'));
      worker.on('failed', (job, error) => {
        if (job === undefined || job.name !== 'pager-send' || job.attemptsMade < (job.opts.attempts ?? 1) || error instanceof UnrecoverableError) return;
        const data = PagerSendJob.safeParse(job.data);
        if (data.success) {
          enqueueEvent(data.data.id, { type: 'note', text: `PagerDuty ${data.data.action} through ${data.data.routingKeyEnv} NOT delivered after ${job.attemptsMade} attempts: ${error.message}` })
            .catch((e: unknown) => deps.onError?.(e, 'note undelivered page'));
        }
        deps.onError?.(error, `page ${job.id ?? ''} not delivered`);
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queue.close();
    },
  };
  return paging;
}
