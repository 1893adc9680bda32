import { bodyFields, domainIs, nameTable, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Lytics. The JavaScript tag (jstag) sends collect calls to `https://c.lytics.io/c/<account id>[/<stream>]` — GET
// with the fields in the query, or POST with them as a form or JSON body — carrying the page (`url`, `_ref`, `_tz`,
// `_ul`, `_sz`), the visitor (`_uid`, `_nmob`, `_device`) and whatever `jstag.send()` was given. The docs describe
// the fields but not one that always names the event: `_e` is read when present (`pv` → page_view), then `event`,
// then `event_name`; a call with none is a `collect` (a page-level send). The account is the account id in the path.
// Library: `c.lytics.io/api/tag/<account id>/latest.min.js` (v3) or `c.lytics.io/static/io.min.js` (legacy).
// Profile fetches for personalisation (`api.lytics.io/api/entity/…`, `c.lytics.io/api/me/…`) are not hits.

const COLLECT = /^\/c\/([^/]+)(?:\/([^/]+))?\/?$/;
const LIBRARY = /^\/api\/tag\/([^/]+)\/[^/]+\.js$/;
const NAMES = nameTable({
  url: 'page_url',
  _ref: 'referrer',
  _uid: 'visitor_id',
  _tz: 'timezone',
  _ul: 'language',
  _sz: 'screen',
  _nmob: 'mobile',
  _device: 'device',
  _ts: 'timestamp',
  _e: 'event_code',
});
const EVENT_CODES = nameTable({ pv: 'page_view' });

export const lytics: TagDecoder = {
  vendor: 'lytics',
  matches: (url) => {
    if (!domainIs(url.hostname, 'lytics.io')) return false;
    const path = url.pathname;
    return COLLECT.test(path) || LIBRARY.test(path) || path === '/static/io.min.js' || path === '/static/io.js';
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const lib = LIBRARY.exec(path);
    if (lib)
      return [
        {
          vendor: 'lytics',
          event: 'library_load',
          account: lib[1],
          params: { script: path.slice(path.lastIndexOf('/') + 1) },
        },
      ];
    if (path.startsWith('/static/'))
      return [{ vendor: 'lytics', event: 'library_load', params: { script: path.slice(path.lastIndexOf('/') + 1) } }];
    const m = COLLECT.exec(path);
    if (!m) return [];
    const fields: Record<string, string> = {};
    for (const [key, value] of queryOf(url)) fields[key] = value;
    Object.assign(fields, bodyFields(req.body));
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) params[NAMES[key] ?? key] = value;
    if (m[2]) params.stream = m[2];
    const code = fields._e;
    const event = code !== undefined ? (EVENT_CODES[code] ?? code) : (fields.event ?? fields.event_name ?? 'collect');
    return [{ vendor: 'lytics', event, account: m[1], params }];
  },
};
