import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Comscore's tag implementation guides (c1/c2 census fields, c7–c9 page fields, ns_st_* streaming).
describe('comscore', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: 'https://sb.scorecardresearch.com/b?c1=2&c2=1234567&cv=4.4.0&cs_ucfr=1&c7=https%3A%2F%2Fshop.example%2F&c8=Shop&c9=https%3A%2F%2Fwww.google.com%2F&rn=1763884800',
      },
      {
        event: 'page_view',
        account: '1234567',
        params: {
          tag_version: '4.4.0',
          consent: '1',
          page_url: 'https://shop.example/',
          page_title: 'Shop',
          referrer: 'https://www.google.com/',
        },
      },
    ],
    [
      'page view on the HTTPS path',
      { url: 'https://sb.scorecardresearch.com/b2?c1=2&c2=1234567&c4=https%3A%2F%2Fshop.example%2Fmug' },
      { event: 'page_view', account: '1234567', params: { c4: 'https://shop.example/mug' } },
    ],
    [
      'streaming play',
      {
        url: 'https://sb.scorecardresearch.com/p?c1=2&c2=1234567&ns_st_ev=play&ns_st_ci=vid-42&ns_st_pt=0&ns_st_cl=120000&ns_st_ty=video',
      },
      {
        event: 'play',
        account: '1234567',
        params: { stream_event: 'play', content_id: 'vid-42', clip_length: '120000', content_type: 'video' },
      },
    ],
    [
      'beacon.js for a client',
      { url: 'https://sb.scorecardresearch.com/cs/1234567/beacon.js' },
      { event: 'library_load', account: '1234567', params: { script: 'beacon.js' } },
    ],
    [
      'shared beacon.js',
      { url: 'https://sb.scorecardresearch.com/beacon.js' },
      { event: 'library_load', params: { script: 'beacon.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'comscore', ...want }));

  it.each<HitRequest>([
    { url: 'https://www.scorecardresearch.com/privacy.aspx' },
    { url: 'https://sb.scorecardresearch.com/b?rn=1' },
    { url: 'https://shop.example/b?c1=2&c2=1234567' },
  ])('does not read $url as a Comscore hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'comscore')).toEqual([]),
  );
});
