import { hostIs, namedParams, parseForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Meta Pixel: `GET|POST https://www.facebook.com/tr/?id=PIXEL&ev=EVENT&cd[key]=value…` (image or beacon).
const META_NAMES: Record<string, string> = {
  id: 'pixel_id', ev: 'event', dl: 'page_url', rl: 'referrer', ts: 'timestamp', sw: 'screen_width',
  sh: 'screen_height', v: 'library_version', r: 'release', eid: 'event_id', it: 'init_time', coo: 'cookies_off',
  es: 'event_source', ec: 'event_count', fbp: 'browser_id', fbc: 'click_id', cs_est: 'consent_estimated',
};

function fields(query: URLSearchParams, body: string | undefined): URLSearchParams {
  // The pixel sends the same fields as a form body when the URL would be too long.
  if (!body) return query;
  const merged = new URLSearchParams(query);
  for (const [k, v] of parseForm(body)) merged.append(k, v);
  return merged;
}

export const metaPixel: TagDecoder = {
  vendor: 'meta-pixel',
  matches: (url) =>
    (hostIs(url, 'facebook.com') && /^\/tr\/?$/.test(url.pathname)) ||
    (url.hostname === 'connect.facebook.net' && /\/fbevents\.js$|\/signals\/config\//.test(url.pathname)),
  decode: (url, req): TagHit[] => {
    if (url.hostname === 'connect.facebook.net') {
      const id = /\/signals\/config\/(\d+)/.exec(url.pathname)?.[1];
      return [{ vendor: 'meta-pixel', event: 'library_load', account: id, params: {} }];
    }
    const all = fields(url.searchParams, req.body);
    const params: Record<string, string> = {};
    // cd[value]=9.5 → value: custom data is what the advertiser sent; ud[em] are hashed user data.
    const rest: Array<[string, string]> = [];
    for (const [key, value] of all) {
      const custom = /^cd\[(.+)\]$/.exec(key);
      const user = /^ud\[(.+)\]$/.exec(key);
      if (custom) params[custom[1]!] = value;
      else if (user) params[`user_data.${user[1]!}`] = value;
      else rest.push([key, value]);
    }
    Object.assign(params, namedParams(rest, META_NAMES, new Set(['ev', 'id'])));
    return [{ vendor: 'meta-pixel', event: all.get('ev') ?? undefined, account: all.get('id') ?? undefined, params }];
  },
};
