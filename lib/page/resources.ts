// The page's own list of the requests it made (Resource Timing): a second witness for tag requests, so a hit
// whose webRequest event was lost with a stopped worker is still recorded. URLs only — no bodies, no values.

export interface ResourceSeen {
  url: string;
  /** Request start, ms since the epoch. */
  at: number;
  /** img, beacon, fetch, xmlhttprequest, script, iframe, other */
  initiator: string;
  /** HTTP status when the browser exposes it (same origin or Timing-Allow-Origin), else 0. */
  status: number;
}

/** Resources that are never tags: styles, fonts, pictures, media. Scripts stay (library loads), so do GIFs (pixels). */
const NEVER = /\.(css|woff2?|ttf|otf|eot|png|jpe?g|webp|avif|svg|ico|mp4|webm|mp3|m4a|wasm)(\?|#|$)/i;
const KINDS = /^(img|image|beacon|fetch|xmlhttprequest|script|iframe|other)$/;

export function isTagCandidate({ name, initiatorType }: { name: string; initiatorType: string }): boolean {
  try {
    return (
      KINDS.test(initiatorType) && name.length <= 8192 && name.startsWith('http') && !NEVER.test(new URL(name).pathname)
    );
  } catch {
    return false;
  }
}

export function toResourceSeen(
  entry: { name: string; initiatorType: string; startTime: number; responseStatus?: number },
  timeOrigin: number,
): ResourceSeen {
  return {
    url: entry.name,
    at: Math.round(timeOrigin + entry.startTime),
    initiator: entry.initiatorType,
    status: entry.responseStatus ?? 0,
  };
}

/**
 * What the worker accepts of a page's claim: bounded, well-formed items only (the page may forge them), and of
 * those the tag candidates. The content script sends its frame's entries unsorted — the sorting is done here, in
 * the worker, not in the code every frame of every page loads.
 */
export function validResources(items: unknown): ResourceSeen[] {
  if (!Array.isArray(items)) return [];
  const out: ResourceSeen[] = [];
  for (const item of items.slice(0, 200)) {
    if (typeof item !== 'object' || item === null) continue;
    const { url, at, initiator, status } = item as Record<string, unknown>;
    if (
      typeof url === 'string' &&
      url.length <= 8192 &&
      typeof at === 'number' &&
      Number.isFinite(at) &&
      typeof initiator === 'string' &&
      typeof status === 'number' &&
      isTagCandidate({ name: url, initiatorType: initiator })
    ) {
      out.push({ url, at, initiator: initiator.slice(0, 32), status });
    }
  }
  return out;
}
