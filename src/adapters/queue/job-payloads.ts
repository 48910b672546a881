import { z } from 'zod';

/** A diagnose job crosses Redis: it is validated on both sides and carries no Slack data and no secrets. */
export const DiagnoseJobData = z.strictObject({
  module: z.string().min(1).max(512),
  version: z.string().min(1).max(256).nullable(),
  zone: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/),
  requestedAt: z.number().int(),
});
export type DiagnoseJobData = z.infer<typeof DiagnoseJobData>;

/** One person waiting for a run: their channel message is edited in place as the run progresses. */
export const Subscriber = z.strictObject({
  /** Also the outbox key of the status message. */
  id: z.string().min(1),
  channel: z.string().min(1),
  user: z.string().min(1),
  /** Post the status message as a reply in this thread (a Re-check answers under the original). */
  threadTs: z.string().optional(),
  /** The run this one is compared with (Re-check). */
  compareWith: z.string().optional(),
});
export type Subscriber = z.infer<typeof Subscriber>;

const Blocks = z.array(z.record(z.string(), z.unknown())).max(50);

/**
 * Outbox jobs, only ever processed by the bot role.
 * `status`: create the keyed message, or edit it when `rank` is higher than what Slack shows (never backwards).
 * `thread`: a reply under the keyed message. `post`: a plain message (the report). `ephemeral`: to one user.
 */
export const OutboxMessage = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status'), key: z.string().min(1), channel: z.string().min(1), threadTs: z.string().optional(),
    rank: z.number().int().min(0), text: z.string(), blocks: Blocks }),
  z.strictObject({ kind: z.literal('thread'), key: z.string().min(1), channel: z.string().min(1), text: z.string(), blocks: Blocks }),
  z.strictObject({ kind: z.literal('post'), channel: z.string().min(1), threadTs: z.string().optional(), text: z.string(), blocks: Blocks }),
  z.strictObject({ kind: z.literal('ephemeral'), channel: z.string().min(1), user: z.string().min(1), text: z.string(), blocks: Blocks }),
]);
export type OutboxMessage = z.infer<typeof OutboxMessage>;
