import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Adobe Target's Delivery API reference (POST /rest/v1/delivery?client=…&sessionId=…) and the
// at.js 1.x mbox request (/m2/<client>/mbox/json?mbox=…).
const DELIVERY =
  'https://acme.tt.omtrdc.net/rest/v1/delivery?client=acme&sessionId=d359234570e04f14e1faeeba02d6ab9914e&version=2.11.4';

const pageLoad = JSON.stringify({
  requestId: '1a2b',
  context: { channel: 'web', address: { url: 'https://shop.example/' }, screen: { width: 1200, height: 1400 } },
  id: {
    tntId: '338e3c1e51f7416a8e1ccba4f81acea0.28_0',
    marketingCloudVisitorId: '60928208215424158043296546543580384922',
  },
  execute: {
    pageLoad: { parameters: { pageType: 'home' } },
    mboxes: [{ index: 1, name: 'homepage-hero', parameters: { segment: 'new' } }],
  },
});

describe('adobe-target', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page load',
      { url: DELIVERY, method: 'POST', body: pageLoad },
      {
        event: 'page_load',
        account: 'acme',
        params: {
          session_id: 'd359234570e04f14e1faeeba02d6ab9914e',
          tnt_id: '338e3c1e51f7416a8e1ccba4f81acea0.28_0',
          ecid: '60928208215424158043296546543580384922',
          page_url: 'https://shop.example/',
          'parameters.pageType': 'home',
          library_version: '2.11.4',
        },
      },
    ],
    [
      'click notification',
      {
        url: DELIVERY,
        method: 'POST',
        body: '{"id":{"tntId":"t1"},"notifications":[{"id":"n1","type":"click","mbox":{"name":"cta-button"},"tokens":["tok1"]}]}',
      },
      { event: 'click', account: 'acme', params: { mbox: 'cta-button', tokens: 'tok1', tnt_id: 't1' } },
    ],
    [
      'at.js 1.x mbox',
      {
        url: 'https://acme.tt.omtrdc.net/m2/acme/mbox/json?mbox=target-global-mbox&mboxSession=abc123&mboxPC=pc456&mboxPage=p1&mboxVersion=1.8.3&mboxURL=https%3A%2F%2Fshop.example%2F&profile.tier=gold',
      },
      {
        event: 'target-global-mbox',
        account: 'acme',
        params: {
          session_id: 'abc123',
          tnt_id: 'pc456',
          library_version: '1.8.3',
          page_url: 'https://shop.example/',
          'profile.tier': 'gold',
          mbox_type: 'json',
        },
      },
    ],
    [
      'prefetch of views',
      { url: DELIVERY, method: 'POST', body: '{"prefetch":{"views":[{"name":"checkout"}]}}' },
      { event: 'prefetch', params: { prefetched: 'checkout' } },
    ],
    [
      'library from Target',
      { url: 'https://acme.tt.omtrdc.net/at.js' },
      { event: 'library_load', account: 'acme', params: { script: 'at.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-target', ...want }));

  it('reads the page load and each executed mbox as hits', () => {
    expect(
      decodeRequest({ url: DELIVERY, method: 'POST', body: pageLoad }).map((h) => [h.event, h.params.mbox]),
    ).toEqual([
      ['page_load', undefined],
      ['homepage-hero', 'homepage-hero'],
    ]);
  });

  it.each<HitRequest>([
    { url: 'https://acme.tt.omtrdc.net/rest/v1/delivery/health' },
    { url: 'https://cdn.tt.omtrdc.net/cdn/target.js' },
    { url: 'https://shop.example/rest/v1/delivery?client=acme', method: 'POST', body: pageLoad },
    { url: 'https://shop.example/js/at.js' },
  ])('does not read $url as a Target hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-target')).toEqual([]),
  );
});
