import { decodeRequest } from '../../lib/tags';
import { nonTagCorpus, tagCorpus } from './corpus';

export interface DecodeFigures {
  requests: number;
  hits: number;
  hitsPerSecond: number;
  nonTagRequestsPerSecond: number;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Decode throughput on one core: the best of five passes over the corpus, after a warm-up pass. */
export function benchDecode(n = 12_000): DecodeFigures {
  const tags = tagCorpus(n);
  const others = nonTagCorpus(n);
  let hits = 0;
  for (const r of tags) hits += decodeRequest(r).length; // warm-up, and the hit count
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) best = Math.min(best, time(() => tags.forEach((r) => decodeRequest(r))));
  let bestOther = Infinity;
  for (let pass = 0; pass < 5; pass++) bestOther = Math.min(bestOther, time(() => others.forEach((r) => decodeRequest(r))));
  return { requests: n, hits, hitsPerSecond: Math.round((hits / best) * 1000), nonTagRequestsPerSecond: Math.round((n / bestOther) * 1000) };
}
