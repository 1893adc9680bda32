import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Piwik PRO's Tracking HTTP API reference (ppms.php, idsite UUID, rec=1, e_c/e_a/e_n/e_v, idgoal,
// search, ec_id, bulk {"requests": [...]}).
const SITE = '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const TRACKER = 'https://acme.piwik.pro/ppms.php';

describe('piwik-pro', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: `${TRACKER}?idsite=${SITE}&rec=1&action_name=Mug&url=https%3A%2F%2Fshop.example%2Fmug&_id=a1b2c3d4e5f6a7b8&res=1920x1080`,
      },
      {
        event: 'page_view',
        account: SITE,
        params: { page_title: 'Mug', page_url: 'https://shop.example/mug', visitor_id: 'a1b2c3d4e5f6a7b8' },
      },
    ],
    [
      'custom event, POST on a first-party domain',
      {
        url: 'https://analytics.shop.example/ppms.php',
        method: 'POST',
        body: `idsite=${SITE}&rec=1&e_c=Newsletter&e_a=signup&e_n=footer&url=https%3A%2F%2Fshop.example%2F`,
      },
      {
        event: 'signup',
        account: SITE,
        params: { event_category: 'Newsletter', event_action: 'signup', event_name: 'footer' },
      },
    ],
    [
      'ecommerce order, older piwik.php with a UUID site id',
      { url: `https://shop.example/piwik.php?idsite=${SITE}&rec=1&idgoal=0&ec_id=T-1001&revenue=59.8` },
      { event: 'ecommerce_order', account: SITE, params: { order_id: 'T-1001', revenue: '59.8' } },
    ],
    [
      'bulk',
      {
        url: TRACKER,
        method: 'POST',
        body: JSON.stringify({ requests: [`?idsite=${SITE}&rec=1&search=mug&search_count=3`] }),
      },
      { event: 'site_search', account: SITE, params: { search_keyword: 'mug', search_results: '3' } },
    ],
    ['library', { url: 'https://acme.piwik.pro/ppms.js' }, { event: 'library_load', params: { script: 'ppms.js' } }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'piwik-pro', ...want }));

  it('leaves Matomo its numeric site ids on piwik.php', () => {
    expect(
      decodeRequest({ url: 'https://analytics.shop.example/piwik.php?idsite=3&rec=1&action_name=Mug' })[0],
    ).toMatchObject({ vendor: 'matomo', account: '3' });
  });

  it.each<HitRequest>([
    { url: 'https://acme.piwik.pro/ppms.php' },
    { url: 'https://acme.containers.piwik.pro/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.js' },
    { url: 'https://piwik.pro/blog/' },
  ])('does not read $url as a Piwik PRO hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'piwik-pro')).toEqual([]),
  );
});
