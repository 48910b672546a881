/**
 * Queue names shared by the roles (BullMQ 6 refuses ':' in queue names, so `diagnose-<zone>`, not `diagnose:<zone>`).
 * The scheduler (src/core/report, src/adapters/report) consumes REPORT_QUEUE; the bot only produces on it.
 */
export const SLACK_OUTBOX_QUEUE = 'slack-outbox';
export const COMPARE_QUEUE = 'diagnose-compare';
export const REPORT_QUEUE = 'report';
/** Job name of `/gomod report`; its data is a `ReportRequest` (report-request.ts). */
export const REPORT_ON_DEMAND_JOB = 'report-on-demand';
export const DIAGNOSE_JOB = 'diagnose';
export const COMPARE_DEADLINE_JOB = 'compare-deadline';

export function diagnoseQueueName(zone: string): string {
  return `diagnose-${zone}`;
}
