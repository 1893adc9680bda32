import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Indicative's Input API reference (/service/event, /service/event/batch, JSON apiKey/eventName/
// eventUniqueId/properties).
const KEY = '0a1b2c3d-4e5f-6789-abcd-ef0123456789';

describe('indicative', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'single event',
      {
        url: 'https://api.indicative.com/service/event',
        method: 'POST',
        body: JSON.stringify({
          apiKey: KEY,
          eventName: 'Signed Up',
          eventUniqueId: 'user-42',
          properties: { plan: 'pro', source: 'footer' },
        }),
      },
      { event: 'Signed Up', account: KEY, params: { user_id: 'user-42', plan: 'pro', source: 'footer' } },
    ],
    [
      'batch',
      {
        url: 'https://api.indicative.com/service/event/batch',
        method: 'POST',
        body: JSON.stringify({
          apiKey: KEY,
          events: [
            { eventName: 'Page View', eventUniqueId: 'user-42', properties: { page: '/mug' } },
            { eventName: 'Add To Cart', eventUniqueId: 'user-42', properties: { sku: 'SKU1' } },
          ],
        }),
      },
      { event: 'Page View', account: KEY, params: { page: '/mug' } },
    ],
    [
      'image form',
      {
        url: `https://api.indicative.com/service/event/${KEY}?eventName=Download&eventUniqueId=user-42&file=care-guide.pdf`,
      },
      { event: 'Download', account: KEY, params: { user_id: 'user-42', file: 'care-guide.pdf' } },
    ],
    [
      'library',
      { url: 'https://cdn.indicative.com/js/1.0.2/Indicative.min.js' },
      { event: 'library_load', params: { script: 'Indicative.min.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'indicative', ...want }));

  it('reads every event of a batch', () => {
    const body = JSON.stringify({ apiKey: KEY, events: [{ eventName: 'A' }, { eventName: 'B' }] });
    expect(
      decodeRequest({ url: 'https://api.indicative.com/service/event/batch', method: 'POST', body }).map(
        (h) => h.event,
      ),
    ).toEqual(['A', 'B']);
  });

  it.each<HitRequest>([
    { url: 'https://app.indicative.com/#/login' },
    { url: 'https://api.indicative.com/service/projects' },
    {
      url: 'https://shop.example/service/event',
      method: 'POST',
      body: JSON.stringify({ apiKey: KEY, eventName: 'x' }),
    },
  ])('does not read $url as an Indicative hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'indicative')).toEqual([]),
  );
});
