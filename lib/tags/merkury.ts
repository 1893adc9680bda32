import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Merkle Merkury (identity resolution). Each client serves the tag from a first-party CNAME, so no host names it:
// the path does, `GET https://<client tracking host>/tpTracking/loader/load.js?sv_cid=<client id>&url=<page>`.
// The loader is fetched on every page and resolves the visitor's Merkury ID (hmid) from there. Merkle does not
// publish the tag's request format; the path and the `sv_cid` client id are what the tag's own snippet carries.
// The loader is a script, but it is also the only request of the tag that the browser sees, and it carries the page
// and the client: it is read as the tag's hit, `identity_sync`. Read as a library load, every page with Merkury
// would be reported as "library loaded but never fires".

const LOADER = '/tpTracking/loader/load.js';
const NAMES: Readonly<Record<string, string>> = { url: 'page_url' };
const SKIP: ReadonlySet<string> = new Set(['sv_cid']);

export const merkury: TagDecoder = {
  vendor: 'merkury',
  anyHost: true,
  pathMarks: /^\/tpTracking\/loader\/load\.js$/,
  // Off every host but its own CNAMEs' loader path: dispatch asks it only when pathMarks find the loader.
  matches: (url) => url.pathname === LOADER,
  decode: (url, req): TagHit[] => {
    if (url.pathname !== LOADER) return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('merkury', read, {
        event: 'identity_sync',
        account: firstOf(read.fields, 'sv_cid'),
        names: NAMES,
        skip: SKIP,
      }),
    ];
  },
};
