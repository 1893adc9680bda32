import { domainIs, nameTable, type Query, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Comscore. The page tag (beacon.js, or Comscore's JavaScript tag) sends `GET https://sb.scorecardresearch.com/b?c1=2&
// c2=<client id>&cv=<tag version>&cs_ucfr=<consent>&c7=<page url>&c8=<title>&c9=<referrer>&…` (`/b2` and the older
// `/p`, `/p2` paths carry the same fields). c1 is the tag type: 2 for a page view (Comscore's Media Metrix census
// tag); other types are kept under their number because their documentation is not public. The streaming tag adds
// `ns_st_ev` (play, pause, end, hb) and `ns_st_*` clip fields: a hit named by its event. The account is c2, the
// Client ID Comscore assigns. Libraries: `sb.scorecardresearch.com/beacon.js`, `…/cs/<c2>/beacon.js`,
// `…/c2/<c2>/cs.js`.

const BEACON_PATHS: ReadonlySet<string> = new Set(['/b', '/b2', '/p', '/p2']);
const NAMES = nameTable({
  c7: 'page_url',
  c8: 'page_title',
  c9: 'referrer',
  cv: 'tag_version',
  cs_ucfr: 'consent',
  c3: 'c3',
  c4: 'c4',
  c5: 'c5',
  c6: 'c6',
  ns_st_ev: 'stream_event',
  ns_st_ci: 'content_id',
  ns_st_pt: 'playing_time',
  ns_st_cl: 'clip_length',
  ns_st_mp: 'player',
  ns_st_ty: 'content_type',
  ns_st_pn: 'part',
  ns_st_tp: 'total_parts',
  ns_st_pr: 'program_title',
  ns_st_ep: 'episode_title',
});
const SKIP: ReadonlySet<string> = new Set(['c1', 'c2', 'rn']);
const LIBRARY = /^\/(?:(?:cs|c2)\/([^/]+)\/)?(beacon\.js|cs\.js)$/;

function eventOf(fields: Query): string {
  const stream = fields.get('ns_st_ev');
  if (stream) return stream;
  const type = fields.get('c1');
  return type === '2' || type === null ? 'page_view' : `c1=${type}`;
}

export const comscore: TagDecoder = {
  vendor: 'comscore',
  matches: (url) => {
    if (!domainIs(url.hostname, 'scorecardresearch.com')) return false;
    const path = url.pathname;
    return (BEACON_PATHS.has(path) && queryOf(url).has('c2')) || LIBRARY.test(path);
  },
  decode: (url): TagHit[] => {
    const path = url.pathname;
    const lib = LIBRARY.exec(path);
    if (lib) return [{ vendor: 'comscore', event: 'library_load', account: lib[1], params: { script: lib[2]! } }];
    const fields = queryOf(url);
    const params: Record<string, string> = {};
    for (const [key, value] of fields) if (!SKIP.has(key)) params[NAMES[key] ?? key] = value;
    return [{ vendor: 'comscore', event: eventOf(fields), account: fields.get('c2') ?? undefined, params }];
  },
};
