import type { Diagnosis } from '../../core/diagnosis.js';
import type { SlackMessage } from '../slack/blocks/block-kit.js';
import { renderComparison } from '../slack/blocks/render-comparison.js';
import { renderDetails } from '../slack/blocks/render-details.js';
import { renderQueued, renderRunFailed, renderRunning, type RunTarget } from '../slack/blocks/render-run-status.js';
import { renderVerdict } from '../slack/blocks/render-verdict.js';
import type { Subscriber } from './job-payloads.js';
import type { Outbox } from './slack-outbox.js';

/** Ranks of the one status message: it only ever moves forward. */
export const StatusRank = { queued: 0, running: 1, final: 2 } as const;

async function sendStatus(outbox: Outbox, subscriber: Subscriber, rank: number, message: SlackMessage, jobId: string): Promise<void> {
  await outbox.send({
    kind: 'status', key: subscriber.id, channel: subscriber.channel, rank, text: message.text, blocks: [...message.blocks],
    ...(subscriber.threadTs === undefined ? {} : { threadTs: subscriber.threadTs }),
  }, { jobId });
}

export async function publishQueued(outbox: Outbox, subscriber: Subscriber, target: RunTarget, zones: readonly string[]): Promise<void> {
  await sendStatus(outbox, subscriber, StatusRank.queued, renderQueued(target, zones, subscriber.user), `${subscriber.id}-queued`);
}

export async function publishRunning(outbox: Outbox, subscriber: Subscriber, target: RunTarget, zone: string): Promise<void> {
  await sendStatus(outbox, subscriber, StatusRank.running, renderRunning(target, zone), `${subscriber.id}-running`);
}

/** The verdict (the status message, edited) and its details in the thread; job ids make a second publish a no-op. */
export async function publishResult(outbox: Outbox, subscriber: Subscriber, runId: string, diagnosis: Diagnosis, previous: Diagnosis | null): Promise<void> {
  await sendStatus(outbox, subscriber, StatusRank.final, renderVerdict(diagnosis, { runId, previous }), `${subscriber.id}-verdict`);
  const details = renderDetails(diagnosis);
  for (const [i, message] of details.entries()) {
    await outbox.send({ kind: 'thread', key: subscriber.id, channel: subscriber.channel, text: message.text, blocks: [...message.blocks] },
      { jobId: `${subscriber.id}-thread-${i}` });
  }
}

/** The zone=all reply; the same job id whether the flow or its deadline gets there first, so it is posted once. */
export async function publishComparison(outbox: Outbox, subscriber: Subscriber, target: RunTarget, diagnoses: readonly Diagnosis[], silentZones: readonly string[] = []): Promise<void> {
  await sendStatus(outbox, subscriber, StatusRank.final, renderComparison(target, diagnoses, silentZones), `${subscriber.id}-verdict`);
}

export async function publishFailure(outbox: Outbox, subscriber: Subscriber, target: RunTarget, zone: string, reason: string): Promise<void> {
  await sendStatus(outbox, subscriber, StatusRank.final, renderRunFailed(target, zone, reason), `${subscriber.id}-verdict`);
}
