import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Teads Universal Pixel. The base code sets `window.teads_buyer_pixel_id = <pixel id>` and loads
// `https://p.teads.tv/teads-fellow.js`; conversions are pushed as `teads_e.push({ conversionType: 'Purchase', price,
// currency })` with the conversion types Teads lists (pageView, AddToCart, AddToWishlist, CompleteRegistration,
// InitiateCheckout, Lead, Purchase, Search, ViewContent). Each is `https://t.teads.tv/track?action=<page|conversion>
// &buyer_pixel_id=<pixel id>&conversion_type=…&price=…&currency=…&tag_version=…`. The same /track endpoint counts the
// publisher-side ad events of Teads' video player (`action=start`, `pid`, no pixel id): only a request naming a
// buyer pixel is an advertiser's hit. Cookie syncs (`cm.teads.tv`, `sync.teads.tv`) are not hits.

const NAMES: Readonly<Record<string, string>> = {
  env: 'environment',
  tag_version: 'library_version',
  page_url: 'page_url',
};
const SKIP: ReadonlySet<string> = new Set(['buyer_pixel_id', 'action', 'conversion_type']);

export const teads: TagDecoder = {
  vendor: 'teads',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'p.teads.tv') return url.pathname === '/teads-fellow.js';
    return host === 't.teads.tv' && url.pathname === '/track';
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname === '/teads-fellow.js')
      return [{ vendor: 'teads', event: 'library_load', params: { script: 'teads-fellow.js' } }];
    if (url.pathname !== '/track') return [];
    const read = pixelFields(url, req);
    const pixel = firstOf(read.fields, 'buyer_pixel_id');
    if (pixel === undefined) return [];
    const action = firstOf(read.fields, 'action');
    const event = action === 'conversion' ? (firstOf(read.fields, 'conversion_type') ?? action) : action;
    return [pixelHit('teads', read, { event, account: pixel, names: NAMES, skip: SKIP })];
  },
};
