import { domainIs, flatten, isRecord, parseJson, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Hotjar: the snippet loads `https://static.hotjar.com/c/hotjar-<site id>.js?sv=6`, which loads
// `script.hotjar.com/modules.<hash>.js`. Each page view POSTs `https://in.hotjar.com/api/v2/client/sites/<site id>/
// visit-data?sv=6` (JSON: user_id, is_vpv for virtual page views, r_value/rec_value sampling). Recordings stream over
// a websocket (invisible here: not http) or POST to `ws*.hotjar.com/api/v2/sites/<site id>/recordings/content`.
// Other `…/sites/<id>/<feature>/…` calls (surveys, feedback) are named by their feature segment.

const SITE_PATH = /^\/api\/v\d+\/(?:client\/)?sites\/(\d+)\/([^/]+)/;
const LIBRARY = /^\/c\/hotjar-(\d+)\.js$/;

const VISIT_NAMES: Readonly<Record<string, string>> = {
  is_vpv: 'virtual_page_view',
  user_id: 'user_id',
  r_value: 'sample_rate',
  rec_value: 'recording_sample_rate',
  session_only: 'session_only',
};

function featureEvent(feature: string): string {
  if (feature === 'visit-data') return 'page_view';
  if (feature === 'recordings') return 'recording';
  return feature;
}

export const hotjar: TagDecoder = {
  vendor: 'hotjar',
  matches: (url) => {
    const host = url.hostname;
    if (!domainIs(host, 'hotjar.com')) return false;
    return host === 'static.hotjar.com' || host === 'script.hotjar.com' || url.pathname.startsWith('/api/');
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (url.hostname === 'static.hotjar.com') {
      const id = LIBRARY.exec(path)?.[1];
      if (id === undefined) return [];
      const params: Record<string, string> = {};
      const sv = queryOf(url).get('sv');
      if (sv) params.snippet_version = sv;
      return [{ vendor: 'hotjar', event: 'library_load', account: id, params }];
    }
    if (url.hostname === 'script.hotjar.com') {
      if (!path.endsWith('.js')) return [];
      return [{ vendor: 'hotjar', event: 'library_load', params: { script: path.slice(path.lastIndexOf('/') + 1) } }];
    }
    const match = SITE_PATH.exec(path);
    if (!match) return [];
    const [, site, feature = ''] = match;
    const hit: TagHit = { vendor: 'hotjar', event: featureEvent(feature), account: site, params: {} };
    if (feature === 'visit-data' && req.body) {
      const json = parseJson(req.body);
      if (isRecord(json)) {
        for (const [key, value] of Object.entries(flatten(json))) hit.params[VISIT_NAMES[key] ?? key] = value;
      } else {
        hit.partial = 'the visit body is not JSON (truncated or not text)';
      }
    }
    return [hit];
  },
};
