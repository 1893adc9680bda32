import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Intercom Messenger: widget.intercom.io/widget/<app id>, its js.intercomcdn.com frame scripts,
// the ping that boot and update send (form: app_id, page, user_data JSON) and trackEvent's /messenger/web/events
// (form: app_id, event_list JSON of { event_name, created, metadata }).
const APP = 'abc123de';
const API = 'https://api-iam.intercom.io/messenger/web';
const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

describe('intercom', () => {
  it.each<[string, HitRequest, object]>([
    [
      'anonymous visitor page view',
      {
        url: `${API}/ping`,
        method: 'POST',
        body: form({
          app_id: APP,
          referer: 'https://shop.example/pricing',
          v: '3',
          g: 'Europe/Paris',
          s: 'sess-1',
          r: 'https://www.google.com/',
          platform: 'web',
          page_title: 'Pricing',
          'Idempotency-Key': 'k-1',
        }),
      },
      {
        event: 'page_view',
        account: APP,
        params: {
          page_url: 'https://shop.example/pricing',
          session_id: 'sess-1',
          referrer: 'https://www.google.com/',
          page_title: 'Pricing',
          timezone: 'Europe/Paris',
          platform: 'web',
        },
      },
    ],
    [
      'identified user page view',
      {
        url: 'https://api-iam.eu.intercom.io/messenger/web/ping',
        method: 'POST',
        body: form({
          app_id: APP,
          user_data: JSON.stringify({ user_id: 'u-42', email: 'ada@shop.example', name: 'Ada' }),
        }),
      },
      { event: 'page_view', account: APP, params: { 'user.user_id': 'u-42', 'user.email': 'ada@shop.example' } },
    ],
    [
      'tracked event',
      {
        url: `${API}/events`,
        method: 'POST',
        body: form({
          app_id: APP,
          event_list: JSON.stringify([
            {
              event_name: 'invited-friend',
              created: 1763884800,
              metadata: { invitee_email: 'pi@example.org', invite_code: 'ADDAFRIEND' },
            },
          ]),
        }),
      },
      { event: 'invited-friend', account: APP, params: { invite_code: 'ADDAFRIEND', created: '1763884800' } },
    ],
    ['widget', { url: `https://widget.intercom.io/widget/${APP}` }, { event: 'library_load', account: APP }],
    [
      'frame script',
      { url: 'https://js.intercomcdn.com/frame-modern.0a1b2c3d.js' },
      { event: 'library_load', params: { script: 'frame-modern.0a1b2c3d.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'intercom', ...want }));

  it('reads one hit per event of an event list', () => {
    const body = form({ app_id: APP, event_list: JSON.stringify([{ event_name: 'a' }, { event_name: 'b' }]) });
    expect(decodeRequest({ url: `${API}/events`, method: 'POST', body }).map((h) => h.event)).toEqual(['a', 'b']);
  });

  it.each<HitRequest>([
    { url: `${API}/metrics`, method: 'POST', body: form({ app_id: APP }) },
    { url: `${API}/launcher_settings`, method: 'POST', body: form({ app_id: APP }) },
    { url: `${API}/conversations`, method: 'POST', body: form({ app_id: APP }) },
    { url: 'https://www.intercom.com/pricing' },
    { url: `https://widget.intercom.io/widget/${APP}` },
  ])('does not read $url as an event', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'intercom' && h.event !== 'library_load')).toEqual([]),
  );
});
