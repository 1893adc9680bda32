/** Random ids: unique across worker restarts, which a counter in memory would not be. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** FNV-1a, 32 bit: a short index key for a URL (URLs can be kilobytes long; collisions only cost a filter). */
export function urlHash(url: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
