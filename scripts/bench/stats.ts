export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of the pairwise ratios a[i] / b[i] (runs interleaved, so each pair saw the same machine load). */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]!));
}

/** The q-quantile (0 ≤ q ≤ 1) of `values`, interpolated between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** A small seeded generator (mulberry32): the same run gives the same interval. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * How precisely `values` pin their median: a percentile bootstrap interval (by default 95 %, 2,000 resamples,
 * seeded). A figure whose interval straddles a target has not shown it is on either side of it.
 */
export function medianInterval(
  values: readonly number[],
  opts: { level?: number; resamples?: number; random?: () => number } = {},
): [number, number] {
  const level = opts.level ?? 0.95;
  const resamples = opts.resamples ?? 2_000;
  const random = opts.random ?? seeded(values.length);
  const medians: number[] = [];
  for (let r = 0; r < resamples; r++)
    medians.push(median(Array.from(values, () => values[Math.floor(random() * values.length)]!)));
  return [quantile(medians, (1 - level) / 2), quantile(medians, 1 - (1 - level) / 2)];
}
