import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the LinkedIn Insight Tag: the /collect image or beacon (pid, fmt, url, time, conversionId),
// the /attribution_trigger request beside it, the /wa/ website-action POST and the insight.min.js library.
const WA_BODY = JSON.stringify({
  pids: [5143044],
  scriptVersion: 156,
  time: 1718815236645,
  domain: 'shop.example',
  url: 'https://shop.example/subscribe',
  pageTitle: 'Subscribe',
  websiteSignalRequestId: '0fd75e5d-8c44',
  isTranslated: false,
  liFatId: '',
  hem: null,
  signalType: 'CLICK',
  href: '',
  domAttributes: { elementType: 'submit', tagName: 'BUTTON', innerText: 'START', isFormSubmission: true },
  elementCrumbsTree: [
    { tagName: 'main', nthChild: 5, id: 'site-root' },
    { tagName: 'form', nthChild: 1, id: 'subscribe' },
  ],
});

describe('linkedin', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view image',
      {
        url: 'https://px.ads.linkedin.com/collect/?pid=1320713&fmt=gif&time=1613932805542&url=https%3A%2F%2Fshop.example%2Fbook&v=2',
      },
      {
        event: 'page_view',
        account: '1320713',
        params: { page_url: 'https://shop.example/book', format: 'gif', timestamp: '1613932805542' },
      },
    ],
    [
      'page view beacon without trailing slash',
      {
        url: 'https://px.ads.linkedin.com/collect?v=2&fmt=js&pid=276116&time=1&url=https%3A%2F%2Fshop.example%2F&cookiesTest=true',
        type: 'ping',
      },
      { event: 'page_view', account: '276116', params: { format: 'js' } },
    ],
    [
      'conversion',
      {
        url: 'https://px.ads.linkedin.com/collect/?pid=1320713&conversionId=9876543&fmt=gif&url=https%3A%2F%2Fshop.example%2Fthanks',
      },
      {
        event: 'conversion',
        account: '1320713',
        params: { conversion_id: '9876543', page_url: 'https://shop.example/thanks' },
      },
    ],
    [
      'conversion on the older dc. host',
      { url: 'https://dc.ads.linkedin.com/collect/?pid=276116&conversionId=111&fmt=gif' },
      { event: 'conversion', account: '276116', params: { conversion_id: '111' } },
    ],
    [
      'conversion sent as a form body',
      {
        url: 'https://px4.ads.linkedin.com/collect/',
        method: 'POST',
        body: 'pid=555&conversionId=777&fmt=js&url=https%3A%2F%2Fshop.example%2F',
      },
      { event: 'conversion', account: '555', params: { conversion_id: '777', page_url: 'https://shop.example/' } },
    ],
    [
      'attribution trigger',
      {
        url: 'https://px.ads.linkedin.com/attribution_trigger?pid=4981058&time=1741098586102&url=https%3A%2F%2Fshop.example%2F',
      },
      { event: 'attribution_trigger', account: '4981058', params: { page_url: 'https://shop.example/' } },
    ],
    [
      'website action',
      { url: 'https://px.ads.linkedin.com/wa/', method: 'POST', body: WA_BODY },
      {
        event: 'CLICK',
        account: '5143044',
        params: {
          page_url: 'https://shop.example/subscribe',
          page_title: 'Subscribe',
          'domAttributes.innerText': 'START',
          partner_ids: '5143044',
        },
      },
    ],
    [
      'compressed website action',
      {
        url: 'https://px.ads.linkedin.com/wa/?medium=fetch&fmt=g',
        method: 'POST',
        body: 'H4sIAAAAAAAAA6tWKkktLlGyUlAqSk1RqgUAv5wYPw8AAAA=',
      },
      { partial: expect.stringContaining('compressed') },
    ],
    [
      'website action cut at the capture limit',
      { url: 'https://px.ads.linkedin.com/wa/', method: 'POST', body: WA_BODY.slice(0, 60) },
      { partial: expect.stringContaining('not valid JSON') },
    ],
    ['library', { url: 'https://snap.licdn.com/li.lms-analytics/insight.min.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'linkedin', ...want }));

  it('leaves out null fields and DOM breadcrumbs of a website action', () => {
    const [hit] = decodeRequest({ url: 'https://px.ads.linkedin.com/wa/', method: 'POST', body: WA_BODY });
    expect(hit?.params).not.toHaveProperty('hashed_email');
    expect(Object.keys(hit?.params ?? {}).some((k) => k.startsWith('elementCrumbsTree'))).toBe(false);
  });

  it.each([
    'https://www.linkedin.com/in/someone',
    'https://www.linkedin.com/company/example/',
    'https://px.ads.linkedin.com/collect/script.js',
    'https://www.linkedin.com/px/li/sync?pid=12345',
    'https://ads.linkedin.com.evil.example/collect/?pid=1',
    'https://snap.licdn.com/li.lms-analytics/insight.min.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'linkedin' && h.event !== 'library_load')).toEqual([]),
  );
});
