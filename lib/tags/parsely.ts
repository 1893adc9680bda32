import { domainIs, flatten, nameTable, parseJson, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Parse.ly. The tracker (p.js) sends pixel requests `GET https://p1.parsely.com/px/?rand=…&idsite=<site id>&url=<page>&
// urlref=<referrer>&screen=…&data=<JSON of custom data>&title=…&date=…&action=<action>` (the newer endpoint is
// `https://srv.pixel.parsely.com/plogger/?…` with the same fields). `action` names the hit: pageview, heartbeat
// (engaged time: `inc` seconds), videostart, vheartbeat, conversion. The account is `idsite`, the Site ID (the
// site's API key, usually its domain). Library: `cdn.parsely.com/keys/<site id>/p.js`; `config.parsely.com/config/…`
// is configuration, not a hit.

const PIXEL_PATHS: ReadonlySet<string> = new Set(['/px/', '/px', '/plogger/', '/plogger']);
const NAMES = nameTable({
  url: 'page_url',
  urlref: 'referrer',
  title: 'page_title',
  inc: 'engaged_seconds',
  tt: 'total_engaged_ms',
  pvid: 'pageview_id',
  sid: 'session_id',
  u: 'visitor_id',
  screen: 'screen',
  date: 'date',
});
const SKIP: ReadonlySet<string> = new Set(['idsite', 'action', 'rand', 'data']);
const LIBRARY = /^\/keys\/([^/]+)\/p\.js$/;

export const parsely: TagDecoder = {
  vendor: 'parsely',
  matches: (url) => {
    if (!domainIs(url.hostname, 'parsely.com')) return false;
    const path = url.pathname;
    return (PIXEL_PATHS.has(path) && queryOf(url).has('idsite')) || LIBRARY.test(path);
  },
  decode: (url): TagHit[] => {
    const lib = LIBRARY.exec(url.pathname);
    if (lib) return [{ vendor: 'parsely', event: 'library_load', account: lib[1], params: { script: 'p.js' } }];
    const fields = queryOf(url);
    const params: Record<string, string> = {};
    for (const [key, value] of fields) if (!SKIP.has(key)) params[NAMES[key] ?? key] = value;
    const data = fields.get('data');
    if (data) {
      const json = parseJson(data);
      if (json !== undefined) flatten(json, 'data', params);
      else params.data = data;
    }
    return [
      {
        vendor: 'parsely',
        event: fields.get('action') ?? undefined,
        account: fields.get('idsite') ?? undefined,
        params,
      },
    ];
  },
};
