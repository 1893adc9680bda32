import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Demandbase. The tag loads `https://tag.demandbase.com/<tag id>.min.js`. Each page view is the documented IP-API
// call that identifies the visitor's company: `GET https://api.company-target.com/api/v2/ip.json` (or `.js`, `.xml`;
// v3 the same) with `auth` (the Demandbase API key: the account; older tags send it as `key`), `page` (URL),
// `page_title`, `referrer`, `callback` / `var` for the JavaScript form. Cookie syncs (`s.company-target.com`) and
// the marketing site are not hits.

const TAG = /^\/([^/]+?)\.min\.js$/;
const IP_API = /^\/api\/v\d+\/ip\.(?:json|js|xml)$/;
const NAMES: Readonly<Record<string, string>> = { page: 'page_url', src: 'called_from' };
const SKIP: ReadonlySet<string> = new Set(['auth', 'key', 'callback', 'var']);

function omit(fields: Record<string, string>, ...keys: string[]): Record<string, string> {
  const out = { ...fields };
  for (const key of keys) delete out[key];
  return out;
}

export const demandbase: TagDecoder = {
  vendor: 'demandbase',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'tag.demandbase.com') return TAG.test(url.pathname);
    if (host === 'et.company-target.com') return url.pathname === '/events/' || url.pathname === '/events';
    return host === 'api.company-target.com' && IP_API.test(url.pathname);
  },
  decode: (url, req): TagHit[] => {
    if (url.hostname === 'tag.demandbase.com') {
      const id = TAG.exec(url.pathname)?.[1];
      return id ? [{ vendor: 'demandbase', event: 'library_load', account: id, params: {} }] : [];
    }
    const read = pixelFields(url, req);
    const account = firstOf(read.fields, 'auth', 'key') ?? read.json.auth ?? read.json.key;
    if (url.hostname === 'et.company-target.com') {
      return [
        pixelHit(
          'demandbase',
          { ...read, json: omit(read.json, 'type') },
          { event: read.json.type, account, names: NAMES, skip: SKIP },
        ),
      ];
    }
    if (!IP_API.test(url.pathname)) return [];
    return [
      pixelHit(
        'demandbase',
        { ...read, json: omit(read.json, ...SKIP) },
        { event: 'ip_lookup', account, names: NAMES, skip: SKIP },
      ),
    ];
  },
};
