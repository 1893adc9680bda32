import { firstOf, pixelFields, pixelHit, scriptName } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Sojern (travel advertising). The image pixel Sojern gives travel advertisers is
// `https://beacon.sojern.com/pixel/p/<pixel id>?f_v=v6_img&p_v=1&pt=<page type>&…` with the travel fields of its
// pixel specification (hotel: hpr property, hd1/hd2 check-in/out, hc1/hs1/hn1 city/state/country, hr rooms…;
// flight: fd1/fd2 dates, fa1/fa2 airports, fc service class…; hashed e-mails md5_eml/sha1_eml/sha256_eml). The
// JavaScript version loads `https://static.sojern.com/sdk/latest/sojern.min.js` (and `utils/sjrn_autocx.js`) and
// sends the same fields, naming the pixel as `pixelId` when it is not in the path. The event is the page type
// (`pt`: HOME_PAGE, PRODUCT, SEARCH, SHOPPING_CART, TRACKING for conversions…) or, when sent, the event type `et`.

const PIXEL_PATH = /^\/pixel\/p\/(\d+)\/?$/;
const NAMES: Readonly<Record<string, string>> = {
  f_v: 'pixel_format',
  p_v: 'pixel_version',
  pc: 'page_category',
  pn: 'product_name',
  pname: 'page_name',
  pgid: 'page_id',
  ppot: 'purpose_of_travel',
  t: 'travelers',
  tad: 'adults',
  tch: 'children',
  ffl: 'loyalty_status',
  md5_eml: 'hashed_email_md5',
  sha1_eml: 'hashed_email_sha1',
  sha256_eml: 'hashed_email_sha256',
  hpr: 'hotel_property',
  hpid: 'hotel_property_id',
  hb: 'hotel_brand',
  hd1: 'check_in',
  hd2: 'check_out',
  hd: 'nights',
  hc1: 'hotel_city',
  hs1: 'hotel_state',
  hn1: 'hotel_country',
  hr: 'rooms',
  hc: 'room_type',
  hcu: 'currency',
  hp: 'price',
  hsr: 'star_rating',
  fd1: 'departure_date',
  fd2: 'return_date',
  fa1: 'origin_airport',
  fa2: 'destination_airport',
  fc: 'service_class',
  fow: 'one_way',
  cd1: 'cruise_departure_date',
  cd2: 'cruise_return_date',
  cf: 'confirmation_number',
  tp: 'total_price',
};
const SKIP: ReadonlySet<string> = new Set(['pixelId', 'pt', 'et']);

export const sojern: TagDecoder = {
  vendor: 'sojern',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'static.sojern.com') return url.pathname.endsWith('.js');
    return host === 'beacon.sojern.com' && url.pathname.startsWith('/pixel/');
  },
  decode: (url, req): TagHit[] => {
    if (url.hostname === 'static.sojern.com')
      return [{ vendor: 'sojern', event: 'library_load', params: { script: scriptName(url.pathname) } }];
    if (!url.pathname.startsWith('/pixel/')) return [];
    const read = pixelFields(url, req);
    const account = PIXEL_PATH.exec(url.pathname)?.[1] ?? firstOf(read.fields, 'pixelId');
    return [pixelHit('sojern', read, { event: firstOf(read.fields, 'et', 'pt'), account, names: NAMES, skip: SKIP })];
  },
};
