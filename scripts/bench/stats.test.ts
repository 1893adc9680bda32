import { describe, expect, it } from 'vitest';
import { median, medianInterval, medianRatio, quantile } from './stats';

it.each([
  [[3, 1, 2], 0.5, 2],
  [[1, 2, 3, 4], 0.5, 2.5],
  [[1, 2, 3, 4, 5], 0.25, 2],
  [[10, 20], 0.75, 17.5],
  [[7], 0.25, 7],
])('quantile(%j, %d) is %d', (values, q, want) => expect(quantile(values, q)).toBe(want));

it('agrees with the median at one half', () => expect(quantile([5, 1, 9, 3], 0.5)).toBe(median([5, 1, 9, 3])));

it('pairs ratios by round, not by rank', () => expect(medianRatio([2, 9, 4], [1, 10, 2])).toBe(2));

describe('medianInterval', () => {
  it('is a point for values that do not vary', () => expect(medianInterval([1.2, 1.2, 1.2, 1.2])).toEqual([1.2, 1.2]));

  it('holds the median, and narrows as the sample grows', () => {
    const spread = (n: number) => Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 101) / 500);
    const [lo41, hi41] = medianInterval(spread(41));
    const [lo401, hi401] = medianInterval(spread(401));
    expect(lo41).toBeLessThanOrEqual(median(spread(41)));
    expect(hi41).toBeGreaterThanOrEqual(median(spread(41)));
    expect(hi401 - lo401).toBeLessThan(hi41 - lo41);
  });

  it('gives the same interval for the same values', () =>
    expect(medianInterval([1, 3, 2, 5, 4, 9, 7])).toEqual(medianInterval([1, 3, 2, 5, 4, 9, 7])));
});
