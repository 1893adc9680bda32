import { GOOGLE_CONSENT_NAMES, writeConsent } from './google-consent';
import { gtagScriptId, gtagScriptParams } from './gtm';
import { hostIs, queryOf, safeDecode } from './params';
import type { TagDecoder, TagHit } from './types';

// Google Ads (gtag.js with AW- ids, or the legacy conversion.js). The conversion id is in the path:
//   https://www.googleadservices.com/pagead/conversion/123456789/?label=AbC&value=10&currency_code=EUR  conversion
//   https://www.google.com/pagead/1p-conversion/123456789/?label=AbC…     the same conversion, first-party copy
//   https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?…&data=event%3Dadd_to_cart
//                                                                         remarketing (audience) ping
//   https://www.google.com/pagead/1p-user-list/123456789/?…              its first-party copy
//   https://www.google.com/ccm/collect?en=page_view&tid=AW-123456789&…    Google tag conversion measurement
// Every copy is decoded and says which it is in `endpoint`: the audit, not the decoder, decides what counts twice.
// The gtag event behind a ping (`purchase`, `add_to_cart`, `gtag.config`) is in `data=event=…;k=v` or `en`.

const ADS_NAMES: Readonly<Record<string, string>> = {
  ...GOOGLE_CONSENT_NAMES,
  label: 'conversion_label',
  currency_code: 'currency',
  oid: 'transaction_id',
  url: 'page_location',
  ref: 'page_referrer',
  tiba: 'page_title',
  dl: 'page_location',
  dr: 'page_referrer',
  dt: 'page_title',
  en: 'event_name',
  random: 'cache_buster',
};

type Endpoint = 'conversion' | '1p-conversion' | 'viewthroughconversion' | '1p-user-list';

// Compiled once; the id is the Ads account's conversion id (AW-<id>).
const PAGEAD = /^\/pagead\/(conversion|1p-conversion|viewthroughconversion|1p-user-list)\/([^/]+)\/?$/;
const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;
const NUMERIC = /^\d+$/;
const MAX_DESTINATIONS = 20;

function pagead(url: URL): { endpoint: Endpoint; id: string } | undefined {
  if (!url.pathname.startsWith('/pagead/')) return undefined;
  const m = PAGEAD.exec(url.pathname);
  if (!m) return undefined;
  const endpoint = m[1] as Endpoint;
  const host = url.hostname;
  const hostOk =
    endpoint === 'conversion'
      ? hostIs(url, 'googleadservices.com')
      : endpoint === 'viewthroughconversion'
        ? hostIs(url, 'doubleclick.net')
        : GOOGLE_HOST.test(host);
  return hostOk ? { endpoint, id: m[2]! } : undefined;
}

function isCcm(url: URL): boolean {
  return url.pathname === '/ccm/collect' && GOOGLE_HOST.test(url.hostname);
}

function isLegacyLibrary(url: URL): boolean {
  return (
    hostIs(url, 'googleadservices.com') &&
    (url.pathname === '/pagead/conversion.js' || url.pathname === '/pagead/conversion_async.js')
  );
}

/** Most values are plain: skip the decoder, which costs more than the rest of the ping. */
function decodeValue(text: string): string {
  return text.includes('%') || text.includes('+') ? safeDecode(text) : text;
}

/** `event=purchase;value=5;items=…` (already URL-decoded once) → event_name, value, … without overriding the URL's own fields. */
function writeData(params: Record<string, string>, data: string): void {
  for (const pair of data.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = decodeValue(pair.slice(0, eq));
    const name = key === 'event' ? 'event_name' : key;
    if (params[name] === undefined) params[name] = decodeValue(pair.slice(eq + 1));
  }
}

function readParams(url: URL): Record<string, string> {
  const params: Record<string, string> = {};
  let data: string | undefined;
  for (const [key, value] of queryOf(url)) {
    if (key === 'data') data = value;
    if (key === 'tid' || key === 'tids') continue;
    params[ADS_NAMES[key] ?? key] = value;
  }
  if (data) writeData(params, data);
  writeConsent(params, queryOf(url).get('gcs'), queryOf(url).get('gcd'));
  return params;
}

function decodePagead(url: URL, endpoint: Endpoint, id: string): TagHit[] {
  const params = readParams(url);
  params.endpoint = endpoint;
  const remarketing = endpoint === 'viewthroughconversion' || endpoint === '1p-user-list';
  const hit: TagHit = {
    vendor: 'google-ads',
    event: remarketing ? 'remarketing' : 'conversion',
    account: `AW-${id}`,
    params,
  };
  if (!NUMERIC.test(id)) hit.partial = `conversion id "${id}" in the path is not a number`;
  return [hit];
}

/** ccm/collect names its destinations in `tid=AW-…` or `tids=AW-1~AW-2`: one hit per Ads account. */
function decodeCcm(url: URL): TagHit[] {
  const q = queryOf(url);
  const ids = [q.get('tid') ?? '', ...(q.get('tids') ?? '').split('~')]
    .filter((id) => id.startsWith('AW-'))
    .slice(0, MAX_DESTINATIONS);
  const params = readParams(url);
  params.endpoint = 'ccm-collect';
  const event = q.get('en') || undefined;
  if (ids.length === 0)
    return [{ vendor: 'google-ads', event, params, partial: 'no Google Ads account (tid=AW-…) on the ping' }];
  return [...new Set(ids)].map((account, i) => ({
    vendor: 'google-ads',
    event,
    account,
    params: i === 0 ? params : Object.assign({}, params),
  }));
}

export const googleAds: TagDecoder = {
  vendor: 'google-ads',
  anyHost: true,
  // Off its hosts: google.<tld>'s /pagead/ and /ccm/collect copies, a gtag.js load.
  pathMarks: /^\/pagead\/|^\/ccm\/collect$|\/gtag\/(?:js|destination)$/,
  matches: (url) =>
    pagead(url) !== undefined || isCcm(url) || gtagScriptId(url)?.startsWith('AW-') === true || isLegacyLibrary(url),
  decode: (url): TagHit[] => {
    const scriptId = gtagScriptId(url);
    if (scriptId !== undefined)
      return [{ vendor: 'google-ads', event: 'library_load', account: scriptId, params: gtagScriptParams(url) }];
    if (isLegacyLibrary(url))
      return [{ vendor: 'google-ads', event: 'library_load', params: { script: url.pathname.slice(1) } }];
    const ping = pagead(url);
    if (ping) return decodePagead(url, ping.endpoint, ping.id);
    return decodeCcm(url);
  },
};
