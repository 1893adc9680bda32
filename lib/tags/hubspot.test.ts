import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes of HubSpot's tracking code (hs-scripts loader, track.hubspot.com __pt*.gif beacons) and its forms.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const GUID = '0b6c5f1e-3f2a-4d7e-9a1b-2c3d4e5f6a7b';

describe('hubspot', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: 'https://track.hubspot.com/__ptq.gif?a=142972&k=1&pu=https%3A%2F%2Fshop.example%2Fpricing&t=Pricing&vi=abc123&r=https%3A%2F%2Fwww.google.com%2F&cts=1700000000000',
      },
      {
        event: 'page_view',
        account: '142972',
        params: {
          page_url: 'https://shop.example/pricing',
          page_title: 'Pricing',
          visitor_id: 'abc123',
          referrer: 'https://www.google.com/',
          hit_kind: '1',
        },
      },
    ],
    [
      'RSS view',
      {
        url: 'https://track.hubspot.com/__ptq.gif?a=268973&k=14&bu=http://ceph.com&r=http://ceph.com/releases/v015-released/&bvt=rss&p=wordpress',
      },
      { event: 'page_view', account: '268973', params: { hit_kind: '14', view_type: 'rss' } },
    ],
    [
      'custom behavioral event',
      {
        url: 'https://track-eu1.hubspot.com/__ptbe.gif?a=26317639&n=pe26317639_demo_requested&_plan=pro&_seats=5&pu=https%3A%2F%2Fshop.example%2Fdemo',
      },
      {
        event: 'pe26317639_demo_requested',
        account: '26317639',
        params: { plan: 'pro', seats: '5', page_url: 'https://shop.example/demo' },
      },
    ],
    [
      'click',
      { url: 'https://track.hubspot.com/__ptc.gif?a=142972&_hs_element=button%23buy&pu=https%3A%2F%2Fshop.example%2F' },
      { event: 'click', params: { _hs_element: 'button#buy' } },
    ],
    [
      'other beacon',
      { url: 'https://track.hubspot.com/__pto.gif?a=142972&k=1' },
      { event: undefined, account: '142972', params: { beacon: '__pto.gif' } },
    ],
    [
      'loader',
      { url: 'https://js.hs-scripts.com/142972.js' },
      { event: 'library_load', account: '142972', params: { script: 'hs-scripts' } },
    ],
    [
      'regional loader',
      { url: 'https://js-eu1.hs-scripts.com/26317639.js' },
      { event: 'library_load', account: '26317639' },
    ],
    [
      'analytics script',
      { url: 'https://js.hs-analytics.net/analytics/1700000000000/142972.js' },
      { event: 'library_load', account: '142972', params: { script: 'hs-analytics' } },
    ],
    [
      'cookie banner',
      { url: 'https://js.hs-banner.com/v2/142972/banner.js' },
      { event: 'library_load', account: '142972', params: { script: 'hs-banner' } },
    ],
    [
      'forms v3 API',
      post(`https://api.hsforms.com/submissions/v3/integration/submit/142972/${GUID}`, {
        fields: [{ name: 'email', value: 'a@example.com' }],
        context: { pageUri: 'https://shop.example/contact', pageName: 'Contact' },
      }),
      {
        event: 'form_submission',
        account: '142972',
        params: { form_id: GUID, page_url: 'https://shop.example/contact', page_title: 'Contact' },
      },
    ],
    [
      'embedded form',
      post(
        `https://forms-eu1.hsforms.com/submissions/v3/public/submit/formsnext/multipart/26317639/${GUID}`,
        '------boundary\r\nContent-Disposition: form-data; name="email"',
      ),
      { event: 'form_submission', account: '26317639', params: { form_id: GUID } },
    ],
    [
      'legacy forms endpoint',
      post(`https://forms.hubspot.com/uploads/form/v2/142972/${GUID}`, 'email=a%40example.com'),
      { event: 'form_submission', account: '142972' },
    ],
    [
      'collected form',
      post('https://forms.hscollectedforms.net/collected-forms/submit/form', {
        portalId: 142972,
        formSelectorId: '#newsletter',
        pageUrl: 'https://shop.example/',
        formValues: { email: 'a@example.com' },
      }),
      {
        event: 'form_submission',
        account: '142972',
        params: { form_selector: '#newsletter', page_url: 'https://shop.example/' },
      },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'hubspot', ...want }));

  it('keeps what the visitor typed out of a form submission', () => {
    const [hit] = decodeRequest(
      post(`https://api.hsforms.com/submissions/v3/integration/submit/142972/${GUID}`, {
        fields: [{ name: 'email', value: 'a@example.com' }],
      }),
    );
    expect(JSON.stringify(hit?.params)).not.toContain('a@example.com');
  });

  it.each<HitRequest>([
    { url: 'https://www.hubspot.com/products/marketing' },
    { url: 'https://track.hubspot.com/robots.txt' },
    { url: 'https://shop.example/__ptq.gif?a=1' },
    { url: 'https://js.hs-scripts.com/' },
    { url: 'https://api.hubspot.com/crm/v3/objects/contacts' },
  ])('does not read $url as a HubSpot hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'hubspot')).toEqual([]),
  );

  it('never fails on hostile input', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.json()), (query, body) => {
        const requests: HitRequest[] = [
          { url: `https://track.hubspot.com/__ptbe.gif?${query}` },
          post(`https://api.hsforms.com/submissions/v3/integration/submit/1/${GUID}`, body),
          post('https://forms.hscollectedforms.net/collected-forms/submit/form', body),
        ];
        for (const req of requests)
          for (const hit of decodeRequest(req)) expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
