import { describe, expect, it } from 'vitest';
import { computeMedian } from './compute-median.js';

describe('computeMedian', () => {
  it.each([
    { values: [3, 1, 2], median: 2 },
    { values: [4, 1, 3, 2], median: 2.5 },
    { values: [7], median: 7 },
    { values: [5, 5, 100], median: 5 },
  ])('gives $median for $values', ({ values, median }) => {
    expect(computeMedian(values)).toBe(median);
  });

  it('gives NaN for no values', () => {
    expect(computeMedian([])).toBeNaN();
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    computeMedian(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
