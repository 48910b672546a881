/** A per-user sliding window: at most `max` commands in `windowMs`. In memory: one bot process answers a command. */
export interface RateLimiter {
  /** True when the user may run one more command now (and counts it). */
  take(user: string): boolean;
}

export function createRateLimiter(options: { max: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const seen = new Map<string, number[]>();
  return {
    take(user) {
      const t = now();
      const recent = (seen.get(user) ?? []).filter((at) => at > t - options.windowMs);
      if (recent.length >= options.max) {
        seen.set(user, recent);
        return false;
      }
      recent.push(t);
      seen.set(user, recent);
      if (seen.size > 10_000) for (const [key, times] of seen) if (times.every((at) => at <= t - options.windowMs)) seen.delete(key);
      return true;
    },
  };
}
