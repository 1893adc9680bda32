// Pages grouped by template: `/product/mug` and `/product/teapot` are both `/product/*`. A site's pages are
// built from a few templates, and a tag missing from one template is missing from all its pages: the roll-up
// and the coverage grid read best grouped this way.

/** A path segment that names one record rather than a kind of page: numbers, UUIDs, long hex ids. */
function isIdSegment(segment: string): boolean {
  return (
    /^\d+$/.test(segment) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
    (/^[0-9a-f]{10,}$/i.test(segment) && /\d/.test(segment))
  );
}

function segmentsOf(url: string): { segments: string[]; slash: boolean } | undefined {
  try {
    const path = new URL(url).pathname;
    return {
      segments: path
        .split('/')
        .filter(Boolean)
        .map((s) => (isIdSegment(s) ? '*' : s)),
      slash: path.endsWith('/'),
    };
  } catch {
    return undefined;
  }
}

function pathOf(segments: readonly string[], slash: boolean): string {
  return segments.length === 0 ? '/' : `/${segments.join('/')}${slash ? '/' : ''}`;
}

/**
 * The template of each URL: its path with id segments as `*`, and its last segment as `*` when another page
 * shares the rest of the path (`/blog/a`, `/blog/b` → `/blog/*`). A page alone under its parent keeps its
 * own path. The query string is not part of a template.
 */
export function templatesOf(urls: readonly string[]): Map<string, string> {
  const shapes = new Map<string, { segments: string[]; slash: boolean }>();
  /** Per parent template, the distinct paths under it. */
  const siblings = new Map<string, Set<string>>();
  for (const url of urls) {
    const shape = segmentsOf(url);
    if (!shape) continue;
    shapes.set(url, shape);
    if (shape.segments.length >= 2 && !shape.slash) {
      const parent = pathOf([...shape.segments.slice(0, -1), '*'], false);
      siblings.set(parent, (siblings.get(parent) ?? new Set()).add(pathOf(shape.segments, false)));
    }
  }
  const out = new Map<string, string>();
  for (const url of urls) {
    const shape = shapes.get(url);
    if (!shape) {
      out.set(url, url);
      continue;
    }
    const own = pathOf(shape.segments, shape.slash);
    if (shape.segments.length >= 2 && !shape.slash) {
      const parent = pathOf([...shape.segments.slice(0, -1), '*'], false);
      // Pages that already share their whole path (`/order/*/receipt`) are one template as they are.
      out.set(url, (siblings.get(parent)?.size ?? 0) >= 2 ? parent : own);
    } else out.set(url, own);
  }
  return out;
}
