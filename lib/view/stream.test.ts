import { expect, it } from 'vitest';
import type { StoredFiring } from '../store/types';
import { hit, pageEvent, PAGE_START, session } from './fixtures';
import { buildStream, pageSaidText, routeText, type StreamItem } from './stream';

const label = (i: StreamItem) => {
  switch (i.kind) {
    case 'hit':
      return `hit:${i.hit.event}`;
    case 'page':
      return `page:${i.event.event}`;
    case 'goal':
      return `goal:${i.firing.goalId}`;
    case 'route':
      return `route:${i.navigation.url}`;
    case 'separator':
      return `separator:${i.session.url}`;
  }
};

it('merges hits and dataLayer events newest first, hits above the page event of the same millisecond', () => {
  const stream = buildStream(
    [
      hit({ vendor: 'ga4', event: 'page_view', at: PAGE_START + 10, requestKey: 'a' }),
      hit({ vendor: 'ga4', event: 'add_to_cart', at: PAGE_START + 30, requestKey: 'b' }),
    ],
    [
      pageEvent({ event: 'add_to_cart', at: PAGE_START + 30 }),
      pageEvent({ event: 'gtm.js', at: PAGE_START + 5 }),
      {
        kind: 'consent',
        source: 'gcm_default',
        adStorage: 'denied',
        id: 'c1',
        sessionId: 's1',
        tabId: 7,
        frameId: 0,
        at: PAGE_START + 1,
      },
    ],
  );
  expect(stream.map(label)).toEqual(['hit:add_to_cart', 'page:add_to_cart', 'hit:page_view', 'page:gtm.js']);
});

it('keeps the order of simultaneous hits stable across re-queries', () => {
  const a = hit({ vendor: 'ga4', event: 'one', at: PAGE_START, id: 'r1#0' });
  const b = hit({ vendor: 'ga4', event: 'two', at: PAGE_START, id: 'r1#1' });
  const ids = (list: (typeof a)[]) => buildStream(list, []).map((i) => i.id);
  expect(ids([a, b])).toEqual(ids([b, a]));
});

it('puts pages, route changes, goal firings and hits on one timeline, newest last, a separator where each page began', () => {
  const first = session({
    id: 's1',
    url: 'https://shop.example/',
    navigations: [{ at: PAGE_START + 500, url: 'https://shop.example/cart', kind: 'history' }],
  });
  const second = session({ id: 's2', url: 'https://shop.example/thanks', startedAt: PAGE_START + 2_000 });
  const firing: StoredFiring = {
    id: 'f1',
    sessionId: 's1',
    tabId: 7,
    frameId: 0,
    goalId: 'purchase',
    goalName: 'Purchase',
    trigger: 'datalayer_event',
    at: PAGE_START + 1_000,
    url: first.url,
  };
  const timeline = buildStream(
    [
      hit({ vendor: 'ga4', event: 'page_view', at: PAGE_START + 10, sessionId: 's1' }),
      hit({ vendor: 'ga4', event: 'purchase', at: PAGE_START + 1_000, sessionId: 's1' }),
      hit({ vendor: 'ga4', event: 'page_view', at: PAGE_START + 2_050, sessionId: 's2' }),
    ],
    [pageEvent({ event: 'purchase', at: PAGE_START + 1_000, sessionId: 's1' })],
    { sessions: [second, first], firings: [firing], order: 'newest-last', separators: true },
  );
  expect(timeline.map(label)).toEqual([
    'separator:https://shop.example/',
    'hit:page_view',
    'route:https://shop.example/cart',
    // The page said purchase, the goal fired on it, GA4 sent it: the same millisecond, in that order.
    'page:purchase',
    'goal:purchase',
    'hit:purchase',
    'separator:https://shop.example/thanks',
    'hit:page_view',
  ]);
  expect(new Set(timeline.map((i) => i.id)).size).toBe(timeline.length);
});

it.each([
  ['dataLayer', 'add_to_cart', 'page said: dataLayer event add_to_cart'],
  ['gtag', 'sign_up', 'page said: gtag() event sign_up'],
  ['fbq', 'Lead', 'page said: fbq() event Lead'],
] as const)('pageSaidText %s', (source, event, want) => expect(pageSaidText({ source, event })).toBe(want));

it.each([
  [{ kind: 'history', url: 'https://shop.example/checkout?step=2', at: 0 }, 'route change: /checkout?step=2'],
  [{ kind: 'fragment', url: 'https://shop.example/faq#returns', at: 0 }, 'fragment change: #returns'],
] as const)('routeText %o', (navigation, want) => expect(routeText(navigation)).toBe(want));
