import { queryOf } from './params';
import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Brevo (formerly Sendinblue) tracker. The snippet sets `window.sib = { client_key: '<ma-key>' }` and loads
// `https://sibautomation.com/sa.js?key=<ma-key>`: the key is the account. Its four calls — `page`, `track`,
// `identify`, `trackLink` — are sent to `https://in-automate.brevo.com/p` (formerly `in-automate.sendinblue.com`)
// with the key and `sib_type` naming the call; Brevo does not document that request's other fields, so a track
// call's own name is read from `event` or `name` when present, and every field is kept under its own name.
// The documented REST form of the same tracker: `POST https://in-automate.brevo.com/api/v2/trackEvent` (JSON
// `{ email, event, properties, eventdata }`), `/api/v2/identify`, `/api/v2/trackLink` (`link`) and
// `/api/v2/trackPage` (`page`); its ma-key travels in a header, so those hits name no account.

const REST: Readonly<Record<string, string>> = {
  '/api/v2/trackEvent': 'track',
  '/api/v2/identify': 'identify',
  '/api/v2/trackLink': 'trackLink',
  '/api/v2/trackPage': 'page',
};
const NAMES: Readonly<Record<string, string>> = { sib_type: 'call', email_id: 'email' };
/** A track call's name is its event; any other call's `name` (a page's) stays a param. */
const SKIP: ReadonlySet<string> = new Set(['key']);
const SKIP_TRACK: ReadonlySet<string> = new Set(['key', 'event', 'name']);

function isTrackerHost(host: string): boolean {
  return host === 'in-automate.brevo.com' || host === 'in-automate.sendinblue.com';
}

export const brevo: TagDecoder = {
  vendor: 'brevo',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'sibautomation.com' || host === 'www.sibautomation.com') return url.pathname === '/sa.js';
    return isTrackerHost(host) && (url.pathname === '/p' || Object.hasOwn(REST, url.pathname));
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path === '/sa.js')
      return [{ vendor: 'brevo', event: 'library_load', account: queryOf(url).get('key') ?? undefined, params: {} }];
    const read = pixelFields(url, req);
    if (path === '/p') {
      const call = firstOf(read.fields, 'sib_type');
      const track = call === 'track' || call === undefined;
      const name = track ? firstOf(read.fields, 'event', 'name') : undefined;
      return [
        pixelHit('brevo', read, {
          event: name ?? call,
          account: firstOf(read.fields, 'key'),
          names: NAMES,
          skip: track ? SKIP_TRACK : SKIP,
        }),
      ];
    }
    const call = REST[path];
    if (call === undefined) return [];
    const event = call === 'track' ? (read.json.event ?? call) : call;
    return [pixelHit('brevo', read, { event, names: NAMES, skip: call === 'track' ? SKIP_TRACK : SKIP })];
  },
};
