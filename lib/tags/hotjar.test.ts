import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Hotjar's snippet (hotjar-<site id>.js?sv=6) and its in.hotjar.com client API calls.
const VISIT = 'https://in.hotjar.com/api/v2/client/sites/2674197/visit-data?sv=6';

describe('hotjar', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'library',
      { url: 'https://static.hotjar.com/c/hotjar-2674197.js?sv=6' },
      { event: 'library_load', account: '2674197', params: { snippet_version: '6' } },
    ],
    [
      'modules',
      { url: 'https://script.hotjar.com/modules.90de377b639fd5b933d2.js' },
      { event: 'library_load', params: { script: 'modules.90de377b639fd5b933d2.js' } },
    ],
    [
      'page view',
      {
        url: VISIT,
        method: 'POST',
        body: '{"r_value":1,"is_vpv":false,"session_only":false,"rec_value":1,"user_id":"e325c836-73c9-5f75-850d-749356cb6e87"}',
      },
      {
        event: 'page_view',
        account: '2674197',
        params: { virtual_page_view: 'false', user_id: 'e325c836-73c9-5f75-850d-749356cb6e87', sample_rate: '1' },
      },
    ],
    [
      'virtual page view',
      { url: VISIT, method: 'POST', body: '{"r_value":1,"is_vpv":true}' },
      { event: 'page_view', params: { virtual_page_view: 'true' } },
    ],
    [
      'recording upload over HTTP',
      { url: 'https://ws6.hotjar.com/api/v2/sites/2674197/recordings/content', method: 'POST', body: '\u0000binary' },
      { event: 'recording', account: '2674197' },
    ],
    [
      'truncated visit body',
      { url: VISIT, method: 'POST', body: '{"r_value":1,"is_v' },
      { event: 'page_view', account: '2674197', partial: expect.any(String) as string },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'hotjar', ...want }));

  it.each<HitRequest>([
    { url: 'https://www.hotjar.com/pricing/' },
    { url: 'https://vars.hotjar.com/box-5e66f98b4ee957db209dc6f63e3d59dd.html' },
    { url: 'https://in.hotjar.com/api/v2/client/sites/' },
    { url: 'https://static.hotjar.com/static/client/modules.css' },
    { url: 'https://shop.example/api/v2/client/sites/123/visit-data' },
  ])('does not read $url as a Hotjar hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'hotjar')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (body) => {
        for (const hit of decodeRequest({ url: VISIT, method: 'POST', body }))
          expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
