import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';

// Request shapes from GA4's gtag.js collection (Measurement Protocol v2 on /g/collect, batched POST bodies one
// event per line), the server Measurement Protocol (/mp/collect, JSON) and gtag.js loads.
const GA = 'https://www.google-analytics.com/g/collect';
const PAGE = 'dl=https%3A%2F%2Fshop.example%2Fcheckout&dt=Checkout';

describe('ga4', () => {
  it.each([
    [
      'page view',
      `${GA}?v=2&tid=G-ABC123&cid=123.456&sid=1700000000&sct=3&seg=1&_p=987&_s=2&${PAGE}&dr=https%3A%2F%2Fwww.google.com%2F&ul=en-us&sr=1920x1080&en=page_view&_fv=1&_ss=1`,
      {
        event: 'page_view',
        account: 'G-ABC123',
        params: {
          client_id: '123.456',
          session_id: '1700000000',
          session_count: '3',
          session_engaged: '1',
          page_load_id: '987',
          hit_sequence: '2',
          page_location: 'https://shop.example/checkout',
          page_title: 'Checkout',
          page_referrer: 'https://www.google.com/',
          language: 'en-us',
          screen_resolution: '1920x1080',
          first_visit: '1',
          session_start: '1',
        },
      },
    ],
    [
      'event params, text and number',
      `${GA}?v=2&tid=G-ABC123&en=sign_up&ep.method=newsletter&epn.step=2&_et=1530`,
      { event: 'sign_up', params: { method: 'newsletter', step: '2', engagement_time_msec: '1530' } },
    ],
    [
      'user id and user properties',
      `${GA}?v=2&tid=G-ABC123&en=login&uid=u-42&up.plan=pro&upn.lifetime_orders=7`,
      { event: 'login', params: { user_id: 'u-42', 'user.plan': 'pro', 'user.lifetime_orders': '7' } },
    ],
    [
      'purchase with value, currency, transaction and items',
      `${GA}?v=2&tid=G-ABC123&en=purchase&cu=EUR&epn.value=29.97&ep.transaction_id=T-1001` +
        '&pr1=idSKU1~nmShirt~pr9.99~qt2~caApparel~c2Shirts~brAcme~vaBlue~lp1' +
        '&pr2=idSKU2~nmSocks~pr9.99~qt1~cpWELCOME~ds1.5~k0size~v0XL',
      {
        event: 'purchase',
        params: {
          currency: 'EUR',
          value: '29.97',
          transaction_id: 'T-1001',
          'items.0.item_id': 'SKU1',
          'items.0.item_name': 'Shirt',
          'items.0.price': '9.99',
          'items.0.quantity': '2',
          'items.0.item_category': 'Apparel',
          'items.0.item_category2': 'Shirts',
          'items.0.item_brand': 'Acme',
          'items.0.item_variant': 'Blue',
          'items.0.index': '1',
          'items.1.item_id': 'SKU2',
          'items.1.coupon': 'WELCOME',
          'items.1.discount': '1.5',
          'items.1.size': 'XL',
        },
      },
    ],
    [
      'item list context',
      `${GA}?v=2&tid=G-ABC123&en=view_item_list&pr1=idSKU1~lisearch~lnSearch%20results~loStore1~afOnline`,
      {
        event: 'view_item_list',
        params: {
          'items.0.item_list_id': 'search',
          'items.0.item_list_name': 'Search results',
          'items.0.location_id': 'Store1',
          'items.0.affiliation': 'Online',
        },
      },
    ],
    [
      'consent mode v2',
      `${GA}?v=2&tid=G-ABC123&en=page_view&gcs=G100&gcd=13p3p3p3p5l1&npa=1`,
      {
        event: 'page_view',
        params: {
          'consent.ad_storage': 'denied',
          'consent.analytics_storage': 'denied',
          'consent.ad_user_data': 'denied',
          'consent.ad_personalization': 'denied',
          'consent.source': 'default',
          gcs: 'G100',
          non_personalized_ads: '1',
        },
      },
    ],
    ['debug mode', `${GA}?v=2&tid=G-ABC123&en=page_view&_dbg=1`, { params: { debug_mode: '1' } }],
    [
      'debug mode as an event param',
      `${GA}?v=2&tid=G-ABC123&en=page_view&ep.debug_mode=true`,
      { params: { debug_mode: 'true' } },
    ],
    [
      'region host',
      'https://region1.google-analytics.com/g/collect?v=2&tid=G-EU1&en=page_view',
      { event: 'page_view', account: 'G-EU1' },
    ],
    [
      'analytics.google.com',
      'https://analytics.google.com/g/collect?v=2&tid=G-ABC123&en=scroll&epn.percent_scrolled=90',
      { event: 'scroll', params: { percent_scrolled: '90' } },
    ],
    [
      'region1.analytics.google.com',
      'https://region1.analytics.google.com/g/collect?v=2&tid=G-ABC123&en=page_view',
      { account: 'G-ABC123' },
    ],
    [
      'server-side tagging on a first-party host',
      'https://metrics.shop.example/g/collect?v=2&tid=G-ABC&en=generate_lead',
      { event: 'generate_lead', account: 'G-ABC' },
    ],
    [
      'first-party proxy under a prefix',
      'https://shop.example/a1b2/g/collect?v=2&tid=G-ABC&en=page_view',
      { event: 'page_view', account: 'G-ABC' },
    ],
    [
      'first-party proxy passing on another protocol version',
      'https://shop.example/g/collect?tid=G-ABC&en=page_view',
      { event: 'page_view', account: 'G-ABC' },
    ],
    [
      "a server-side container on App Engine's default host",
      'https://tagging-123.uc.r.appspot.com/g/collect?v=2&tid=G-ABC&en=page_view',
      { event: 'page_view', account: 'G-ABC' },
    ],
    [
      'the collect path with a trailing slash',
      'https://www.google-analytics.com/g/collect/?v=2&tid=G-ABC&en=page_view',
      { event: 'page_view', account: 'G-ABC' },
    ],
    [
      'user-agent client hints',
      `${GA}?v=2&tid=G-ABC123&en=page_view&uap=macOS&uamb=0&uaa=arm`,
      { params: { ua_platform: 'macOS', ua_mobile: '0', ua_architecture: 'arm' } },
    ],
    [
      'gtag.js',
      'https://www.googletagmanager.com/gtag/js?id=G-ABC123&l=dataLayer&cx=c',
      { event: 'library_load', account: 'G-ABC123', params: { script: 'gtag/js', datalayer_name: 'dataLayer' } },
    ],
    [
      'gtag.js served first-party',
      'https://shop.example/metrics/gtag/js?id=G-ABC123',
      { event: 'library_load', account: 'G-ABC123' },
    ],
  ])('%s', (_, url, want) => {
    const hits = decodeRequest({ url });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'ga4', ...want });
    expect(hits[0]!.partial).toBeUndefined();
  });

  it('keeps en and tid out of params: they are the event and the account', () => {
    const [hit] = decodeRequest({ url: `${GA}?v=2&tid=G-ABC123&en=page_view` });
    expect(hit!.params).not.toHaveProperty('en');
    expect(hit!.params).not.toHaveProperty('tid');
  });

  it('reads a batched POST as one hit per body line, each with the shared URL fields', () => {
    const body = [
      'en=page_view&_et=0',
      'en=scroll&epn.percent_scrolled=90&_et=5300',
      'en=add_to_cart&cu=USD&epn.value=12&pr1=idSKU9~nmMug',
    ].join('\r\n');
    const hits = decodeRequest({ url: `${GA}?v=2&tid=G-ABC123&cid=1.2&${PAGE}&gcs=G111`, method: 'POST', body });
    expect(hits.map((h) => h.event)).toEqual(['page_view', 'scroll', 'add_to_cart']);
    for (const hit of hits) {
      expect(hit).toMatchObject({
        vendor: 'ga4',
        account: 'G-ABC123',
        params: { page_location: 'https://shop.example/checkout', client_id: '1.2', 'consent.ad_storage': 'granted' },
      });
      expect(hit.partial).toBeUndefined();
    }
    expect(hits[1]!.params).toMatchObject({ percent_scrolled: '90', engagement_time_msec: '5300' });
    expect(hits[2]!.params).toMatchObject({
      currency: 'USD',
      value: '12',
      'items.0.item_id': 'SKU9',
      'items.0.item_name': 'Mug',
    });
    expect(hits[0]!.params).not.toHaveProperty('percent_scrolled');
  });

  it('ignores empty body lines and lets a line override a shared field', () => {
    const hits = decodeRequest({
      url: `${GA}?v=2&tid=G-ABC123&en=page_view&dt=Home`,
      method: 'POST',
      body: '\n\nen=search&ep.search_term=mug&dt=Results\n\n',
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ event: 'search', params: { search_term: 'mug', page_title: 'Results' } });
  });

  it('reads a POST without a body, or with a blank one, from its URL', () => {
    expect(decodeRequest({ url: `${GA}?v=2&tid=G-ABC123&en=page_view`, method: 'POST' })).toMatchObject([
      { event: 'page_view' },
    ]);
    expect(decodeRequest({ url: `${GA}?v=2&tid=G-ABC123&en=page_view`, method: 'POST', body: ' \n ' })).toMatchObject([
      { event: 'page_view' },
    ]);
  });

  it('reads the server Measurement Protocol, one hit per event, and never keeps the api secret', () => {
    const body = JSON.stringify({
      client_id: 'c.1',
      user_properties: { tier: { value: 'gold' } },
      events: [
        { name: 'purchase', params: { currency: 'EUR', value: 5, items: [{ item_id: 'SKU1' }] } },
        { name: 'refund', params: {} },
      ],
    });
    const hits = decodeRequest({
      url: 'https://www.google-analytics.com/mp/collect?measurement_id=G-ABC123&api_secret=s3cret',
      method: 'POST',
      body,
    });
    expect(hits).toMatchObject([
      {
        vendor: 'ga4',
        event: 'purchase',
        account: 'G-ABC123',
        params: { client_id: 'c.1', 'user.tier': 'gold', currency: 'EUR', value: '5', 'items.0.item_id': 'SKU1' },
      },
      { vendor: 'ga4', event: 'refund', account: 'G-ABC123' },
    ]);
    expect(JSON.stringify(hits)).not.toContain('s3cret');
  });

  it.each([
    ['no measurement id on a Google host', `${GA}?v=2&en=page_view`, /measurement id/],
    ['no event name', `${GA}?v=2&tid=G-ABC123`, /event name/],
    [
      'a Measurement Protocol body that is not JSON',
      'https://www.google-analytics.com/mp/collect?measurement_id=G-ABC123',
      /JSON/,
    ],
  ])('marks a hit partial when it has %s', (_, url, why) => {
    const [hit] = decodeRequest({ url, method: 'POST', body: url.includes('/mp/') ? 'not json' : undefined });
    expect(hit).toMatchObject({ vendor: 'ga4' });
    expect(hit!.partial).toMatch(why);
  });

  it.each([
    [
      'Universal Analytics hit',
      'https://www.google-analytics.com/collect?v=1&tid=UA-1234-1&cid=1.2&t=event&ec=Video&ea=play',
    ],
    [
      'Universal Analytics /j/collect',
      'https://www.google-analytics.com/j/collect?v=1&_v=j101&tid=UA-1234-1&t=pageview',
    ],
    ['advertising-features copy', 'https://stats.g.doubleclick.net/g/collect?v=2&tid=G-ABC123&cid=1.2&en=page_view'],
    ['/g/collect without a G- id on another host', 'https://shop.example/g/collect?v=2&tid=UA-1-1&en=page_view'],
    ['/g/collect with nothing on another host', 'https://api.example/g/collect'],
    ['a G- id on some other path', 'https://shop.example/collect?v=2&tid=G-ABC&en=page_view'],
    ['a page that mentions gtag', 'https://blog.example/posts/gtag/js-tips?id=G-ABC'],
    ['Google Ads gtag.js', 'https://www.googletagmanager.com/gtag/js?id=AW-123456789'],
    ['GTM noscript iframe', 'https://www.googletagmanager.com/ns.html?id=GTM-ABC123'],
    ['Google Ads ccm ping carrying a G- id', 'https://www.google.com/ccm/collect?en=page_view&tid=G-ABC123'],
  ])('does not read a %s as a GA4 event', (_, url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'ga4' && h.event !== 'library_load')).toEqual([]),
  );

  it('reads the library as a library_load, not as an event', () => {
    expect(decodeRequest({ url: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123' })).toEqual([
      { vendor: 'ga4', event: 'library_load', account: 'G-ABC123', params: { script: 'gtag/js' } },
    ]);
  });

  it('survives invalid percent-encoding and odd item strings', () => {
    const url = `${GA}?v=2&tid=G-ABC123&en=page_view&dt=%E0%A4%A&pr1=~~~x~idA~&pr0=idZ&pr9999=idY&ep.=empty`;
    const [hit] = decodeRequest({ url });
    expect(hit).toMatchObject({ vendor: 'ga4', event: 'page_view', params: { 'items.0.item_id': 'A' } });
    expect(hit!.params).not.toHaveProperty('items.9998.item_id');
  });

  it('survives a 10 MB body', () => {
    const body = 'en=page_view&ep.x=' + 'a'.repeat(10 * 1024 * 1024);
    const hits = decodeRequest({ url: `${GA}?v=2&tid=G-ABC123`, method: 'POST', body });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'ga4', event: 'page_view' });
    expect(hits[0]!.partial).toMatch(/only its start/);
  });

  it('bounds a body of many tiny lines', () => {
    const hits = decodeRequest({ url: `${GA}?v=2&tid=G-ABC123`, method: 'POST', body: 'en=x\n'.repeat(200_000) });
    expect(hits.length).toBeLessThanOrEqual(500);
    expect(hits[hits.length - 1]!.partial).toMatch(/not read/);
  });

  it('survives a binary body', () => {
    const body = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 256));
    const hits = decodeRequest({ url: `${GA}?v=2&tid=G-ABC123&en=page_view`, method: 'POST', body });
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.every((h) => h.vendor === 'ga4')).toBe(true);
  });

  it('never throws and always answers an array, whatever the URL and body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true }),
          fc.string(),
          fc.string().map((s) => `${GA}?v=2&tid=G-${s}`),
          fc.string().map((s) => `https://shop.example/g/collect?v=2&tid=G-A&${s}`),
        ),
        fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }),
        (url, body) => {
          const hits = decodeRequest({ url, method: 'POST', body });
          expect(Array.isArray(hits)).toBe(true);
          for (const hit of hits) expect(hit.partial ?? '').not.toMatch(/decoder error/);
        },
      ),
      { numRuns: 500 },
    );
    // fast-check builds its web-URL generator on first use, which takes seconds on a loaded two-core machine: a
    // generous bound, so the suite fails on a hang, not on the machine being busy.
  }, 30_000);

  it('never throws on garbage batch lines', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), (lines) => {
        const hits = decodeRequest({ url: `${GA}?v=2&tid=G-ABC123`, method: 'POST', body: lines.join('\n') });
        expect(hits.length).toBeGreaterThan(0);
        for (const hit of hits) {
          expect(hit.vendor).toBe('ga4');
          expect(hit.partial ?? '').not.toMatch(/decoder error/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
