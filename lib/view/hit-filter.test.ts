import { describe, expect, it } from 'vitest';
import { hit, pageEvent } from './fixtures';
import { filterHits, type HitFilter } from './hit-filter';
import { buildStream } from './stream';

const items = buildStream(
  [
    hit({ vendor: 'ga4', event: 'add_to_cart', account: 'G-SHOP', params: { currency: 'EUR', value: '19.90' }, id: 'ga' }),
    hit({ vendor: 'meta-pixel', event: 'Lead', account: '1234567890', url: 'https://www.facebook.com/tr/?id=1234567890&ev=Lead', params: {}, id: 'fb' }),
    hit({ vendor: 'linkedin', event: 'conversion', account: '98765', url: 'https://px.ads.linkedin.com/collect/?pid=98765', params: { conversion_id: '555' }, id: 'li' }),
  ],
  [
    pageEvent({ source: 'dataLayer', event: 'add_to_cart', data: '{"ecommerce":{"value":19.9}}', id: 'dl' }),
    pageEvent({ source: 'fbq', event: 'Lead', id: 'fbq' }),
  ],
);

describe('filterHits', () => {
  it.each<[string, HitFilter, string[]]>([
    ['no filter', {}, ['fbq', 'li', 'dl', 'fb', 'ga']],
    ['by vendor, with the page events addressed to it', { vendor: 'meta-pixel' }, ['fbq', 'fb']],
    ['by a Google vendor: the dataLayer feeds it', { vendor: 'ga4' }, ['dl', 'ga']],
    ['by a vendor no page event speaks to', { vendor: 'linkedin' }, ['li']],
    ['by event', { text: 'ADD_TO_CART' }, ['dl', 'ga']],
    ['by account', { text: 'g-shop' }, ['ga']],
    ['by param key', { text: 'conversion_id' }, ['li']],
    ['by param value', { text: '19.90' }, ['ga']],
    ['by URL', { text: 'facebook.com/tr' }, ['fb']],
    ['by page event data', { text: 'ecommerce' }, ['dl']],
    ['text with spaces around it', { text: '  lead ' }, ['fbq', 'fb']],
    ['page events hidden', { hidePageEvents: true }, ['li', 'fb', 'ga']],
    ['vendor and text together', { vendor: 'ga4', text: 'eur' }, ['ga']],
    ['nothing matches', { text: 'purchase' }, []],
  ])('%s', (_, filter, want) => {
    const order = filterHits(items, filter).map((i) => i.id);
    // The stream is newest first; compare sets in stream order.
    expect(order).toEqual(items.map((i) => i.id).filter((id) => want.includes(id)));
    expect(order).toHaveLength(want.length);
  });
});
