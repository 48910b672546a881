import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pingOnce, startEmbeddedRedis, type EmbeddedRedis } from '../../src/main/embedded-redis.js';

/** Finds or starts the Redis every int test uses, and stops a private one at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await provideTestRedis();
  project.provide('redisUrl', redis.url);
  return redis.stop;
}

/**
 * The Redis for int tests: 127.0.0.1:6379 when it answers, else a private redis-server on a free port.
 * Neither possible → a loud failure, never a skip (STYLE: int fails rather than skips without Redis).
 */
export async function provideTestRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env['REDIS_URL'] !== undefined && process.env['REDIS_URL'] !== '') return { url: process.env['REDIS_URL'], stop: async () => undefined };
  if (await pingOnce(6379, '127.0.0.1', 500)) return { url: 'redis://127.0.0.1:6379', stop: async () => undefined };
  try {
    const redis = await startPrivateRedis();
    return { url: redis.url, stop: redis.stop };
  } catch (error) {
    throw new Error(`int tests need Redis: nothing answers on 127.0.0.1:6379 and no private redis-server could be started (${String(error)})`, { cause: error });
  }
}

/** A private redis-server in a temporary directory, removed again by stop(). */
export async function startPrivateRedis(options: { port?: number } = {}): Promise<EmbeddedRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'gomod-redis-'));
  const redis = await startEmbeddedRedis({ dataDir: dir, ...(options.port === undefined ? {} : { port: options.port }) });
  return { ...redis, stop: async () => { await redis.stop(); await rm(dir, { recursive: true, force: true }); } };
}

