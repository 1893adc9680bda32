import { expect, it } from 'vitest';
import { duration, progressLine } from './progress';

it.each([
  [0, '0 s'],
  [45_400, '45 s'],
  [80_000, '1 min 20 s'],
  [120_000, '2 min'],
  [7_500_000, '2 h 5 min'],
])('duration(%i) = %s', (ms, want) => expect(duration(ms)).toBe(want));

it('shows done, queued, failed and the time left at this pace', () => {
  const line = progressLine({ done: 9, failed: 1, queued: 10, skipped: 2, startedAt: 0, now: 50_000 });
  expect(line).toBe('[##########..........] 10/20 · 9 done · 10 queued · 1 failed · 2 skipped · about 50 s left');
});

it('counts only this run’s pages for the pace of a resumed crawl', () => {
  expect(progressLine({ done: 10, failed: 0, queued: 10, skipped: 0, startedAt: 0, now: 10_000, resumed: 8 })).toMatch(
    /about 50 s left$/,
  );
});

it('has no time left before the first page is done', () => {
  expect(progressLine({ done: 0, failed: 0, queued: 5, skipped: 0, startedAt: 0, now: 1_000 })).toBe(
    '[....................] 0/5 · 0 done · 5 queued · 0 failed',
  );
});
