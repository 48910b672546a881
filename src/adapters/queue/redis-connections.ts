import { Redis } from 'ioredis';

/**
 * Connections for BullMQ. Worker connections retry forever (`maxRetriesPerRequest: null`, BullMQ requires it);
 * producer connections used on the Slack ack path fail fast so an outage never holds an ack.
 */
export function createWorkerConnection(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, protocol: 2 });
}

export function createProducerConnection(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    // A burst of slash commands becomes a few socket writes instead of hundreds (producers only: it slows workers).
    enableAutoPipelining: true,
    connectionName: name,
    protocol: 2,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  });
}

/** Rejects when `promise` does not settle within `ms`; the ack path never waits longer on Redis. */
export async function settleWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
