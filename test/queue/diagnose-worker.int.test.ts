import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { diagnoseQueueName } from '../../src/adapters/queue/queue-names.js';
import { startHarness } from '../slack/serve-harness.js';

async function waitForFailed(queue: Queue, id: string): Promise<{ attemptsMade: number; failedReason: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (await queue.getJobState(id) === 'failed') {
      const job = await queue.getJob(id);
      if (job !== undefined) return { attemptsMade: job.attemptsMade, failedReason: job.failedReason };
    }
    if (Date.now() > deadline) throw new Error(`job ${id} never failed`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('diagnose worker', () => {
  it.each([
    ['a payload that is not a diagnose request', { module: 42 }, /diagnose payload invalid/],
    ['a job for another zone', { module: 'corp.example/hello', version: null, zone: 'ci', requestedAt: 1 }, /reached a worker of zone office/],
  ])('fails %s at once, without retries', async (_name, data, reason) => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const connection = new Redis(h.url);
    const queue = new Queue(diagnoseQueueName('office'), { connection, prefix: h.prefix });
    onTestFinished(async () => { await queue.obliterate({ force: true }); await queue.close(); await connection.quit(); });
    const job = await queue.add('diagnose', data, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    const failed = await waitForFailed(queue, job.id ?? '');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(reason);
  });
});
