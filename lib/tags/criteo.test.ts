import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of Criteo OneTag: sslwidget.criteo.com/event with a (account), v, and one pN per criteo_q call
// (e=vh|vl|vp|vb|vc for the events, exd/ce/setcurrency/dis for settings), each URL-encoded once more; the older
// dis.criteo.com/dis/dis.aspx call; the ld.js library.
const p = (fields: string): string => encodeURIComponent(fields);
const list = (items: string[]): string => encodeURIComponent(`[${items.map(encodeURIComponent).join(',')}]`);
const event = (calls: string[], extra = ''): string =>
  `https://sslwidget.criteo.com/event?a=19435&v=5.12.3&${calls.map((c, i) => `p${i}=${p(c)}`).join('&')}&adce=1&tld=shop.example${extra}&dtycbr=24642`;

describe('criteo', () => {
  it.each<[string, HitRequest, object]>([
    [
      'home page',
      {
        url: event(
          ['e=ce&m=[]', 'e=exd&site_type=d&ref=https%3A%2F%2Fwww.google.com', 'e=vh', 'e=dis'],
          '&fu=https%253A%252F%252Fshop.example%252F',
        ),
      },
      {
        event: 'viewHome',
        account: '19435',
        params: {
          site_type: 'd',
          referrer: 'https://www.google.com',
          page_url: 'https://shop.example/',
          version: '5.12.3',
          domain: 'shop.example',
        },
      },
    ],
    [
      'product list',
      { url: event(['e=exd&site_type=m', `e=vl&p=${list(['SKU-1', 'SKU-2', 'SKU-3'])}`, 'e=dis']) },
      { event: 'viewList', params: { 'items.0.id': 'SKU-1', 'items.2.id': 'SKU-3', site_type: 'm' } },
    ],
    [
      'product page',
      { url: event(['e=exd&site_type=d', 'e=vp&p=SKU-7', 'e=dis']) },
      { event: 'viewItem', params: { product_id: 'SKU-7' } },
    ],
    [
      'basket',
      { url: event([`e=vb&p=${list(['i=SKU-1&pr=10.5&q=2'])}`, 'e=setcurrency&c=EUR']) },
      {
        event: 'viewBasket',
        params: { 'items.0.id': 'SKU-1', 'items.0.price': '10.5', 'items.0.quantity': '2', currency: 'EUR' },
      },
    ],
    [
      'transaction with hashed email',
      {
        url: event([
          `e=ce&m=${encodeURIComponent(`[${'e'.repeat(64)}]`)}`,
          `e=vc&id=ORD-555&p=${list(['i=A122&pr=44.9&q=2', 'i=F5532&pr=85&q=1'])}`,
          'e=exd&site_type=m',
          'e=dis',
        ]),
      },
      {
        event: 'trackTransaction',
        params: {
          transaction_id: 'ORD-555',
          'items.1.id': 'F5532',
          'items.1.price': '85',
          hashed_email: 'e'.repeat(64),
          site_type: 'm',
        },
      },
    ],
    [
      'a request with settings only',
      { url: event(['e=exd&site_type=d', 'e=dis']) },
      { account: '19435', params: { site_type: 'd' } },
    ],
    [
      'older dis call',
      {
        url: 'https://dis.criteo.com/dis/dis.aspx?p1=v%3D2%26wi%3D7710849%26pt1%3D3%26i1%3D12548163A&t1=sendevent&p=1704&c=2&cb=12345',
      },
      { event: 'sendevent', account: '1704', params: { widget_id: '7710849', page_type: '3', i1: '12548163A' } },
    ],
    ['library', { url: 'https://static.criteo.net/js/ld/ld.js' }, { event: 'library_load' }],
    [
      'library naming its account',
      { url: 'https://dynamic.criteo.com/js/ld/ld.js?a=19435' },
      { event: 'library_load', account: '19435' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'criteo', ...want }));

  it('names no event for a request that only carries settings', () =>
    expect(decodeRequest({ url: event(['e=exd&site_type=d', 'e=dis']) })[0]?.event).toBeUndefined());

  it('reads one hit per event call, each with the request-wide settings', () => {
    const hits = decodeRequest({ url: event(['e=exd&site_type=t', 'e=vh', 'e=vp&p=SKU-1', 'e=dis']) });
    expect(hits.map((h) => [h.event, h.params.site_type])).toEqual([
      ['viewHome', 't'],
      ['viewItem', 't'],
    ]);
  });

  it.each([
    'https://www.criteo.com/',
    'https://gum.criteo.com/syncframe?topUrl=shop.example',
    'https://dis.criteo.com/dis/rtb/appnexus/cookieMatch.aspx',
    'https://bidder.criteo.com/cdb?profileId=712',
    'https://static.criteo.net/js/ld/publishertag.js',
    'https://sslwidget.criteo.com.evil.example/event?a=1&p0=e%3Dvh',
    'https://static.criteo.net/js/ld/ld.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'criteo' && h.event !== 'library_load')).toEqual([]),
  );
});
