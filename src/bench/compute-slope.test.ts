import { describe, expect, it } from 'vitest';
import { computeSlope } from './compute-slope.js';

describe('computeSlope', () => {
  it.each([
    { xs: [8, 64, 256], ys: [80, 80, 80], slope: 0 },
    { xs: [8, 64, 256], ys: [16, 72, 264], slope: 1 },
    { xs: [0, 1, 2, 3], ys: [1, 3, 5, 7], slope: 2 },
    { xs: [64, 256], ys: [120, 110], slope: -10 / 192 },
  ])('fits $slope through $ys over $xs', ({ xs, ys, slope }) => {
    expect(computeSlope(xs, ys)).toBeCloseTo(slope, 10);
  });

  it.each([
    { xs: [1], ys: [1] },
    { xs: [2, 2, 2], ys: [1, 2, 3] },
  ])('gives NaN without two distinct x ($xs)', ({ xs, ys }) => {
    expect(computeSlope(xs, ys)).toBeNaN();
  });
});
