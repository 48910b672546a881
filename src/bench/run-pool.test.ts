import { describe, expect, it } from 'vitest';
import { runPool } from './run-pool.js';

describe('runPool', () => {
  it('keeps the items\' order in its results and never exceeds the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runPool([5, 1, 4, 2, 3], 2, async (item) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      // Later items finish first: the order must still be the items'.
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < item; i += 1) await Promise.resolve();
      inFlight -= 1;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('gives an empty list for no items', async () => {
    expect(await runPool([], 4, async () => 1)).toEqual([]);
  });
});
