import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Adobe's Web SDK docs (configure: datastreamId / edgeDomain / edgeBasePath; sendEvent's XDM
// payload) and the Edge Network Server API reference (/ee/v2/interact?dataStreamId=…).
const DATASTREAM = 'ebebf826-a01f-4458-8cec-ef61de241c93';
const INTERACT = `https://edge.adobedc.net/ee/v1/interact?configId=${DATASTREAM}&requestId=5f2e8d39-2a0c-4c44-9a4f-1c6e0a5b1f00`;

const pageView = JSON.stringify({
  events: [
    {
      xdm: {
        eventType: 'web.webpagedetails.pageViews',
        web: {
          webPageDetails: { name: 'home', URL: 'https://shop.example/' },
          webReferrer: { URL: 'https://www.google.com/' },
        },
        identityMap: {
          ECID: [{ id: '60928208215424158043296546543580384922', authenticatedState: 'ambiguous', primary: true }],
        },
        timestamp: '2026-11-23T10:00:00.000Z',
      },
      data: { __adobe: { analytics: { eVar1: 'newsletter' } } },
    },
  ],
  meta: { state: { domain: 'shop.example', cookiesEnabled: true } },
});

const linkAndOrder = JSON.stringify({
  events: [
    {
      xdm: {
        eventType: 'web.webinteraction.linkClicks',
        web: {
          webInteraction: {
            name: 'Subscribe',
            type: 'other',
            URL: 'https://shop.example/#subscribe',
            linkClicks: { value: 1 },
          },
        },
      },
    },
    {
      xdm: {
        eventType: 'commerce.purchases',
        commerce: { order: { purchaseID: 'T-1001', currencyCode: 'EUR', priceTotal: 59.8 }, purchases: { value: 1 } },
      },
    },
  ],
});

describe('adobe-web-sdk', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view on the Edge Network',
      { url: INTERACT, method: 'POST', body: pageView },
      {
        event: 'web.webpagedetails.pageViews',
        account: DATASTREAM,
        params: {
          page_name: 'home',
          page_url: 'https://shop.example/',
          referrer: 'https://www.google.com/',
          ecid: '60928208215424158043296546543580384922',
          'data.__adobe.analytics.eVar1': 'newsletter',
          endpoint: 'interact',
        },
      },
    ],
    [
      'beacon on unload, first-party edge domain and a region',
      {
        url: `https://data.shop.example/ee/irl1/v1/collect?configId=${DATASTREAM}`,
        method: 'POST',
        body: linkAndOrder,
      },
      {
        event: 'web.webinteraction.linkClicks',
        account: DATASTREAM,
        params: { link_name: 'Subscribe', link_type: 'other', endpoint: 'collect' },
      },
    ],
    [
      'Server API with dataStreamId and one event',
      {
        url: `https://server.adobedc.net/ee/v2/interact?dataStreamId=${DATASTREAM}`,
        method: 'POST',
        body: JSON.stringify({
          event: { xdm: { eventType: 'commerce.productViews', commerce: { productViews: { value: 1 } } } },
        }),
      },
      { event: 'commerce.productViews', account: DATASTREAM },
    ],
    [
      'consent choice',
      {
        url: `https://edge.adobedc.net/ee/v1/privacy/set-consent?configId=${DATASTREAM}`,
        method: 'POST',
        body: '{"consent":[{"standard":"Adobe","version":"2.0","value":{"collect":{"val":"y"}}}]}',
      },
      { event: 'set_consent', account: DATASTREAM, params: { 'consent.0.value.collect.val': 'y' } },
    ],
    [
      'library',
      { url: 'https://cdn1.adoberesources.net/alloy/2.19.1/alloy.min.js' },
      { event: 'library_load', params: { script: 'alloy.js', version: '2.19.1' } },
    ],
    [
      'body cut at the capture limit',
      { url: INTERACT, method: 'POST', body: pageView.slice(0, 60) },
      { account: DATASTREAM, partial: expect.stringContaining('JSON') as string },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-web-sdk', ...want }));

  it('reads every event of a request, with its own fields', () => {
    const hits = decodeRequest({ url: INTERACT, method: 'POST', body: linkAndOrder });
    expect(hits.map((h) => h.event)).toEqual(['web.webinteraction.linkClicks', 'commerce.purchases']);
    expect(hits[1]?.params).toMatchObject({ purchase_id: 'T-1001', currency: 'EUR', value: '59.8' });
  });

  it.each<HitRequest>([
    // The ECID fetch and a datastream-less lookalike on a first-party host are not hits.
    {
      url: `https://edge.adobedc.net/ee/v1/identity/acquire?configId=${DATASTREAM}`,
      method: 'POST',
      body: '{"query":{"identity":{"fetch":["ECID"]}}}',
    },
    { url: 'https://shop.example/api/v1/interact', method: 'POST', body: pageView },
    { url: 'https://shop.example/v1/collect?id=1' },
    { url: 'https://shop.example/js/alloy-helpers.js' },
  ])('does not read $url as a Web SDK hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-web-sdk')).toEqual([]),
  );
});
