import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { inject, onTestFinished } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export { startPrivateRedis } from './global-setup.js';

export interface TestRedis {
  readonly url: string;
  /** A unique BullMQ prefix for this test: nothing it creates meets another test. */
  readonly prefix: string;
  /** A plain client, closed after the test. */
  readonly redis: Redis;
}

/** Per-test Redis context; at the end every queue under the prefix is obliterated and leftover keys deleted (never FLUSHALL). */
export function useTestRedis(queueNames: readonly string[] = [], url: string = inject('redisUrl')): TestRedis {
  const prefix = `test-${randomUUID()}`;
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined); // outage tests stop Redis on purpose; the calls that fail say so
  onTestFinished(async () => {
    await cleanPrefix(url, prefix, queueNames);
    await redis.quit();
  });
  return { url, prefix, redis };
}

export async function cleanPrefix(url: string, prefix: string, queueNames: readonly string[]): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  try {
    for (const name of queueNames) {
      const queue = new Queue(name, { connection: redis, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
