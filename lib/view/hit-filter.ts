import type { HitStatus } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { VENDORS } from '../tags/vendors';
import { vendorName } from './format';
import { routeText, type PageSaid, type StreamItem } from './stream';

export interface HitFilter {
  /** Only this vendor's hits (and the page events that speak to it); `''` or absent: every vendor. */
  vendor?: VendorId | '';
  /** Only hits of this event name (and the page events of that name); exact. */
  event?: string;
  /** Only hits that ended so; the page's own events have no status and are left out. */
  status?: HitStatus | '';
  /** Only hits sent to this account (measurement id, pixel id…); exact. */
  account?: string;
  /** Case-insensitive; matches the event, account, param keys and values, the URL (and a page event's data). */
  text?: string;
  /** Drop what the page did itself: dataLayer / gtag / fbq events, route changes, goal firings. */
  hidePageEvents?: boolean;
}

export const HIT_STATUSES: readonly HitStatus[] = ['sent', 'pending', 'blocked', 'failed'];

/** Whether a filter leaves anything out. */
export function isFiltering(filter: HitFilter): boolean {
  return !!(
    filter.vendor ||
    filter.event ||
    filter.status ||
    filter.account ||
    filter.text?.trim() ||
    filter.hidePageEvents
  );
}

const GOOGLE_VENDORS = new Set<VendorId>((Object.keys(VENDORS) as VendorId[]).filter((v) => VENDORS[v].google));

/** The vendors a page event is addressed to: fbq() talks to Meta; gtag() and the dataLayer feed Google's tags. */
export function pageEventVendors(source: PageSaid['source']): ReadonlySet<VendorId> {
  return source === 'fbq' ? new Set<VendorId>(['meta-pixel']) : GOOGLE_VENDORS;
}

// The lower-cased text of an item, built once per record: typing in the filter re-scans 10,000 items per key.
const haystacks = new WeakMap<object, string>();

function textOf(item: Exclude<StreamItem, { kind: 'separator' }>): { key: object; parts: () => string[] } {
  switch (item.kind) {
    case 'hit': {
      const h = item.hit;
      return {
        key: h,
        parts: () => {
          const parts = [h.event ?? '', h.account ?? '', h.url, vendorName(h.vendor), h.vendor];
          for (const [k, v] of Object.entries(h.params)) parts.push(k, v);
          return parts;
        },
      };
    }
    case 'page':
      return { key: item.event, parts: () => [item.event.event, item.event.source, item.event.data ?? ''] };
    case 'goal':
      return {
        key: item.firing,
        parts: () => [item.firing.goalName, item.firing.goalId, 'goal fired', item.firing.trigger],
      };
    case 'route':
      return { key: item.navigation, parts: () => [routeText(item.navigation), item.navigation.url] };
  }
}

function haystack(item: Exclude<StreamItem, { kind: 'separator' }>): string {
  const { key, parts } = textOf(item);
  let text = haystacks.get(key);
  if (text === undefined) {
    text = parts().join('\n').toLowerCase();
    haystacks.set(key, text);
  }
  return text;
}

// Each item's verdict under a filter, kept while both live: the DevTools panel filters the whole stream again
// on every new hit, and the items it held before (lib/view/stream.ts makes one per record) keep their verdicts.
const verdicts = new WeakMap<HitFilter, WeakMap<StreamItem, boolean>>();

/** The items the Hits view shows, order kept. A page's separator stays: it says where the rows below come from. */
export function filterHits(items: readonly StreamItem[], filter: HitFilter): StreamItem[] {
  if (!isFiltering(filter)) return items as StreamItem[];
  let known = verdicts.get(filter);
  if (!known) {
    known = new WeakMap();
    verdicts.set(filter, known);
  }
  const vendor = filter.vendor || undefined;
  const needle = filter.text?.trim().toLowerCase() ?? '';
  const hitOnly = !!(filter.status || filter.account);
  const matches = (item: StreamItem): boolean => {
    switch (item.kind) {
      case 'separator':
        return true;
      case 'hit': {
        const h = item.hit;
        if (vendor && h.vendor !== vendor) return false;
        if (filter.event && h.event !== filter.event) return false;
        if (filter.status && h.status !== filter.status) return false;
        if (filter.account && h.account !== filter.account) return false;
        break;
      }
      case 'page':
        if (filter.hidePageEvents || hitOnly) return false;
        if (vendor && !pageEventVendors(item.event.source).has(vendor)) return false;
        if (filter.event && item.event.event !== filter.event) return false;
        break;
      case 'goal':
      case 'route':
        // Context for the hits around them; an event filter asks for that event alone.
        if (filter.hidePageEvents || hitOnly || filter.event) return false;
        break;
    }
    return needle === '' || haystack(item).includes(needle);
  };
  return items.filter((item) => {
    let verdict = known.get(item);
    if (verdict === undefined) {
      verdict = matches(item);
      known.set(item, verdict);
    }
    return verdict;
  });
}

/**
 * How many events and accounts the pickers offer. A page that names each hit differently (a counter in the
 * event name) would otherwise grow a picker of thousands of options, which nobody scrolls and which the browser
 * lays out again on every new hit; the rare ones are a word in the text filter away.
 */
export const MAX_CHOICES = 100;

/** The choices of the event and account filters: what the shown hits carry, most frequent first. */
export function filterChoices(
  items: readonly StreamItem[],
  limit = MAX_CHOICES,
): { events: string[]; accounts: string[] } {
  const events = new Map<string, number>();
  const accounts = new Map<string, number>();
  for (const item of items) {
    if (item.kind !== 'hit') continue;
    if (item.hit.event) events.set(item.hit.event, (events.get(item.hit.event) ?? 0) + 1);
    if (item.hit.account) accounts.set(item.hit.account, (accounts.get(item.hit.account) ?? 0) + 1);
  }
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
      .slice(0, limit)
      .map(([k]) => k);
  return { events: ranked(events), accounts: ranked(accounts) };
}
