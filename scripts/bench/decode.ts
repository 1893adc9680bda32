import { decodeRequest, type TagHit } from '../../lib/tags';
import { bytesBody } from '../../lib/tags/body';
import { nonTagCorpus, tagCorpus, type CorpusRequest } from './corpus';

export interface DecodeFigures {
  requests: number;
  hits: number;
  hitsPerSecond: number;
  nonTagRequestsPerSecond: number;
  /** Requests in the corpus whose body was compressed (inflated on the way, as the worker does). */
  compressed: number;
}

/** One request the way the worker reads it: a compressed body is inflated (lib/tags/body.ts), then decoded. */
function decodeOne(r: CorpusRequest): TagHit[] {
  if (!r.raw) return decodeRequest(r);
  const body = bytesBody([r.raw]);
  return decodeRequest({ url: r.url, method: r.method, type: r.type, ...(body.kind === 'text' ? { body: body.text } : {}) });
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
  for (const r of tags) hits += decodeOne(r).length; // warm-up, and the hit count
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) best = Math.min(best, time(() => tags.forEach((r) => decodeOne(r))));
  let bestOther = Infinity;
  for (let pass = 0; pass < 5; pass++) bestOther = Math.min(bestOther, time(() => others.forEach((r) => decodeRequest(r))));
  const compressed = tags.filter((r) => r.raw).length;
  return { requests: n, hits, hitsPerSecond: Math.round((hits / best) * 1000), nonTagRequestsPerSecond: Math.round((n / bestOther) * 1000), compressed };
}
