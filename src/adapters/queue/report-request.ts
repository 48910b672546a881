import { Queue } from 'bullmq';
import { z } from 'zod';
import type { Redis } from 'ioredis';
import { REPORT_ON_DEMAND_JOB, REPORT_QUEUE } from './queue-names.js';

/** What `/gomod report` puts on REPORT_QUEUE (job name REPORT_ON_DEMAND_JOB) for the scheduler to run and post. */
export const ReportRequest = z.strictObject({
  requestedBy: z.string().min(1),
  /** Where the asker typed the command; the report goes to the configured report channel when absent. */
  channel: z.string().min(1).nullable(),
  requestedAt: z.number().int(),
});
export type ReportRequest = z.infer<typeof ReportRequest>;

export interface ReportRequester {
  request(request: ReportRequest): Promise<void>;
  close(): Promise<void>;
}

/** The bot's side of `/gomod report`: one job on REPORT_QUEUE; the scheduler runs it and posts through the outbox. */
export function createReportRequester(deps: { connection: Redis; prefix: string }): ReportRequester {
  const queue = new Queue(REPORT_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  queue.on('error', () => undefined); // surfaced by request(); the bot answers the user
  return {
    async request(request) {
      await queue.add(REPORT_ON_DEMAND_JOB, ReportRequest.parse(request), {
        attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
    close: () => queue.close(),
  };
}
