import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';

// Request shapes from Google Ads' conversion tag (the documented <noscript> image: /pagead/conversion/<id>/?label=
// &value=&currency_code=), its gtag.js pings (1p-conversion, viewthroughconversion with data=event=…, 1p-user-list)
// and the Google tag's ccm/collect ping as seen on live pages.
describe('google-ads', () => {
  it.each([
    [
      'conversion image',
      'https://www.googleadservices.com/pagead/conversion/123456789/?label=AbC-D_efG&value=10.5&currency_code=EUR&guid=ON&script=0',
      {
        event: 'conversion',
        account: 'AW-123456789',
        params: { conversion_label: 'AbC-D_efG', value: '10.5', currency: 'EUR', endpoint: 'conversion' },
      },
    ],
    [
      'gtag conversion with order id and consent',
      'https://www.googleadservices.com/pagead/conversion/123456789/?random=1&cv=11&fst=1&label=AbC&value=99&currency_code=USD&oid=T-77' +
        '&url=https%3A%2F%2Fshop.example%2Fthanks&tiba=Thanks&gcs=G111&gcd=13r3r3r3r5l1&npa=0',
      {
        event: 'conversion',
        params: {
          transaction_id: 'T-77',
          page_location: 'https://shop.example/thanks',
          page_title: 'Thanks',
          non_personalized_ads: '0',
          'consent.ad_storage': 'granted',
          'consent.ad_user_data': 'granted',
          'consent.source': 'update',
        },
      },
    ],
    [
      'first-party conversion copy',
      'https://www.google.com/pagead/1p-conversion/123456789/?label=AbC&value=10',
      { event: 'conversion', account: 'AW-123456789', params: { conversion_label: 'AbC', endpoint: '1p-conversion' } },
    ],
    [
      'first-party conversion copy on a country domain',
      'https://www.google.co.uk/pagead/1p-conversion/123456789/?label=AbC',
      { event: 'conversion', account: 'AW-123456789' },
    ],
    [
      'remarketing with the gtag event',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?random=1&cv=11&data=event%3Dadd_to_cart%3Bvalue%3D5%3Bcurrency%3DEUR',
      {
        event: 'remarketing',
        account: 'AW-123456789',
        params: { event_name: 'add_to_cart', value: '5', currency: 'EUR', endpoint: 'viewthroughconversion' },
      },
    ],
    [
      'remarketing on page load',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/987/?data=event%3Dgtag.config&gcd=13p3p3p3p5l1',
      {
        event: 'remarketing',
        account: 'AW-987',
        params: { event_name: 'gtag.config', 'consent.ad_storage': 'denied', 'consent.source': 'default' },
      },
    ],
    [
      'first-party user list copy',
      'https://www.google.com/pagead/1p-user-list/123456789/?random=1&data=event%3Dpurchase',
      { event: 'remarketing', params: { event_name: 'purchase', endpoint: '1p-user-list' } },
    ],
    [
      'Google tag conversion measurement',
      'https://www.google.com/ccm/collect?en=conversion&tid=AW-123456789&dl=https%3A%2F%2Fshop.example%2F&gcs=G100',
      {
        event: 'conversion',
        account: 'AW-123456789',
        params: { page_location: 'https://shop.example/', endpoint: 'ccm-collect', 'consent.ad_storage': 'denied' },
      },
    ],
    [
      'Google tag page view',
      'https://www.google.com/ccm/collect?frm=0&en=page_view&tid=AW-555&dt=Home',
      { event: 'page_view', account: 'AW-555', params: { page_title: 'Home' } },
    ],
    [
      'gtag.js',
      'https://www.googletagmanager.com/gtag/js?id=AW-123456789',
      { event: 'library_load', account: 'AW-123456789' },
    ],
    ['legacy conversion.js', 'https://www.googleadservices.com/pagead/conversion.js', { event: 'library_load' }],
    [
      'legacy conversion_async.js',
      'https://www.googleadservices.com/pagead/conversion_async.js',
      { event: 'library_load' },
    ],
  ])('%s', (_, url, want) => {
    const hits = decodeRequest({ url });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'google-ads', ...want });
    expect(hits[0]!.partial).toBeUndefined();
  });

  it('gives every Ads destination of a ccm ping its own hit', () => {
    const hits = decodeRequest({ url: 'https://www.google.com/ccm/collect?en=conversion&tids=AW-111~AW-222~G-ABC' });
    expect(hits.map((h) => h.account)).toEqual(['AW-111', 'AW-222']);
    expect(hits.every((h) => h.vendor === 'google-ads' && h.event === 'conversion')).toBe(true);
  });

  it('does not let data= override the fields of the URL', () => {
    const [hit] = decodeRequest({
      url: 'https://www.googleadservices.com/pagead/conversion/1/?label=L&value=10&data=value%3D99',
    });
    expect(hit!.params.value).toBe('10');
  });

  it.each([
    [
      'a conversion id that is not a number',
      'https://www.googleadservices.com/pagead/conversion/abc/?label=L',
      /not a number/,
    ],
    ['a ccm ping with no Ads account', 'https://www.google.com/ccm/collect?en=page_view', /AW-/],
  ])('marks %s partial', (_, url, why) => {
    const [hit] = decodeRequest({ url });
    expect(hit).toMatchObject({ vendor: 'google-ads' });
    expect(hit!.partial).toMatch(why);
  });

  it('survives malformed data and percent-encoding', () => {
    const url =
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/?data=%3B%3B%3D%3Bevent%3D%25E0%25A4%25A%3Bx&label=%E0%A4%A';
    const [hit] = decodeRequest({ url });
    expect(hit).toMatchObject({ vendor: 'google-ads', event: 'remarketing', account: 'AW-1' });
  });

  it.each([
    ['Floodlight activity', 'https://ad.doubleclick.net/activity;src=1234567;type=group;cat=act;ord=1?'],
    ['GA4 advertising-features copy', 'https://stats.g.doubleclick.net/g/collect?v=2&tid=G-ABC&en=page_view'],
    ['conversion path on another host', 'https://shop.example/pagead/conversion/123/?label=x'],
    ['1p-conversion on a look-alike host', 'https://www.google.evil.example/pagead/1p-conversion/123/?label=x'],
    ['ccm path on another host', 'https://shop.example/ccm/collect?en=conversion&tid=AW-1'],
    ['a Google search', 'https://www.google.com/search?q=pagead'],
    ['GA4 gtag.js', 'https://www.googletagmanager.com/gtag/js?id=G-ABC123'],
  ])('does not read a %s as a Google Ads hit', (_, url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'google-ads')).toEqual([]),
  );
});
