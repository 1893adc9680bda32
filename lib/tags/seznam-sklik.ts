import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Seznam Sklik measuring scripts (napoveda.sklik.cz, "Měřicí skripty"). The page loads
// `https://c.seznam.cz/js/rc.js`; `rc.retargetingHit({ rtgId, category, itemId, pageType, consent })` sends
// `https://c.seznam.cz/retargeting?id=<retargeting id>&url=…&category=…&itemId=…&pageType=…&consent=…`, and
// `rc.conversionHit({ id, value, orderId, zboziType, zboziId, consent })` sends `https://c.seznam.cz/conv?id=
// <conversion id>&value=…&orderId=…&consent=…`. The older codes: `https://c.imedia.cz/checkConversion?c=<conversion
// id>&color=ffffff&v=<value>` and `https://c.imedia.cz/retargeting?id=<retargeting id>`. The account is the
// retargeting or conversion id; `ids` carries the visitor's identities (JSON) and is kept as sent.

const EVENTS: Readonly<Record<string, string>> = {
  '/retargeting': 'retargeting',
  '/conv': 'conversion',
  '/checkConversion': 'conversion',
};
const NAMES: Readonly<Record<string, string>> = { url: 'page_url', v: 'value', color: 'color' };
const SKIP: ReadonlySet<string> = new Set(['id', 'c']);

function isSklikHost(host: string): boolean {
  return host === 'c.seznam.cz' || host === 'c.imedia.cz';
}

export const seznamSklik: TagDecoder = {
  vendor: 'seznam-sklik',
  matches: (url) => isSklikHost(url.hostname) && (Object.hasOwn(EVENTS, url.pathname) || url.pathname === '/js/rc.js'),
  decode: (url, req): TagHit[] => {
    if (url.pathname === '/js/rc.js')
      return [{ vendor: 'seznam-sklik', event: 'library_load', params: { script: 'rc.js' } }];
    const event = Object.hasOwn(EVENTS, url.pathname) ? EVENTS[url.pathname] : undefined;
    if (event === undefined) return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('seznam-sklik', read, { event, account: firstOf(read.fields, 'id', 'c'), names: NAMES, skip: SKIP }),
    ];
  },
};
