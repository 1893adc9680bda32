import { describe, expect, it } from 'vitest';
import { applyListDelta, listDelta } from './list-delta';

const a = { id: 'a' };
const b = { id: 'b' };
const c = { id: 'c' };
const d = { id: 'd' };
const bAgain = { id: 'b' }; // equal, not the same record: read again from the store, so sent again

describe('listDelta', () => {
  it.each([
    ['nothing held', [], [a, b], 0, [a, b]],
    ['records appended', [a, b], [a, b, c], 2, [c]],
    ['nothing changed', [a, b], [a, b], 2, []],
    ['a record read again (its outcome changed)', [a, b, c], [a, bAgain, c], 1, [bAgain, c]],
    ['the oldest dropped (a later page shown)', [a, b, c], [b, c, d], 0, [b, c, d]],
    ['the newest removed (a clear)', [a, b, c], [a], 1, []],
    ['everything removed', [a, b], [], 0, []],
  ])('%s', (_, held, next, keep, tail) => {
    const delta = listDelta(held, next);
    expect(delta).toEqual({ keep, tail });
    expect(delta.tail.every((t, i) => t === tail[i])).toBe(true);
    expect(applyListDelta(held, delta)).toEqual(next);
  });

  it('refuses a delta that keeps more than the receiver holds (the sides lost step), rather than guess', () => {
    expect(() => applyListDelta([a], { keep: 2, tail: [] })).toThrow(/keeps 2 items of a list of 1/);
  });
});
