import {
  domainIs,
  flatten,
  isRecord,
  nameTable,
  parseForm,
  type Query,
  queryOf,
  readBody,
  str,
  unreadJsonReason,
} from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Heartbeat (Media Analytics). The Media SDK for JavaScript sends heartbeats as
// `GET https://<namespace>.hb.omtrdc.net/?s:event:type=<type>&l:event:playhead=…&s:sc:rsid=<report suite>&
// s:asset:video_id=…&s:event:sid=<session>&…` ("Media Analytics (heartbeats) parameter descriptions": s: strings,
// l: longs, h: hashes; types start, play, pause, buffer, complete, chapter_start, chapter_complete, aa_start, end,
// bitrate_change, stall, resume). The Media Collection API is its REST form on `<namespace>.hb-api.omtrdc.net`:
// `POST /api/v1/sessions` with `{playerTime: {playhead, ts}, eventType: 'sessionStart', params: {'analytics.reportSuite',
// 'media.id', 'media.name', …}, customMetadata, qoeData}`, then `POST /api/v1/sessions/<session id>/events` with the
// same shape (play, ping, bufferStart, pauseStart, adStart, chapterStart, sessionComplete, sessionEnd, …). The account
// is the Analytics report suite, which only the session start and legacy heartbeats carry. MediaSDK.js is self-hosted
// or bundled into Launch, so it has no URL of its own to recognise.

const LEGACY_NAMES = nameTable({
  's:event:type': 'event_type',
  'l:event:playhead': 'playhead',
  's:event:sid': 'session_id',
  'l:event:duration': 'duration',
  'l:event:ts': 'timestamp',
  'l:event:prev_ts': 'previous_timestamp',
  's:asset:video_id': 'video_id',
  's:asset:name': 'video_name',
  'l:asset:length': 'video_length',
  'l:asset:duration': 'video_length',
  's:asset:type': 'asset_type',
  's:stream:type': 'stream_type',
  's:asset:publisher': 'publisher',
  's:user:mid': 'ecid',
  's:user:aid': 'analytics_visitor_id',
  's:user:id': 'visitor_id',
  's:sc:tracking_server': 'tracking_server',
  's:sp:player_name': 'player_name',
  's:sp:channel': 'channel',
  's:sp:sdk': 'sdk_version',
  's:asset:ad_id': 'ad_id',
  's:asset:ad_name': 'ad_name',
  's:asset:pod_id': 'ad_break_id',
  's:stream:chapter_name': 'chapter_name',
});
const SESSION_PATH = /^\/api\/v1\/sessions(?:\/([^/]+)\/events)?\/?$/;

function legacyHit(fields: Query): TagHit {
  const params: Record<string, string> = {};
  for (const [key, value] of fields) {
    if (key === 's:sc:rsid' || key === 's:event:type') continue;
    params[LEGACY_NAMES[key] ?? key] = value;
  }
  return {
    vendor: 'adobe-heartbeat',
    event: fields.get('s:event:type') ?? undefined,
    account: fields.get('s:sc:rsid') ?? undefined,
    params,
  };
}

function collectionHit(json: unknown, sessionId: string | undefined): TagHit {
  const params: Record<string, string> = {};
  if (sessionId) params.session_id = sessionId;
  if (!isRecord(json)) return { vendor: 'adobe-heartbeat', params, partial: 'the body is not a JSON object' };
  if (isRecord(json.playerTime)) {
    const playhead = str(json.playerTime.playhead);
    if (playhead !== undefined) params.playhead = playhead;
  }
  for (const key of ['params', 'customMetadata', 'qoeData'] as const) {
    if (isRecord(json[key])) Object.assign(params, flatten(json[key]));
  }
  const account = params['analytics.reportSuite'];
  return { vendor: 'adobe-heartbeat', event: str(json.eventType), account, params };
}

export const adobeHeartbeat: TagDecoder = {
  vendor: 'adobe-heartbeat',
  matches: (url) => {
    const host = url.hostname;
    if (domainIs(host, 'hb-api.omtrdc.net')) return url.pathname.startsWith('/api/v1/sessions');
    if (!domainIs(host, 'hb.omtrdc.net')) return false;
    // Colons are legal in a query; an SDK that percent-encodes them sends the same keys.
    const search = url.search;
    return (
      search.includes('s:event:type=') || search.includes('s%3Aevent%3Atype=') || search.includes('s%3aevent%3atype=')
    );
  },
  decode: (url, req): TagHit[] => {
    if (!domainIs(url.hostname, 'hb-api.omtrdc.net')) {
      const body = req.body?.includes('s:event:type=') ? parseForm(req.body) : undefined;
      if (!body) return [legacyHit(queryOf(url))];
      return [legacyHit(queryOf(url).concat(body))];
    }
    const m = SESSION_PATH.exec(url.pathname);
    if (!m) return [];
    const body = readBody(req.body);
    if (body.kind !== 'json') {
      const partial = unreadJsonReason(body);
      return [
        {
          vendor: 'adobe-heartbeat',
          event: m[1] ? undefined : 'sessionStart',
          params: m[1] ? { session_id: m[1] } : {},
          partial,
        },
      ];
    }
    return [collectionHit(body.value, m[1])];
  },
};
