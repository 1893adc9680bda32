import { expect, it } from 'vitest';
import { median, medianRatio, quantile } from './stats';

it.each([
  [[3, 1, 2], 0.5, 2],
  [[1, 2, 3, 4], 0.5, 2.5],
  [[1, 2, 3, 4, 5], 0.25, 2],
  [[10, 20], 0.75, 17.5],
  [[7], 0.25, 7],
])('quantile(%j, %d) is %d', (values, q, want) => expect(quantile(values, q)).toBe(want));

it('agrees with the median at one half', () => expect(quantile([5, 1, 9, 3], 0.5)).toBe(median([5, 1, 9, 3])));

it('pairs ratios by round, not by rank', () => expect(medianRatio([2, 9, 4], [1, 10, 2])).toBe(2));
