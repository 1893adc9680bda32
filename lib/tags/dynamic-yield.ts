import { bodyFields, domainIs, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Dynamic Yield. The site loads `https://cdn.dynamicyield.com/api/<site id>/api_dynamic.js` and `…/api_static.js`
// (EU data centre: cdn-eu.dynamicyield.com): the site id is the account. Events a page reports with
// `DY.API('evt', {name, properties})` (and the automatic ones) are POSTed to `https://async-px.dynamicyield.com/dpx`
// (EU: async-px-eu); user interactions to `…/uia`. Dynamic Yield documents the JavaScript API and its event
// schemas (properties.dyType: add-to-cart-v1, purchase-v1, …), not this wire format, so both readings are tried:
// the event's `name` field (or `ev`), and its `dyType`; the site id is read from `sec` (section) when present. A
// request whose fields say neither is kept as an unnamed hit with its fields. Recommendation and variation fetches
// (`rcom.dynamicyield.com`, `direct.dy-api.com`) are content requests, not hits.

const LIBRARY = /^\/api\/(\d+)\/api_(?:dynamic|static)\.js$/;
const EVENT_PATHS: ReadonlySet<string> = new Set(['/dpx', '/uia']);

function isCollector(host: string): boolean {
  return host.startsWith('async-px') || host.startsWith('px');
}

export const dynamicYield: TagDecoder = {
  vendor: 'dynamic-yield',
  matches: (url) => {
    const host = url.hostname;
    if (!domainIs(host, 'dynamicyield.com')) return false;
    const path = url.pathname;
    return (isCollector(host) && EVENT_PATHS.has(path)) || LIBRARY.test(path);
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const lib = LIBRARY.exec(path);
    if (lib)
      return [
        {
          vendor: 'dynamic-yield',
          event: 'library_load',
          account: lib[1],
          params: { script: path.slice(path.lastIndexOf('/') + 1) },
        },
      ];
    if (!EVENT_PATHS.has(path)) return [];
    const params: Record<string, string> = {};
    for (const [key, value] of queryOf(url)) params[key] = value;
    Object.assign(params, bodyFields(req.body));
    const event = params.name ?? params.ev ?? params['properties.dyType'] ?? params.dyType;
    params.endpoint = path.slice(1);
    return [{ vendor: 'dynamic-yield', event, account: params.sec, params }];
  },
};
