import { hostIs, queryOf, withForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Meta Pixel: `GET|POST https://www.facebook.com/tr/?id=PIXEL&ev=EVENT&cd[key]=value…` (image or beacon).
const META_NAMES: Readonly<Record<string, string>> = {
  id: 'pixel_id',
  ev: 'event',
  dl: 'page_url',
  rl: 'referrer',
  ts: 'timestamp',
  sw: 'screen_width',
  sh: 'screen_height',
  v: 'library_version',
  r: 'release',
  eid: 'event_id',
  it: 'init_time',
  coo: 'cookies_off',
  es: 'event_source',
  ec: 'event_count',
  fbp: 'browser_id',
  fbc: 'click_id',
  cs_est: 'consent_estimated',
};
const SKIP: ReadonlySet<string> = new Set(['ev', 'id']);
/** What `.` does not match in a pattern: a key with one inside its brackets is not custom data. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The name inside `cd[name]` (or `ud[name]`), or undefined: the same keys /^cd\[(.+)\]$/ accepts, without a pattern per key. */
function bracketed(key: string, prefix: 'cd[' | 'ud['): string | undefined {
  if (key.length < 5 || !key.startsWith(prefix) || key.charCodeAt(key.length - 1) !== 93 /* ] */) return undefined;
  const inner = key.slice(3, -1);
  return LINE_BREAK.test(inner) ? undefined : inner;
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
    // The pixel sends the same fields as a form body when the URL would be too long.
    const all = withForm(queryOf(url), req.body);
    const params: Record<string, string> = {};
    // cd[value]=9.5 → value: custom data is what the advertiser sent; ud[em] are hashed user data. They come
    // first; the pixel's own fields follow under their human names.
    const pairs = all.pairs;
    const rest: number[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const key = pairs[i]!;
      const first = key.charCodeAt(0);
      const custom = first === 99 /* c */ ? bracketed(key, 'cd[') : undefined;
      const user = custom === undefined && first === 117 /* u */ ? bracketed(key, 'ud[') : undefined;
      if (custom !== undefined) params[custom] = pairs[i + 1]!;
      else if (user !== undefined) params[`user_data.${user}`] = pairs[i + 1]!;
      else rest.push(i);
    }
    for (const i of rest) {
      const key = pairs[i]!;
      if (!SKIP.has(key)) params[Object.hasOwn(META_NAMES, key) ? META_NAMES[key]! : key] = pairs[i + 1]!;
    }
    return [{ vendor: 'meta-pixel', event: all.get('ev') ?? undefined, account: all.get('id') ?? undefined, params }];
  },
};
