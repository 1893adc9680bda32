import type { StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { count, vendorName } from '../words';

// Tag by tag: how many hits each vendor's event had, and how many of them did not get through. The History
// page's timeline shows one tally per page; the comparison sets two visits' tallies side by side.

export interface TagTally {
  vendor: VendorId;
  /** The vendor's name (`Google Analytics 4`). */
  name: string;
  /** The event, `library_load` for the vendor's script; '' for hits that name none. */
  event: string;
  hits: number;
  blocked: number;
  failed: number;
}

export function tallyKey(t: Pick<TagTally, 'vendor' | 'event'>): string {
  return `${t.vendor}\u0000${t.event}`;
}

/** One tally per vendor and event, in the order first sent. */
export function tagTally(hits: readonly StoredHit[]): TagTally[] {
  const byKey = new Map<string, TagTally>();
  for (const hit of [...hits].sort((a, b) => a.at - b.at)) {
    const event = hit.event ?? '';
    const key = tallyKey({ vendor: hit.vendor, event });
    let t = byKey.get(key);
    if (!t)
      byKey.set(key, (t = { vendor: hit.vendor, name: vendorName(hit.vendor), event, hits: 0, blocked: 0, failed: 0 }));
    t.hits++;
    if (hit.status === 'blocked') t.blocked++;
    else if (hit.status === 'failed') t.failed++;
  }
  return [...byKey.values()];
}

/** `3 hits`, `2 hits, 1 blocked`, `none`. */
export function tallyWords(t: Pick<TagTally, 'hits' | 'blocked' | 'failed'> | undefined): string {
  if (!t || t.hits === 0) return 'none';
  const bad = [t.blocked ? `${t.blocked} blocked` : '', t.failed ? `${t.failed} failed` : ''].filter(Boolean);
  return [count(t.hits, 'hit'), ...bad].join(', ');
}

/** `page_view`, `library load`, `(no event)`. */
export function eventWords(event: string): string {
  return event === 'library_load' ? 'library load' : event || '(no event)';
}
