import { domainIs, namedParams, nameTable, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Experience Cloud ID service (VisitorAPI.js): asks the Data Collection Servers for the visitor's ECID,
// `GET https://dpm.demdex.net/id?d_visid_ver=<library version>&d_fieldgroup=MC&d_rtbd=json&d_ver=2&d_orgid=<org>@AdobeOrg&
// d_nsid=0&ts=…` (also the `/id/rd` redirect form); "Direct integration with the Experience Cloud Identity Service"
// documents the fields: d_orgid (the Experience Cloud Organization ID: the account), d_mid (the ECID once known),
// d_cid (customer ids, DPID%01DPUUID%01state), dcs_region, d_blob. One hit, `id_request`, per call: VisitorAPI.js
// makes it only when the ID is missing or due for refresh, so a page without one is normal. ID syncs
// (`/ibs:dpid=…`, `dest5.html`) are cookie syncs, not hits. The library is self-hosted or bundled into Launch, so it
// has no URL of its own to recognise.

const NAMES = nameTable({
  d_orgid: 'org_id',
  d_mid: 'ecid',
  d_cid: 'customer_ids',
  d_cid_ic: 'customer_ids_integration_code',
  d_visid_ver: 'library_version',
  d_fieldgroup: 'field_group',
  dcs_region: 'region',
  d_blob: 'blob',
  d_nsid: 'namespace_id',
  d_ver: 'api_version',
  d_coppa: 'coppa',
  d_cf: 'consent_flags',
});
const SKIP: ReadonlySet<string> = new Set(['d_rtbd', 'd_cb', 'ts', 'd_orgid']);

function isIdPath(path: string): boolean {
  return path === '/id' || path === '/id/' || path === '/id/rd';
}

export const adobeEcid: TagDecoder = {
  vendor: 'adobe-ecid',
  matches: (url) => isIdPath(url.pathname) && domainIs(url.hostname, 'demdex.net'),
  decode: (url): TagHit[] => {
    const query = queryOf(url);
    const params = namedParams(query, NAMES, SKIP);
    if (url.pathname === '/id/rd') params.redirect = 'true';
    return [{ vendor: 'adobe-ecid', event: 'id_request', account: query.get('d_orgid') ?? undefined, params }];
  },
};
