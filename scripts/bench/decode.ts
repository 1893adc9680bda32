import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeCaptured, type Decode } from '../../lib/store/capture';
import { toCapturedRequest, type WebRequestDetails } from '../../lib/store/web-request';
import { decodeRequest, decoderOver, mayCarryHits } from '../../lib/tags';
import { captureNonTagCorpus, captureTagCorpus, isGzipBody } from './corpus';
import { DECODERS } from '../../lib/tags/registry';
import { LARGE_REGISTRY, LARGE_REGISTRY_SHAPE, largeRegistryHosts } from './large-registry';
import { median, medianRatio } from './stats';

/** Tag requests per round; the non-tag corpus is three times larger (a page's requests are mostly not tags). */
const TAG_REQUESTS = 12_000;
/** Non-tag requests per tag request in the mixed corpus. */
const OTHERS_PER_TAG = 3;
const WARM_UP_ROUNDS = 3;
const ROUNDS = 15;

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface DecodeFigures {
  /** How the run was kept to one core. */
  core: string;
  rounds: number;
  /** Today's registry. */
  registry: { decoders: number; anyHost: number };
  tags: {
    requests: number;
    get: number;
    post: number;
    /** Requests whose body is gzip. */
    compressed: number;
    /** …of which the capture path read events out of (not a hit marked partial, not nothing). */
    compressedRead: number;
    hits: number;
    requestsPerSecond: Spread;
    hitsPerSecond: Spread;
  };
  others: { requests: number; post: number; requestsPerSecond: Spread };
  mixed: {
    requests: number;
    othersPerTag: number;
    requestsPerSecond: Spread;
    /** Share of the mixed corpus's decode time spent on the requests that are not tags (from the two medians). */
    rejectShare: number;
  };
  /** The same corpora with the registry grown to LARGE_REGISTRY (scripts/bench/large-registry.ts). */
  large: {
    decoders: number;
    anyHost: number;
    tagRequestsPerSecond: Spread;
    nonTagRequestsPerSecond: Spread;
    /** Time with the large registry over time with today's, median of the rounds' pairs: 1 means no cost. */
    tagCostRatio: number;
    nonTagCostRatio: number;
  };
}

/**
 * What the background worker does with each request webRequest reports (entrypoints/background/capture.ts): turn
 * it away on its URL when it cannot be a tag, else its body to text, then decodeRequest.
 */
function capturePath(decode: Decode, mayCarry: (url: string) => boolean): (d: WebRequestDetails) => number {
  return (d) => (mayCarry(d.url) ? decodeCaptured(toCapturedRequest(d), decode).length : 0);
}

/**
 * One pass over a corpus: the CPU time the process spent (all its threads, so the collector's too), in ms. CPU
 * time, not wall time: on a machine shared with other work, time spent waiting for the core is not decoding.
 */
function pass(requests: readonly WebRequestDetails[], capture: (d: WebRequestDetails) => number): number {
  let sink = 0;
  const start = process.cpuUsage();
  for (let i = 0; i < requests.length; i++) sink += capture(requests[i]!);
  const used = process.cpuUsage(start);
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return (used.user + used.system) / 1000;
}

function spread(perSecond: readonly number[]): Spread {
  return {
    median: Math.round(median(perSecond)),
    min: Math.round(Math.min(...perSecond)),
    max: Math.round(Math.max(...perSecond)),
  };
}

/** The mixed corpus: tag and non-tag requests interleaved, OTHERS_PER_TAG of these per tag request. */
function interleave(tags: readonly WebRequestDetails[], others: readonly WebRequestDetails[]): WebRequestDetails[] {
  const out: WebRequestDetails[] = [];
  for (let t = 0, o = 0; t < tags.length; t++) {
    out.push(tags[t]!);
    for (let k = 0; k < OTHERS_PER_TAG && o < others.length; k++) out.push(others[o++]!);
  }
  return out;
}

/**
 * Decode throughput in this process, on the capture path (`bodyText` + `decodeRequest`, as the worker runs them):
 * warm-up rounds, then ROUNDS rounds of the tag, non-tag and mixed corpora — and of the first two with the registry
 * grown to 85 decoders — interleaved, so each round sees the same machine load; medians and the spread reported.
 * Single-threaded: run it pinned to one core (benchDecode does).
 */
export function measureDecode(core = 'one thread, not pinned'): DecodeFigures {
  const decode: Decode = (req) => decodeRequest(req);
  const tags = captureTagCorpus(TAG_REQUESTS);
  const others = captureNonTagCorpus(TAG_REQUESTS * OTHERS_PER_TAG);
  const mixed = interleave(tags, others);
  const capture = capturePath(decode, (url) => mayCarryHits(url));
  const large = decoderOver(LARGE_REGISTRY, largeRegistryHosts);
  const captureLarge = capturePath(
    (req) => large.decode(req),
    (url) => large.mayCarryHits(url),
  );

  let hits = 0;
  let compressedRead = 0;
  for (const d of tags) {
    const decoded = decodeCaptured(toCapturedRequest(d), decode);
    hits += decoded.length;
    if (isGzipBody(d) && decoded.length > 0 && decoded.every((h) => h.event !== undefined && !h.partial))
      compressedRead++;
  }
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    [tags, others, mixed].forEach((corpus) => pass(corpus, capture));
    [tags, others].forEach((corpus) => pass(corpus, captureLarge));
  }

  const tagMs: number[] = [];
  const otherMs: number[] = [];
  const mixedMs: number[] = [];
  const largeTagMs: number[] = [];
  const largeOtherMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    tagMs.push(pass(tags, capture));
    largeTagMs.push(pass(tags, captureLarge));
    otherMs.push(pass(others, capture));
    largeOtherMs.push(pass(others, captureLarge));
    mixedMs.push(pass(mixed, capture));
  }
  const perSecond = (count: number, ms: readonly number[]) => ms.map((m) => (count / m) * 1000);
  const tagTime = median(tagMs);
  const otherTime = (median(otherMs) * (mixed.length - tags.length)) / others.length;
  return {
    core,
    rounds: ROUNDS,
    registry: { decoders: DECODERS.length, anyHost: DECODERS.filter((d) => d.anyHost).length },
    tags: {
      requests: tags.length,
      get: tags.filter((d) => d.method === 'GET').length,
      post: tags.filter((d) => d.method === 'POST').length,
      compressed: tags.filter(isGzipBody).length,
      compressedRead,
      hits,
      requestsPerSecond: spread(perSecond(tags.length, tagMs)),
      hitsPerSecond: spread(perSecond(hits, tagMs)),
    },
    others: {
      requests: others.length,
      post: others.filter((d) => d.method === 'POST').length,
      requestsPerSecond: spread(perSecond(others.length, otherMs)),
    },
    mixed: {
      requests: mixed.length,
      othersPerTag: OTHERS_PER_TAG,
      requestsPerSecond: spread(perSecond(mixed.length, mixedMs)),
      rejectShare: otherTime / (otherTime + tagTime),
    },
    large: {
      decoders: LARGE_REGISTRY_SHAPE.total,
      anyHost: LARGE_REGISTRY_SHAPE.anyHost,
      tagRequestsPerSecond: spread(perSecond(tags.length, largeTagMs)),
      nonTagRequestsPerSecond: spread(perSecond(others.length, largeOtherMs)),
      tagCostRatio: medianRatio(largeTagMs, tagMs),
      nonTagCostRatio: medianRatio(largeOtherMs, otherMs),
    },
  };
}

const PINNED_ENTRY = fileURLToPath(new URL('./decode-pinned.ts', import.meta.url));

/**
 * `measureDecode` in a child process pinned to CPU 0 (`taskset -c 0`): V8's garbage-collector and compiler
 * threads share that core too, so the figure is one core's, not one thread's. Without taskset, in this process.
 */
export function benchDecode(): DecodeFigures {
  const child = spawnSync('taskset', ['-c', '0', process.execPath, '--import', 'tsx', PINNED_ENTRY], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status === 0) return JSON.parse(child.stdout) as DecodeFigures;
  return measureDecode(
    `one thread, not pinned (taskset: ${child.error?.message ?? child.stderr.trim().split('\n')[0]})`,
  );
}
