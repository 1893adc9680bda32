import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';

// Request shapes from Meta's Pixel documentation: the image/beacon GET to /tr with id, ev and cd[...].
describe('meta-pixel', () => {
  it.each([
    [
      'standard event',
      'https://www.facebook.com/tr/?id=111&ev=Lead&dl=https%3A%2F%2Fshop.example%2F',
      { event: 'Lead', account: '111', params: { page_url: 'https://shop.example/' } },
    ],
    [
      'custom data',
      'https://www.facebook.com/tr?id=111&ev=Purchase&cd[value]=9.5&cd[currency]=EUR',
      { event: 'Purchase', params: { value: '9.5', currency: 'EUR' } },
    ],
    [
      'page view without trailing slash',
      'https://facebook.com/tr?id=222&ev=PageView&noscript=1',
      { event: 'PageView', account: '222' },
    ],
    [
      'event id for deduplication',
      'https://www.facebook.com/tr/?id=111&ev=AddToCart&eid=abc-1',
      { event: 'AddToCart', params: { event_id: 'abc-1' } },
    ],
    ['library', 'https://connect.facebook.net/en_US/fbevents.js', { event: 'library_load' }],
    [
      'pixel config',
      'https://connect.facebook.net/signals/config/111?v=2.9.1',
      { event: 'library_load', account: '111' },
    ],
  ])('%s', (_, url, want) => expect(decodeRequest({ url })[0]).toMatchObject({ vendor: 'meta-pixel', ...want }));

  it('reads the fields of a POSTed form body', () => {
    const [hit] = decodeRequest({
      url: 'https://www.facebook.com/tr/',
      method: 'POST',
      body: 'id=333&ev=CompleteRegistration&cd%5Bcontent_name%5D=Newsletter',
    });
    expect(hit).toMatchObject({
      vendor: 'meta-pixel',
      event: 'CompleteRegistration',
      account: '333',
      params: { content_name: 'Newsletter' },
    });
  });

  it.each([
    'https://www.facebook.com/trending',
    'https://www.facebook.com/tracking/?id=1&ev=Lead',
    'https://notfacebook.com/tr?id=1&ev=Lead',
  ])('does not read %s as a Meta hit', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'meta-pixel')).toEqual([]),
  );
});
