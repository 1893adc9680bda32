import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from the Clarity snippet (www.clarity.ms/tag/<project id>) and clarity-js's upload envelope.
const COLLECT = 'https://k.clarity.ms/collect';
const LAST_UPLOAD =
  '{"e":["0.7.32",3,1000,2000,"abc1def2gh","1a2b3c","4d5e6f",2,1,1],"a":[[1200,4,"x"]],"p":[[1300,5]]}';

describe('clarity', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    ['tag', { url: 'https://www.clarity.ms/tag/abc1def2gh' }, { event: 'library_load', account: 'abc1def2gh' }],
    [
      'tag from GTM',
      { url: 'https://www.clarity.ms/tag/abc1def2gh?ref=gtm2' },
      { event: 'library_load', account: 'abc1def2gh' },
    ],
    [
      'tag loaded by Microsoft UET',
      { url: 'https://www.clarity.ms/tag/uet/187000123' },
      { event: 'library_load', params: { uet_tag_id: '187000123' } },
    ],
    [
      'recorder',
      { url: 'https://www.clarity.ms/s/0.7.32/clarity.js' },
      { event: 'library_load', params: { script: 'clarity.js', version: '0.7.32' } },
    ],
    [
      'last upload, plain JSON',
      { url: COLLECT, method: 'POST', body: LAST_UPLOAD },
      {
        event: 'collect',
        account: 'abc1def2gh',
        params: {
          version: '0.7.32',
          sequence: '3',
          user_id: '1a2b3c',
          session_id: '4d5e6f',
          page_num: '2',
          last_upload: 'true',
        },
      },
    ],
    [
      'cut off after the envelope',
      { url: COLLECT, method: 'POST', body: LAST_UPLOAD.slice(0, 80) },
      { event: 'collect', account: 'abc1def2gh', params: { session_id: '4d5e6f' } },
    ],
    [
      'compressed upload',
      { url: COLLECT, method: 'POST', body: '\u001f\ufffd\b\u0000\u0000\u0000\u0000\u0000\u0000\u0003\ufffd' },
      { event: 'collect', partial: 'compressed body' },
    ],
    [
      'body not available',
      { url: COLLECT, method: 'POST' },
      { event: 'collect', partial: expect.stringContaining('compresses') as string },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'clarity', ...want }));

  it('does not take a UET tag id for a Clarity project id', () => {
    expect(decodeRequest({ url: 'https://www.clarity.ms/tag/uet/187000123' })[0]?.account).toBeUndefined();
  });

  it.each<HitRequest>([
    { url: 'https://c.clarity.ms/c.gif?uid=abc' },
    { url: 'https://clarity.microsoft.com/projects/view/abc1def2gh/dashboard' },
    { url: 'https://www.clarity.ms/tag/' },
    { url: 'https://shop.example/collect', method: 'POST', body: LAST_UPLOAD },
  ])('does not read $url as a Clarity hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'clarity')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => `{"e":${JSON.stringify([v, v, v, v, v, v, v])}`),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const hit of decodeRequest({ url: COLLECT, method: 'POST', body }))
          expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
