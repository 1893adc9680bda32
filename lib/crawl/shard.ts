// `--shard i/n`: which machine of n audits which page. Decided by a hash of the page's canonical URL, so every
// machine agrees without talking to the others, whatever order it finds the pages in.

export interface Shard {
  /** 1-based, as people count machines in a CI matrix. */
  index: number;
  count: number;
}

/** `2/4` → { index: 2, count: 4 }; a message that says what is expected otherwise. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard expects i/n, such as 1/4 (this machine's number, then how many machines), got "${text}".`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1000) return `--shard: the number of machines must be from 1 to 1000, got ${count}.`;
  if (index < 1 || index > count) return `--shard: this machine's number must be from 1 to ${count}, got ${index}.`;
  return { index, count };
}

/** FNV-1a, 32 bits: small, stable across platforms and Node versions, and spreads similar URLs well. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The 1-based shard a canonical URL belongs to. */
export function shardOf(canonicalUrl: string, count: number): number {
  return (fnv1a(canonicalUrl) % count) + 1;
}

export function inShard(canonicalUrl: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(canonicalUrl, shard.count) === shard.index;
}
