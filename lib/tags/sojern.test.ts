import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Sojern pixel: beacon.sojern.com/pixel/p/<pixel id> with pt (page type) and the travel
// fields of its specification; the JavaScript version's libraries on static.sojern.com and its pixelId field.

describe('sojern', () => {
  it.each<[string, HitRequest, object]>([
    [
      'hotel search',
      {
        url: 'https://beacon.sojern.com/pixel/p/12345?f_v=v6_img&p_v=1&pt=SEARCH&hpr=Hotel%20Marais&hc1=Paris&hn1=FR&hd1=2026-06-01&hd2=2026-06-04&t=2',
      },
      {
        event: 'SEARCH',
        account: '12345',
        params: {
          hotel_property: 'Hotel Marais',
          hotel_city: 'Paris',
          hotel_country: 'FR',
          check_in: '2026-06-01',
          check_out: '2026-06-04',
          travelers: '2',
          pixel_format: 'v6_img',
        },
      },
    ],
    [
      'hotel booking confirmation',
      {
        url: 'https://beacon.sojern.com/pixel/p/12345?f_v=v6_img&p_v=1&pt=TRACKING&hpr=Hotel%20Marais&hcu=EUR&tp=420.00&cf=BK-5521&sha256_eml=ab12',
      },
      {
        event: 'TRACKING',
        account: '12345',
        params: { currency: 'EUR', total_price: '420.00', confirmation_number: 'BK-5521', hashed_email_sha256: 'ab12' },
      },
    ],
    [
      'flight product page from the JavaScript pixel',
      {
        url: 'https://beacon.sojern.com/pixel/cdp/web?pixelId=67890&f_v=v6_js&pt=PRODUCT&fa1=CDG&fa2=JFK&fd1=2026-07-10&fc=economy',
      },
      {
        event: 'PRODUCT',
        account: '67890',
        params: {
          origin_airport: 'CDG',
          destination_airport: 'JFK',
          departure_date: '2026-07-10',
          service_class: 'economy',
        },
      },
    ],
    [
      'library',
      { url: 'https://static.sojern.com/sdk/latest/sojern.min.js' },
      { event: 'library_load', params: { script: 'sojern.min.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'sojern', ...want }));

  it.each([
    'https://www.sojern.com/hotel-marketing',
    'https://beacon.sojern.com/cm?partner=x',
    'https://beacon.sojern.com.evil.example/pixel/p/12345?pt=SEARCH',
    'https://static.sojern.com/sdk/latest/sojern.min.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'sojern' && h.event !== 'library_load')).toEqual([]),
  );
});
