import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Brevo tracker: sa.js?key=<ma-key>, the in-automate /p call with key and sib_type, and the
// documented REST tracker (/api/v2/trackEvent, identify, trackLink, trackPage) with JSON bodies.
const KEY = 'hn44x0iecfnjlk5vy44jrb3o';

describe('brevo', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page call',
      {
        url: `https://in-automate.brevo.com/p?key=${KEY}&sib_type=page&name=Pricing&url=https%3A%2F%2Fshop.example%2Fpricing`,
      },
      { event: 'page', account: KEY, params: { call: 'page', name: 'Pricing', url: 'https://shop.example/pricing' } },
    ],
    [
      'track call names its event',
      {
        url: `https://in-automate.sendinblue.com/p?key=${KEY}&sib_type=track&event=cart_updated&email_id=ada%40shop.example`,
      },
      { event: 'cart_updated', account: KEY, params: { email: 'ada@shop.example' } },
    ],
    [
      'REST trackEvent',
      {
        url: 'https://in-automate.brevo.com/api/v2/trackEvent',
        method: 'POST',
        body: JSON.stringify({
          email: 'ada@shop.example',
          event: 'order_completed',
          properties: { FIRSTNAME: 'Ada' },
          eventdata: { id: 'ORD-1', data: { total: 42 } },
        }),
      },
      {
        event: 'order_completed',
        params: {
          email: 'ada@shop.example',
          'properties.FIRSTNAME': 'Ada',
          'eventdata.id': 'ORD-1',
          'eventdata.data.total': '42',
        },
      },
    ],
    [
      'REST identify',
      {
        url: 'https://in-automate.brevo.com/api/v2/identify',
        method: 'POST',
        body: JSON.stringify({ email: 'ada@shop.example', attributes: { PLAN: 'pro' } }),
      },
      { event: 'identify', params: { 'attributes.PLAN': 'pro' } },
    ],
    [
      'REST trackPage',
      {
        url: 'https://in-automate.brevo.com/api/v2/trackPage',
        method: 'POST',
        body: JSON.stringify({ email: 'ada@shop.example', page: 'https://shop.example/', properties: {} }),
      },
      { event: 'page', params: { page: 'https://shop.example/' } },
    ],
    ['library', { url: `https://sibautomation.com/sa.js?key=${KEY}` }, { event: 'library_load', account: KEY }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'brevo', ...want }));

  it.each([
    'https://www.brevo.com/pricing/',
    'https://in-automate.brevo.com/api/v2/other',
    'https://sibautomation.com/other.js?key=x',
    'https://in-automate.brevo.com.evil.example/p?key=x&sib_type=page',
    `https://sibautomation.com/sa.js?key=${KEY}`,
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'brevo' && h.event !== 'library_load')).toEqual([]),
  );
});
