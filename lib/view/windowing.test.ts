import { describe, expect, it } from 'vitest';
import { indexAt, layout, scrollToShow, visibleRange } from './windowing';

// Ten rows of 20 px, the fourth opened to 100 px: 0 20 40 60 160 180 … 340.
const offsets = layout(10, (i) => (i === 3 ? 100 : 20));

describe('windowing', () => {
  it('lays rows out one after the other', () => {
    expect([...offsets]).toEqual([0, 20, 40, 60, 160, 180, 200, 220, 240, 260, 280]);
  });

  it.each([
    [0, 0],
    [19.9, 0],
    [20, 1],
    [61, 3],
    [159, 3],
    [160, 4],
    [279, 9],
    [5_000, 9],
    [-10, 0],
  ])('the row at y = %d is %d', (y, want) => expect(indexAt(offsets, y)).toBe(want));

  it.each([
    ['the top', 0, 50, 0, { start: 0, end: 3 }],
    ['the middle, the tall row in part', 100, 70, 0, { start: 3, end: 5 }],
    ['with overscan', 100, 70, 40, { start: 3, end: 7 }],
    ['the end', 250, 100, 0, { start: 8, end: 10 }],
  ])('renders %s', (_, top, viewport, overscan, want) =>
    expect(visibleRange(offsets, top, viewport, overscan)).toEqual(want),
  );

  it('renders nothing of an empty list', () =>
    expect(
      visibleRange(
        layout(0, () => 20),
        0,
        500,
        100,
      ),
    ).toEqual({ start: 0, end: 0 }));

  it.each([
    ['a row in view: no move', 1, 0, 100, 0],
    ['a row above: scrolls up to it', 1, 100, 100, 20],
    ['a row below: scrolls just enough', 5, 0, 100, 100],
    ['a row taller than the view: its top', 3, 0, 50, 60],
  ])('scrollToShow: %s', (_, index, top, viewport, want) =>
    expect(scrollToShow(offsets, index, top, viewport)).toBe(want),
  );

  it('lays out 10,000 rows with their heights as measured', () => {
    const big = layout(10_000, (i) => (i % 2 ? 30 : 26));
    expect(big[10_000]).toBe(280_000);
    expect(visibleRange(big, 140_000, 400, 0)).toEqual({ start: 5_000, end: 5_015 });
  });
});
