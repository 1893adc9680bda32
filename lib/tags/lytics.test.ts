import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from the Lytics JavaScript tag docs (collect to c.lytics.io/c/<account id>, jstag.send data, _-prefixed
// page and visitor fields) and its tag installation snippet (api/tag/<account id>/latest.min.js).
const AID = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d';

describe('lytics', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: `https://c.lytics.io/c/${AID}?_e=pv&url=shop.example%2Fmug&_ref=www.google.com&_tz=1&_ul=en-US&_sz=1920x1080&_uid=u-1&_ts=1763884800123`,
      },
      {
        event: 'page_view',
        account: AID,
        params: { page_url: 'shop.example/mug', referrer: 'www.google.com', visitor_id: 'u-1', language: 'en-US' },
      },
    ],
    [
      'custom send to a stream, JSON',
      {
        url: `https://c.lytics.io/c/${AID}/web_events`,
        method: 'POST',
        body: '{"event":"newsletter_signup","placement":"footer","_uid":"u-1"}',
      },
      {
        event: 'newsletter_signup',
        account: AID,
        params: { stream: 'web_events', placement: 'footer', visitor_id: 'u-1' },
      },
    ],
    [
      'send without an event name, form body',
      { url: `https://c.lytics.io/c/${AID}`, method: 'POST', body: 'email_opt_in=true&url=shop.example%2F' },
      { event: 'collect', account: AID, params: { email_opt_in: 'true', page_url: 'shop.example/' } },
    ],
    [
      'library v3',
      { url: `https://c.lytics.io/api/tag/${AID}/latest.min.js` },
      { event: 'library_load', account: AID },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'lytics', ...want }));

  it.each<HitRequest>([
    { url: `https://c.lytics.io/api/me/${AID}/u-1?segments=true` },
    { url: 'https://api.lytics.io/api/entity/user/_uids/u-1?fields=segments' },
    { url: `https://shop.example/c/${AID}?_e=pv` },
  ])('does not read $url as a Lytics hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'lytics')).toEqual([]),
  );
});
