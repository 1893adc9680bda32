import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from "Media Analytics (heartbeats) parameter descriptions" (s:/l: keys on <ns>.hb.omtrdc.net) and
// the Media Collection API reference (<ns>.hb-api.omtrdc.net/api/v1/sessions[/<id>/events]).
const HB = 'https://acme.hb.omtrdc.net/';
const API = 'https://acme.hb-api.omtrdc.net/api/v1/sessions';

describe('adobe-heartbeat', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'start heartbeat',
      {
        url: `${HB}?s:event:type=start&l:event:playhead=0&s:event:sid=5b2e1c&s:sc:rsid=acmeprod&s:sc:tracking_server=acme.sc.omtrdc.net&s:asset:video_id=vid-42&s:asset:name=Mug%20care&l:asset:length=120&s:stream:type=vod&s:asset:type=main&s:user:mid=60928208215424158043296546543580384922`,
      },
      {
        event: 'start',
        account: 'acmeprod',
        params: {
          playhead: '0',
          session_id: '5b2e1c',
          video_id: 'vid-42',
          video_name: 'Mug care',
          video_length: '120',
          stream_type: 'vod',
          asset_type: 'main',
          ecid: '60928208215424158043296546543580384922',
        },
      },
    ],
    [
      'play heartbeat, keys percent-encoded',
      { url: `${HB}?s%3Aevent%3Atype=play&l%3Aevent%3Aplayhead=10&s%3Asc%3Arsid=acmeprod&s%3Aevent%3Asid=5b2e1c` },
      { event: 'play', account: 'acmeprod', params: { playhead: '10', session_id: '5b2e1c' } },
    ],
    [
      'session start, Media Collection API',
      {
        url: API,
        method: 'POST',
        body: JSON.stringify({
          playerTime: { playhead: 0, ts: 1763884800000 },
          eventType: 'sessionStart',
          params: {
            'analytics.reportSuite': 'acmeprod',
            'analytics.trackingServer': 'acme.sc.omtrdc.net',
            'media.id': 'vid-42',
            'media.name': 'Mug care',
            'media.length': 120,
            'media.contentType': 'VOD',
            'media.playerName': 'html5',
          },
        }),
      },
      {
        event: 'sessionStart',
        account: 'acmeprod',
        params: { playhead: '0', 'media.id': 'vid-42', 'media.name': 'Mug care', 'media.length': '120' },
      },
    ],
    [
      'event of a session',
      {
        url: `${API}/a1b2c3d4/events`,
        method: 'POST',
        body: '{"playerTime":{"playhead":35,"ts":1763884835000},"eventType":"pauseStart"}',
      },
      { event: 'pauseStart', params: { session_id: 'a1b2c3d4', playhead: '35' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-heartbeat', ...want }));

  it.each<HitRequest>([
    { url: `${HB}settings/config.json` },
    { url: 'https://acme.hb-api.omtrdc.net/api/v1/schemas/sessionStart' },
    { url: `https://shop.example/?s:event:type=play&s:sc:rsid=acmeprod` },
  ])('does not read $url as a heartbeat', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-heartbeat')).toEqual([]),
  );
});
