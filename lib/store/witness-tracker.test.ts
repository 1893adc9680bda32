import { describe, expect, it } from 'vitest';
import { WITNESS_WINDOW_MS } from './capture';
import { witnessTracker } from './witness-tracker';

describe('witnessTracker', () => {
  const start = 1_000_000;
  const later = start + WITNESS_WINDOW_MS + 5_000;

  it.each([
    ['a request from before the worker started (a restart mid-page)', start - 500, true],
    ['a request within the window of the start', start + WITNESS_WINDOW_MS, true],
    ['a request long after the start, in a tab without witnesses', later, false],
  ])('%s: lookup needed = %s', (_, at, needed) => {
    expect(witnessTracker(start).mayExist(7, at)).toBe(needed);
  });

  it('looks up every request of a tab this worker stored witnesses for', () => {
    const tracker = witnessTracker(start);
    tracker.noted(7);
    expect(tracker.mayExist(7, later)).toBe(true);
    expect(tracker.mayExist(8, later)).toBe(false);
  });
});
