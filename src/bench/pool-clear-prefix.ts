import { Redis } from 'ioredis';

/** Deletes every key under `<prefix>:` (queues, run store, outbox) on the Redis at `url`; returns how many. */
export async function clearPrefix(url: string, prefix: string): Promise<number> {
  if (prefix.length < 8 || !prefix.startsWith('bench-')) throw new Error(`bench: refusing to clear keys of prefix ${JSON.stringify(prefix)}`);
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
