import { z } from 'zod';

/** What `/gomod report` puts on REPORT_QUEUE (job name REPORT_ON_DEMAND_JOB) for the scheduler to run and post. */
export const ReportRequest = z.strictObject({
  requestedBy: z.string().min(1),
  /** Where the asker typed the command; the report goes to the configured report channel when absent. */
  channel: z.string().min(1).nullable(),
  requestedAt: z.number().int(),
});
export type ReportRequest = z.infer<typeof ReportRequest>;
