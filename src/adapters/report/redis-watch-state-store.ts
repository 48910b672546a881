import type { Redis } from 'ioredis';
import { EMPTY_WATCH_STATE, type WatchState } from '../../core/watch/evaluate-watch.js';

export interface WatchStateStore {
  load(): Promise<WatchState>;
  save(state: WatchState): Promise<void>;
}

/** The watch's pattern counters under `<prefix>:gomod:watch:state` (one watch job runs at a time). */
export function createRedisWatchStateStore(deps: { redis: Redis; prefix: string }): WatchStateStore {
  const key = `${deps.prefix}:gomod:watch:state`;
  return {
    async load() {
      const text = await deps.redis.get(key);
      return text === null ? EMPTY_WATCH_STATE : JSON.parse(text) as WatchState;
    },
    async save(state) {
      await deps.redis.set(key, JSON.stringify(state));
    },
  };
}
