import { domainIs, nameTable, parseForm, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Audience Manager: DIL (or a direct integration) sends event calls to the Data Collection Servers,
// `GET https://<domain alias>.demdex.net/event?<key>=<value>&…&d_dst=1&d_rtbd=json&d_cb=<callback>` ("Send Data to
// the DCS"; a POST carries the same pairs). Key prefixes (Supported Attributes for DCS API Calls): `c_` customer
// signals, `p_` private, `h_` header, `d_` Adobe's own (d_mid ECID, d_orgid, d_cid customer ids, d_uuid AAM user id,
// d_blob, d_nsid). The account is the domain alias Audience Manager assigns (`acme` in acme.demdex.net). ID syncs
// (`dpm.demdex.net/ibs:dpid=…`, the `dest5.html` iframe) are cookie syncs, not hits; `/id` belongs to the Experience
// Cloud ID service (adobe-ecid.ts). DIL itself is self-hosted or bundled into Launch, so it has no URL to recognise.

const D_NAMES = nameTable({
  d_mid: 'ecid',
  d_orgid: 'org_id',
  d_cid: 'customer_ids',
  d_cid_ic: 'customer_ids_integration_code',
  d_uuid: 'aam_uuid',
  d_blob: 'blob',
  d_nsid: 'namespace_id',
  d_ptfm: 'platform',
  d_dpid: 'data_provider_id',
  d_dpuuid: 'data_provider_user_id',
  d_coppa: 'coppa',
  d_caller: 'caller',
  d_ver: 'api_version',
  d_sid: 'trait_ids',
  d_tdpid: 'trait_source_ids',
});
/** Response options: how the DCS should answer, not data about the visitor. */
const RESPONSE_OPTIONS: ReadonlySet<string> = new Set(['d_dst', 'd_rtbd', 'd_cb', 'd_jsonv', 'd_ld', 'd_nse']);
/** Aliases of Adobe's own hosts, not an account. */
const NOT_ALIASES: ReadonlySet<string> = new Set(['dpm', 'cm', 'cdn']);

export const adobeAudienceManager: TagDecoder = {
  vendor: 'adobe-audience-manager',
  matches: (url) => url.pathname === '/event' && domainIs(url.hostname, 'demdex.net'),
  decode: (url, req): TagHit[] => {
    if (url.pathname !== '/event') return [];
    const host = url.hostname;
    const alias = host.slice(0, host.indexOf('.'));
    const fields =
      req.body?.includes('=') && !req.body.trimStart().startsWith('{')
        ? [queryOf(url), parseForm(req.body)]
        : [queryOf(url)];
    const params: Record<string, string> = {};
    for (const source of fields) {
      for (const [key, value] of source) if (!RESPONSE_OPTIONS.has(key)) params[D_NAMES[key] ?? key] = value;
    }
    const account = host !== 'demdex.net' && !NOT_ALIASES.has(alias) ? alias : undefined;
    return [{ vendor: 'adobe-audience-manager', event: 'event_call', account, params }];
  },
};
