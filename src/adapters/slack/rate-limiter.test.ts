import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

describe('createRateLimiter', () => {
  it('allows max commands per window per user and frees the slot when the window passes', () => {
    let t = 1000;
    const limiter = createRateLimiter({ max: 2, windowMs: 60_000, now: () => t });
    expect([limiter.take('U1'), limiter.take('U1'), limiter.take('U1'), limiter.take('U2')]).toEqual([true, true, false, true]);
    t += 60_001;
    expect(limiter.take('U1')).toBe(true);
  });
});
