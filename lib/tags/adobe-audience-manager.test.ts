import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Audience Manager's "Send Data to the DCS" and "Supported Attributes for DCS API Calls".
describe('adobe-audience-manager', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'DIL event call',
      {
        url: 'https://acme.demdex.net/event?c_pageName=home&c_section=shop&d_mid=60928208215424158043296546543580384922&d_orgid=ADB3LETTERSANDNUMBERS%40AdobeOrg&d_dst=1&d_rtbd=json&d_cb=acme_callback',
      },
      {
        event: 'event_call',
        account: 'acme',
        params: {
          c_pageName: 'home',
          c_section: 'shop',
          ecid: '60928208215424158043296546543580384922',
          org_id: 'ADB3LETTERSANDNUMBERS@AdobeOrg',
        },
      },
    ],
    [
      'direct integration with customer ids',
      { url: 'https://acme.demdex.net/event?c_segment=gold&d_cid=123%01456%011&d_rtbd=json' },
      { event: 'event_call', account: 'acme', params: { c_segment: 'gold', customer_ids: '123\u0001456\u00011' } },
    ],
    [
      'private and header signals, POST',
      {
        url: 'https://acme.demdex.net/event',
        method: 'POST',
        body: 'p_tier=vip&h_referer=https%3A%2F%2Fshop.example%2F&d_dst=1',
      },
      { event: 'event_call', account: 'acme', params: { p_tier: 'vip', h_referer: 'https://shop.example/' } },
    ],
  ])('%s', (_, req, want) =>
    expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-audience-manager', ...want }),
  );

  it('keeps response options out of the params', () => {
    const params = decodeRequest({ url: 'https://acme.demdex.net/event?c_a=1&d_dst=1&d_rtbd=json&d_cb=cb' })[0]?.params;
    expect(Object.keys(params ?? {})).toEqual(['c_a']);
  });

  it.each<HitRequest>([
    { url: 'https://dpm.demdex.net/ibs:dpid=411&dpuuid=Xyz123' },
    { url: 'https://acme.demdex.net/dest5.html?d_nsid=0' },
    { url: 'https://dpm.demdex.net/id?d_visid_ver=5.5.0&d_orgid=ADB3LETTERSANDNUMBERS%40AdobeOrg' },
    { url: 'https://shop.example/event?c_pageName=home' },
  ])('does not read $url as an Audience Manager hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-audience-manager')).toEqual([]),
  );
});
