// A list sent again and again to another thread (the panels' audit worker): only what changed crosses over.
// The view's records are immutable and a live update keeps the objects it already held (lib/view/live.ts
// applyTail), so the part that did not change is found by identity; the rest is sent.

/** How to make the next list from the one the receiver holds: its first `keep` items, then `tail`. */
export interface ListDelta<T> {
  keep: number;
  tail: T[];
}

/** The delta from `held` (what the receiver has) to `next`. */
export function listDelta<T>(held: readonly T[], next: readonly T[]): ListDelta<T> {
  const n = Math.min(held.length, next.length);
  let keep = 0;
  while (keep < n && held[keep] === next[keep]) keep++;
  return { keep, tail: next.slice(keep) };
}

/** The receiver's side: `held` with the delta put in. */
export function applyListDelta<T>(held: readonly T[], delta: ListDelta<T>): T[] {
  if (delta.keep > held.length) {
    throw new Error(`A list delta keeps ${delta.keep} items of a list of ${held.length}: the two sides disagree.`);
  }
  const out = held.slice(0, delta.keep);
  for (const item of delta.tail) out.push(item);
  return out;
}
