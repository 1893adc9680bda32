import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Shapes from Medallia DXA's (Decibel) installation snippet: cdn.decibelinsight.net/i/<account>/<property>/di.js, and
// its collection host collection.decibelinsight.net/i/<account>/….
describe('medallia-dxa', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'tag with a property',
      { url: 'https://cdn.decibelinsight.net/i/13996/612538/di.js' },
      { event: 'library_load', account: '13996', params: { property_id: '612538' } },
    ],
    ['older tag', { url: 'https://decibelinsight.net/i/13476/di.js' }, { event: 'library_load', account: '13476' }],
    [
      'collection over HTTP',
      { url: 'https://collection.decibelinsight.net/i/13996/612538/c.json', method: 'POST', body: '{"e":[]}' },
      { event: 'recording', account: '13996' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'medallia-dxa', ...want }));

  it.each<HitRequest>([
    { url: 'https://cdn.decibelinsight.net/i/13996/612538/di.css' },
    { url: 'https://www.decibelinsight.net/privacy' },
    { url: 'https://shop.example/i/13996/612538/di.js' },
  ])('does not read $url as a Medallia DXA hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'medallia-dxa')).toEqual([]),
  );
});
