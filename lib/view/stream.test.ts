import { expect, it } from 'vitest';
import { hit, pageEvent, PAGE_START } from './fixtures';
import { buildStream, pageSaidText } from './stream';

it('merges hits and dataLayer events newest first, hits above the page event of the same millisecond', () => {
  const stream = buildStream(
    [
      hit({ vendor: 'ga4', event: 'page_view', at: PAGE_START + 10, requestKey: 'a' }),
      hit({ vendor: 'ga4', event: 'add_to_cart', at: PAGE_START + 30, requestKey: 'b' }),
    ],
    [
      pageEvent({ event: 'add_to_cart', at: PAGE_START + 30 }),
      pageEvent({ event: 'gtm.js', at: PAGE_START + 5 }),
      { kind: 'consent', source: 'gcm_default', adStorage: 'denied', id: 'c1', sessionId: 's1', tabId: 7, frameId: 0, at: PAGE_START + 1 },
    ],
  );
  expect(stream.map((i) => `${i.kind}:${i.kind === 'hit' ? i.hit.event : i.event.event}`)).toEqual([
    'hit:add_to_cart', 'page:add_to_cart', 'hit:page_view', 'page:gtm.js',
  ]);
});

it('keeps the order of simultaneous hits stable across re-queries', () => {
  const a = hit({ vendor: 'ga4', event: 'one', at: PAGE_START, id: 'r1#0' });
  const b = hit({ vendor: 'ga4', event: 'two', at: PAGE_START, id: 'r1#1' });
  const ids = (list: typeof a[]) => buildStream(list, []).map((i) => i.id);
  expect(ids([a, b])).toEqual(ids([b, a]));
});

it.each([
  ['dataLayer', 'add_to_cart', 'page said: dataLayer event add_to_cart'],
  ['gtag', 'sign_up', 'page said: gtag() event sign_up'],
  ['fbq', 'Lead', 'page said: fbq() event Lead'],
] as const)('pageSaidText %s', (source, event, want) => expect(pageSaidText({ source, event })).toBe(want));
