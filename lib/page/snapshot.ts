/**
 * A bounded JSON text of a value from the page: depth, keys, string length and total size are capped, cycles
 * and functions are replaced by markers, getters that throw are skipped. The page's objects are never changed.
 */
export function boundedJson(value: unknown, maxChars = 2048, maxDepth = 4): string {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
    if (typeof v === 'function') return '[function]';
    if (typeof v !== 'object') return String(v);
    if (seen.has(v)) return '[cycle]';
    if (depth >= maxDepth) return Array.isArray(v) ? '[…]' : '{…}';
    seen.add(v);
    // The first 20 items only (not a copy of a 200,000-item list, then cut).
    if (isList(v)) return Array.from({ length: Math.min(v.length, 20) }, (_, i) => walk(v[i], depth + 1));
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const key of Object.keys(v)) {
      if (n++ >= 30) break;
      try {
        out[key] = walk((v as Record<string, unknown>)[key], depth + 1);
      } catch {
        out[key] = '[unreadable]';
      }
    }
    return out;
  };
  try {
    const text = JSON.stringify(walk(value, 0)) ?? 'null';
    return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  } catch {
    return '"[unserialisable]"';
  }
}

/** An array, or the `arguments` of a call (what gtag pushes to the dataLayer). */
export function isList(v: object): v is ArrayLike<unknown> {
  return Array.isArray(v) || Object.prototype.toString.call(v) === '[object Arguments]';
}
