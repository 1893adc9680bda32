import { flatten, isRecord, nameTable, parseJson, queryOf, readBody, withForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Pinterest Tag (tag id = `tid`, 26…): GET https://ct.pinterest.com/v3/?tid=TAG&event=checkout&ed={…}&pd={…}&ad={…}&cb=…
// - `ed` event data (value, currency, order_id, line_items…), `pd` partner data (em: hashed email, np…),
//   `ad` automatic data (loc, ref, if, sh, sw), each URL-encoded JSON — or bracket params (`ed[value]=…`) from
//   the <noscript> image. `event=init` is the base code's image; a hit without `event` is `pintrk('page')`.
// - /user/?tid=…&pd=… refreshes the user's (hashed) match data after a hit: a sync that accompanies the tag, not a
//   hit of its own (counting it would show each event twice).
// - Library: https://s.pinimg.com/ct/core.js (which loads /ct/lib/main.*.js).

const BRACKET = /^(ed|pd|ad)\[(.+)\]$/;
const BRACKET_JOIN = /\]\[/g;

const NAMES = nameTable({ cb: 'cache_buster', noscript: 'noscript', pin_unauth: 'unauth_id', dep: 'dependencies' });
const AUTO_NAMES = nameTable({
  loc: 'page_url',
  ref: 'referrer',
  if: 'in_iframe',
  sh: 'screen_height',
  sw: 'screen_width',
});

/** Where a key of each JSON field lands in params: event data as the advertiser named it, the rest prefixed. */
function target(field: string, key: string): string {
  if (field === 'ed') return key === 'np' ? 'partner_name' : key;
  if (field === 'ad') return AUTO_NAMES[key] ?? `auto_data.${key}`;
  return `partner_data.${key}`;
}

function isLibrary(url: URL): boolean {
  return url.hostname === 's.pinimg.com' && url.pathname.startsWith('/ct/') && url.pathname.endsWith('.js');
}

function endpoint(url: URL): 'v3' | undefined {
  if (url.hostname !== 'ct.pinterest.com') return undefined;
  const p = url.pathname;
  return p === '/v3/' || p === '/v3' ? 'v3' : undefined;
}

export const pinterest: TagDecoder = {
  vendor: 'pinterest',
  matches: (url) => endpoint(url) !== undefined || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) return [{ vendor: 'pinterest', event: 'library_load', params: {} }];
    const kind = endpoint(url);
    if (kind === undefined) return [];

    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const params: Record<string, string> = {};
    const unreadable: string[] = [];
    for (const [key, value] of fields) {
      if (key === 'tid' || key === 'event') continue;
      if (key === 'ed' || key === 'pd' || key === 'ad') {
        const json = parseJson(value);
        if (isRecord(json)) {
          for (const [k, v] of Object.entries(flatten(json))) params[target(key, k)] = v;
          continue;
        }
        if (value.trimStart().startsWith('{')) unreadable.push(key);
        params[key] = value;
        continue;
      }
      const bracket = BRACKET.exec(key);
      if (bracket) params[target(bracket[1]!, bracket[2]!.replace(BRACKET_JOIN, '.'))] = value;
      else params[NAMES[key] ?? key] = value;
    }
    if (body.kind === 'json') Object.assign(params, flatten(body.value));
    // The /user/ call may repeat an event the /v3/ call already sent: say which one this was.

    const hit: TagHit = {
      vendor: 'pinterest',
      event: fields.get('event') ?? undefined,
      account: fields.get('tid') ?? undefined,
      params,
    };
    if (body.kind === 'broken')
      hit.partial = 'body is not valid JSON (cut at the capture limit?): only the URL was read';
    else if (unreadable.length > 0) hit.partial = `${unreadable.join(', ')} is not valid JSON: kept as text`;
    return [hit];
  },
};
