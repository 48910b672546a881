import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingOnce, startEmbeddedRedis } from '../main/embedded-redis.js';

const MACHINE_REDIS_PORT = 6379;

/** The Redis a suite uses: the machine's on 127.0.0.1:6379, or a private redis-server on a free port when that one is silent. */
export interface BenchRedis {
  readonly url: string;
  /** Said in the suite's output: which Redis the figures were measured with. */
  readonly description: string;
  close(): Promise<void>;
}

export async function openBenchRedis(): Promise<BenchRedis> {
  if (await pingOnce(MACHINE_REDIS_PORT, '127.0.0.1', 1000)) {
    return { url: `redis://127.0.0.1:${MACHINE_REDIS_PORT}`, description: `the machine's Redis (127.0.0.1:${MACHINE_REDIS_PORT})`, close: async () => {} };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'gomod-doctor-bench-redis-'));
  try {
    const redis = await startEmbeddedRedis({ dataDir });
    return {
      url: redis.url,
      description: `a private redis-server on 127.0.0.1:${redis.port} (nothing answered on ${MACHINE_REDIS_PORT})`,
      close: async () => {
        await redis.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
