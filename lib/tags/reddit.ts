import { flatten, namedParams, nameTable, queryOf, readBody, withForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Reddit Pixel (account = `id`, a2_… or t2_…):
// GET https://alb.reddit.com/rp.gif?ts=…&id=a2_xxx&event=PageVisit|ViewContent|Search|AddToCart|AddToWishlist|
//   Purchase|Lead|SignUp|Custom&m.customEventName=…&m.itemCount=…&m.value=…&m.currency=…&uuid=…&integration=…
// The pixel sends every field of its template, empty when unset; empty ones are dropped so that a plan asking
// whether `value` exists gets a true answer. /rp (no .gif) takes the same fields as a form POST.
// Library: https://www.redditstatic.com/ads/pixel.js, then the account's config from
// pixel-config.reddit.com/pixels/<id>/config (or redditstatic.com/ads/conversions-config/…/config/<id>).

const PATHS: ReadonlySet<string> = new Set(['/rp.gif', '/rp']);
const PIXEL_CONFIG = /^\/pixels\/([^/]+)/;
const STATIC_CONFIG = /\/config\/([^/_]+_[^/_]+)/;

const NAMES = nameTable({
  'm.customEventName': 'custom_event_name',
  'm.itemCount': 'item_count',
  'm.value': 'value',
  'm.valueDecimal': 'value_decimal',
  'm.currency': 'currency',
  'm.transactionId': 'transaction_id',
  'm.products': 'products',
  'm.conversionId': 'conversion_id',
  uuid: 'browser_id',
  em: 'hashed_email',
  pn: 'hashed_phone',
  ts: 'timestamp',
  sh: 'screen_height',
  sw: 'screen_width',
  v: 'library_version',
  dpm: 'data_processing_mode',
  dpcc: 'data_processing_country',
  dprc: 'data_processing_region',
});
const SKIP: ReadonlySet<string> = new Set(['id', 'event']);

function libraryAccount(url: URL): string | undefined {
  if (url.hostname === 'pixel-config.reddit.com') return PIXEL_CONFIG.exec(url.pathname)?.[1];
  return queryOf(url).get('pixel_id') ?? STATIC_CONFIG.exec(url.pathname)?.[1];
}

function isLibrary(url: URL): boolean {
  if (url.hostname === 'pixel-config.reddit.com') return PIXEL_CONFIG.test(url.pathname);
  return url.hostname === 'www.redditstatic.com' && url.pathname.startsWith('/ads/');
}

function isHit(url: URL): boolean {
  return url.hostname === 'alb.reddit.com' && PATHS.has(url.pathname);
}

export const reddit: TagDecoder = {
  vendor: 'reddit',
  matches: (url) => isHit(url) || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) return [{ vendor: 'reddit', event: 'library_load', account: libraryAccount(url), params: {} }];
    if (!isHit(url)) return [];
    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const entries: Array<[string, string]> = [];
    for (const entry of fields) if (entry[1] !== '') entries.push(entry);
    if (body.kind === 'json')
      for (const entry of Object.entries(flatten(body.value))) if (entry[1] !== '') entries.push(entry);
    const params = namedParams(entries, NAMES, SKIP);
    const get = (key: string): string | undefined => entries.findLast(([k]) => k === key)?.[1];
    const event = get('event');
    // rdt('track', 'Custom', { customEventName }) is the advertiser's own event: its name is the one plans use.
    const custom = event === 'Custom' ? params.custom_event_name : undefined;
    const hit: TagHit = { vendor: 'reddit', event: custom ?? event, account: get('id'), params };
    if (body.kind === 'broken')
      hit.partial = 'body is not valid JSON (cut at the capture limit?): only the URL was read';
    return [hit];
  },
};
