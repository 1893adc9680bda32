import { GOOGLE_CONSENT_NAMES, writeConsent } from './google-consent';
import { gtagScriptId, gtagScriptParams } from './gtm';
import { hostIs, queryOf, safeDecode } from './params';
import type { TagDecoder, TagHit } from './types';

// Floodlight (Campaign Manager 360 / Search Ads 360 / DV360 activity tags). The fields are `;`-separated in the
// path, not in the query:
//   https://ad.doubleclick.net/activity;src=1234567;type=group;cat=activity;ord=123;u1=…?       (gtag.js)
//   https://1234567.fls.doubleclick.net/activityi;src=1234567;type=group;cat=activity;ord=…?    (iframe tag)
//   https://ad.doubleclick.net/ddm/activity/src=1234567;type=group;cat=activity;ord=…?          (image tag)
// `src` is the advertiser (account DC-<src>), `type` the activity group, `cat` the activity — the hit's event.

const FLOODLIGHT_NAMES: Readonly<Record<string, string>> = {
  ...GOOGLE_CONSENT_NAMES,
  type: 'activity_group',
  cat: 'activity',
  qty: 'quantity',
  cost: 'revenue',
  dc_lat: 'limit_ad_tracking',
  dc_rdid: 'device_id',
  '~oref': 'page_location',
};

// Compiled once: /activity, /activityi, /activityj, with or without the /ddm prefix.
const ACTIVITY = /^\/(?:ddm\/)?activity[ij]?[;/]/;
/** Tags carry a dozen fields and up to a hundred u-variables; a path with thousands is not a Floodlight tag. */
const MAX_FIELDS = 300;

/** Most fields are plain (`cat=purch0`): skip the decoder, which costs more than the rest of the tag. */
function decodeField(text: string): string {
  return text.includes('%') || text.includes('+') ? safeDecode(text) : text;
}

function isActivity(url: URL): boolean {
  if (!hostIs(url, 'doubleclick.net')) return false;
  const host = url.hostname;
  return (host === 'ad.doubleclick.net' || host.endsWith('.fls.doubleclick.net')) && ACTIVITY.test(url.pathname);
}

export const floodlight: TagDecoder = {
  vendor: 'floodlight',
  anyHost: true,
  // Off its hosts: a gtag.js load (activity tags only go to its own hosts).
  pathMarks: /\/gtag\/(?:js|destination)$/,
  matches: (url) => isActivity(url) || gtagScriptId(url)?.startsWith('DC-') === true,
  decode: (url): TagHit[] => {
    const scriptId = gtagScriptId(url);
    if (scriptId !== undefined)
      return [{ vendor: 'floodlight', event: 'library_load', account: scriptId, params: gtagScriptParams(url) }];
    const fields: Record<string, string> = {};
    let count = 0;
    let cut = false;
    // Everything after the first `;` (or after /ddm/activity/) is a field list; the query, rarely used, too.
    const path = url.pathname;
    const prefix = ACTIVITY.exec(path);
    // A user-configured endpoint may proxy the tag under another path: its fields still follow the first `;`.
    const list = prefix ? path.slice(prefix[0].length) : path.slice(path.indexOf(';') + 1 || path.length);
    for (const pair of list.split(';')) {
      if (!pair) continue;
      if (++count > MAX_FIELDS) {
        cut = true;
        break;
      }
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      fields[decodeField(pair.slice(0, eq))] = decodeField(pair.slice(eq + 1));
    }
    for (const [key, value] of queryOf(url)) fields[key] ??= value;

    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'src') continue;
      params[FLOODLIGHT_NAMES[key] ?? key] = value;
    }
    writeConsent(params, fields.gcs, fields.gcd);
    const hit: TagHit = {
      vendor: 'floodlight',
      event: fields.cat || undefined,
      account: fields.src ? `DC-${fields.src}` : undefined,
      params,
    };
    const missing: string[] = [];
    if (!hit.account) missing.push('no advertiser (src)');
    if (!hit.event) missing.push('no activity (cat)');
    if (cut) missing.push(`more than ${MAX_FIELDS} fields: the rest were not read`);
    if (missing.length > 0) hit.partial = missing.join('; ');
    return [hit];
  },
};
