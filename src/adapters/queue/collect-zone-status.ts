import type { Queue } from 'bullmq';
import type { ZoneStatus } from '../slack/blocks/render-status-view.js';

/** Workers alive, queue depth and the last failures of one zone's queue (BullMQ sees workers by connection name). */
export async function collectZoneStatus(zone: string, queue: Queue): Promise<ZoneStatus> {
  const [workers, counts, failedJobs] = await Promise.all([
    queue.getWorkersCount(),
    queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
    queue.getJobs(['failed'], 0, 4, false),
  ]);
  return {
    zone, workers,
    waiting: counts['waiting'] ?? 0, active: counts['active'] ?? 0, delayed: counts['delayed'] ?? 0, failed: counts['failed'] ?? 0,
    recentFailures: failedJobs.map((job) => {
      const data = job.data as { module?: unknown; version?: unknown };
      return { target: `${String(data.module)}@${typeof data.version === 'string' ? data.version : 'latest'}`, reason: job.failedReason.slice(0, 200) };
    }),
  };
}
