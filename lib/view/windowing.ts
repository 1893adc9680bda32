// The arithmetic of a list that renders only the rows in view (the Hits view's 10,000-row timeline): where each
// row starts, which rows a scroll position shows, where to scroll to bring one into view. Pure: the component
// (entrypoints/shared/components/VirtualList.tsx) measures the rows and the scroll box and asks.

/** Where each row starts: `offsets[i]` is the top of row i, `offsets[count]` the list's height. */
export function layout(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The row at height `y` of the list (the last row for a `y` past the end; 0 for an empty list). */
export function indexAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows to render, `[start, end)`: those in the viewport and `overscan` pixels either side of it. */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = indexAt(offsets, Math.max(0, scrollTop - overscan));
  const end = Math.min(count, indexAt(offsets, scrollTop + viewport + overscan) + 1);
  return { start, end };
}

/** The scroll position that shows row `index` whole with the least movement (unchanged when it already is). */
export function scrollToShow(offsets: Float64Array, index: number, scrollTop: number, viewport: number): number {
  const top = offsets[index] ?? 0;
  const bottom = offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, Math.min(top, bottom - viewport));
  return scrollTop;
}
