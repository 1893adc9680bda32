import { firing, hit, T0 } from '../audit/testing';
import type { Plan } from '../goals/types';
import type { PageRecords } from '../store/queries';
import type { PageSession } from '../store/types';
import { groupVisits, type Visit } from '../visits/visits';

// A shop's checkout walked on two days, for the History tests: the same pages, the later visit without GA4's
// begin_checkout. Not used by the product.

export { T0 };
export const DAY = 24 * 3600 * 1000;

export const SHOP_PLAN: Plan = {
  version: 1,
  name: 'Shop',
  goals: [
    {
      id: 'product_view',
      name: 'Product page',
      trigger: { kind: 'page_view', url: '*/product/*' },
      expect: [{ vendor: 'ga4', event: 'view_item' }],
    },
    {
      id: 'begin_checkout',
      name: 'Begin checkout',
      trigger: { kind: 'page_view', url: '*/checkout*' },
      expect: [{ vendor: 'ga4', event: 'begin_checkout' }],
    },
    {
      id: 'purchase',
      name: 'Purchase',
      trigger: { kind: 'page_view', url: '*/thank-you*' },
      expect: [{ vendor: 'ga4', event: 'purchase' }],
      windowMs: 10_000,
    },
  ],
  funnels: [{ id: 'checkout', name: 'Checkout', steps: ['product_view', 'begin_checkout', 'purchase'] }],
};

const pageView = (goalId: string, at: number, s: PageSession) =>
  firing(goalId, at, { id: `f-${s.id}-${goalId}`, trigger: 'page_view', url: s.url, sessionId: s.id, tabId: s.tabId });

/**
 * One walk through the shop from `start` in tab `tabId`: product page, checkout, thank-you (unless `stopAt`), with
 * GA4's begin_checkout sent when `beginCheckout` says so, and a page_view on each page.
 */
export function shopVisit(
  start: number,
  tabId: number,
  opts: { beginCheckout: boolean; purchase?: boolean; host?: string },
): { visit: Visit; records: PageRecords } {
  const host = opts.host ?? 'shop.example';
  const paths = ['/product/mug', '/checkout', ...(opts.purchase === false ? [] : ['/thank-you'])];
  const goals = ['product_view', 'begin_checkout', 'purchase'];
  const events = ['view_item', opts.beginCheckout ? 'begin_checkout' : '', 'purchase'];
  const sessions: PageSession[] = paths.map((p, i) => ({
    id: `s${tabId}-${start}-${i}`,
    tabId,
    url: `https://${host}${p}`,
    title: `Page ${p}`,
    startedAt: start + i * 60_000,
    navigations: [],
  }));
  const firings = sessions.map((s, i) => pageView(goals[i]!, s.startedAt + 100, s));
  const hits = sessions.flatMap((s, i) => {
    const over = { sessionId: s.id, tabId, id: `h-${s.id}-pv` };
    const own = events[i] ? [hit('ga4', events[i], s.startedAt + 150, { ...over, id: `h-${s.id}-ev` })] : [];
    return [hit('ga4', 'page_view', s.startedAt + 50, over), ...own];
  });
  const [visit] = groupVisits(sessions, []);
  return { visit: visit!, records: { sessions, hits, firings, signals: [], cookies: [] } };
}
