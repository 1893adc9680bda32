import type { VendorId } from '../tags/vendors';
import { VENDORS } from '../tags/vendors';
import { vendorName } from './format';
import type { PageSaid, StreamItem } from './stream';

export interface HitFilter {
  /** Only this vendor's hits (and the page events that speak to it); `''` or absent: every vendor. */
  vendor?: VendorId | '';
  /** Case-insensitive; matches the event, account, param keys and values, the URL (and a page event's data). */
  text?: string;
  /** Drop the page's own dataLayer / gtag / fbq events. */
  hidePageEvents?: boolean;
}

const GOOGLE_VENDORS = new Set<VendorId>((Object.keys(VENDORS) as VendorId[]).filter((v) => VENDORS[v].google));

/** The vendors a page event is addressed to: fbq() talks to Meta; gtag() and the dataLayer feed Google's tags. */
export function pageEventVendors(source: PageSaid['source']): ReadonlySet<VendorId> {
  return source === 'fbq' ? new Set<VendorId>(['meta-pixel']) : GOOGLE_VENDORS;
}

// The lower-cased text of an item, built once per item: typing in the filter re-scans 5,000 items per key.
const haystacks = new WeakMap<object, string>();

function haystack(item: StreamItem): string {
  const key = item.kind === 'hit' ? item.hit : item.event;
  let text = haystacks.get(key);
  if (text === undefined) {
    const parts: string[] = [];
    if (item.kind === 'hit') {
      const h = item.hit;
      parts.push(h.event ?? '', h.account ?? '', h.url, vendorName(h.vendor), h.vendor);
      for (const [k, v] of Object.entries(h.params)) parts.push(k, v);
    } else {
      parts.push(item.event.event, item.event.source, item.event.data ?? '');
    }
    text = parts.join('\n').toLowerCase();
    haystacks.set(key, text);
  }
  return text;
}

/** The items the Hits view shows, order kept. */
export function filterHits(items: readonly StreamItem[], filter: HitFilter): StreamItem[] {
  const vendor = filter.vendor || undefined;
  const needle = filter.text?.trim().toLowerCase() ?? '';
  if (!vendor && !needle && !filter.hidePageEvents) return items as StreamItem[];
  return items.filter((item) => {
    if (item.kind === 'page') {
      if (filter.hidePageEvents) return false;
      if (vendor && !pageEventVendors(item.event.source).has(vendor)) return false;
    } else if (vendor && item.hit.vendor !== vendor) {
      return false;
    }
    return needle === '' || haystack(item).includes(needle);
  });
}
