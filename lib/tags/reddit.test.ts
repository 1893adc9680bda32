import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Reddit Pixel: alb.reddit.com/rp.gif with id (a2_/t2_ account), event, the m.* metadata
// template (sent empty when unset), uuid, integration, v; the pixel.js library and the account's config fetch.
const TEMPLATE =
  'm.itemCount=&m.value=&m.valueDecimal=&m.currency=&m.transactionId=&m.customEventName=&m.products=&m.conversionId=';

describe('reddit', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page visit',
      {
        url: `https://alb.reddit.com/rp.gif?ts=1708362676211&id=t2_2n40s6z5&event=PageVisit&${TEMPLATE}&uuid=2bc44b75&aaid=&em=&external_id=&idfa=&integration=reddit&opt_out=0&sh=1280&sw=720&v=rdt_00917691&dpm=`,
      },
      {
        event: 'PageVisit',
        account: 't2_2n40s6z5',
        params: { browser_id: '2bc44b75', integration: 'reddit', screen_width: '720', library_version: 'rdt_00917691' },
      },
    ],
    [
      'purchase',
      {
        url: 'https://alb.reddit.com/rp.gif?ts=1&id=a2_dr0ynpqvf8b9&event=Purchase&m.itemCount=2&m.value=&m.valueDecimal=20.5&m.currency=EUR&m.transactionId=ORD-9&m.customEventName=&uuid=c695&integration=gtm',
      },
      {
        event: 'Purchase',
        account: 'a2_dr0ynpqvf8b9',
        params: { item_count: '2', value_decimal: '20.5', currency: 'EUR', transaction_id: 'ORD-9' },
      },
    ],
    [
      'sign up with hashed email',
      { url: `https://alb.reddit.com/rp.gif?ts=1&id=a2_x&event=SignUp&em=${'d'.repeat(64)}&external_id=ext-1` },
      { event: 'SignUp', params: { hashed_email: 'd'.repeat(64), external_id: 'ext-1' } },
    ],
    [
      'custom event named by the advertiser',
      { url: 'https://alb.reddit.com/rp.gif?ts=1&id=a2_x&event=Custom&m.customEventName=NewsletterSignup' },
      { event: 'NewsletterSignup', params: { custom_event_name: 'NewsletterSignup' } },
    ],
    [
      'form POST to /rp',
      {
        url: 'https://alb.reddit.com/rp?id=a2_j892kaf0wxc6&event=Lead',
        method: 'POST',
        body: 'm.conversionId=conv-1&m.value=',
      },
      { event: 'Lead', account: 'a2_j892kaf0wxc6', params: { conversion_id: 'conv-1' } },
    ],
    ['library', { url: 'https://www.redditstatic.com/ads/pixel.js' }, { event: 'library_load' }],
    [
      'library naming its pixel',
      { url: 'https://www.redditstatic.com/ads/pixel.js?pixel_id=a2_j892kaf0wxc6' },
      { event: 'library_load', account: 'a2_j892kaf0wxc6' },
    ],
    [
      'pixel config',
      { url: 'https://pixel-config.reddit.com/pixels/a2_j1933bxzyyfr/config' },
      { event: 'library_load', account: 'a2_j1933bxzyyfr' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'reddit', ...want }));

  it('drops the empty fields of the template, so an unset value does not count as sent', () =>
    expect(
      decodeRequest({ url: `https://alb.reddit.com/rp.gif?id=a2_x&event=AddToCart&${TEMPLATE}` })[0]?.params,
    ).toEqual({}));

  it.each([
    'https://www.reddit.com/r/x',
    'https://www.reddit.com/r/x/comments/abc/title/',
    'https://alb.reddit.com/snoo.gif?q=CaAwAB',
    'https://alb.reddit.com.evil.example/rp.gif?id=a2_x&event=Purchase',
    'https://www.redditstatic.com/shreddit/assets/app.js',
    'https://www.redditstatic.com/ads/pixel.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'reddit' && h.event !== 'library_load')).toEqual([]),
  );
});
