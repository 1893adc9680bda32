import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Vibes (mobile marketing) ecommerce tag. Its tracking calls go to `https://tagtracking.vibescm.com/track` (EU:
// `tagtracking.eu.vibes.com/track`): a click action for every page a visitor opens after an SMS campaign, and the
// product actions the tag documents (click, detail, add, remove, checkout, purchase) with revenue on the thank-you
// page. Vibes documents the actions, not the request's field names: the event is read from the first of `event`,
// `action`, `type` that is present, the account from `company_key` / `companyKey` / `key`, and every field is kept
// under its own name. A request to /track with none of them is still Vibes' tracking, with no event named.
// Vibes does not document where its tag's script is served from: no library load is claimed rather than a guessed
// one (a wrong guess would report "library loaded but never fires").

const EVENT_KEYS = ['event', 'action', 'type'] as const;
const ACCOUNT_KEYS = ['company_key', 'companyKey', 'key'] as const;
const SKIP: ReadonlySet<string> = new Set([...EVENT_KEYS, ...ACCOUNT_KEYS]);

function isVibesHost(host: string): boolean {
  return host === 'tagtracking.vibescm.com' || host === 'tagtracking.eu.vibes.com';
}

export const vibes: TagDecoder = {
  vendor: 'vibes',
  matches: (url) => {
    if (!isVibesHost(url.hostname)) return false;
    return url.pathname === '/track' || url.pathname === '/track/';
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname !== '/track' && url.pathname !== '/track/') return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('vibes', read, {
        event: firstOf(read.fields, ...EVENT_KEYS),
        account: firstOf(read.fields, ...ACCOUNT_KEYS),
        skip: SKIP,
      }),
    ];
  },
};
