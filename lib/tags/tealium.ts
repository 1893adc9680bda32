import { domainIs, flatten, isRecord, parseForm, parseJson, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Tealium iQ is a tag manager: the page loads `https://tags.tiqcdn.com/utag/<account>/<profile>/<env>/utag.js` (and
// `utag.sync.js` in the head); the path's /utag/<account>/<profile>/<env>/ structure also identifies a first-party
// copy. Tealium's own event data goes to Tealium Collect: `GET|POST https://collect.tealiumiq.com/event` (regional
// `collect-<region>.tealiumiq.com`) with `tealium_account`, `tealium_profile`, `tealium_event`,
// `tealium_datasource`, `tealium_visitor_id` and custom attributes, as query, form or JSON body; `/bulk-event`
// carries several; the older Collect tag sends `https://datacloud.tealiumiq.com/<account>/<profile>/2/i.gif?…`.
// The account is `<account>/<profile>`: an account has one profile per site or app.

const UTAG = /\/utag\/([^/]+)\/([^/]+)\/([^/]+)\/(utag(?:\.sync)?\.js)$/;

const NAMES: Readonly<Record<string, string>> = {
  tealium_datasource: 'datasource',
  tealium_visitor_id: 'visitor_id',
  tealium_trace_id: 'trace_id',
  tealium_session_id: 'session_id',
  tealium_environment: 'environment',
};
const HANDLED: ReadonlySet<string> = new Set(['tealium_account', 'tealium_profile', 'tealium_event']);

function isCollect(url: URL, path: string): boolean {
  return (
    (path.endsWith('/event') || path.endsWith('/bulk-event') || path.endsWith('/i.gif')) &&
    domainIs(url.hostname, 'tealiumiq.com')
  );
}

function hitOf(fields: Record<string, string>, pathAccount: string | undefined): TagHit {
  const account = fields.tealium_account;
  const profile = fields.tealium_profile;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!HANDLED.has(key)) params[NAMES[key] ?? key] = value;
  }
  return {
    vendor: 'tealium',
    event: fields.tealium_event,
    account: account ? (profile ? `${account}/${profile}` : account) : pathAccount,
    params,
  };
}

/** `/<account>/<profile>/2/i.gif`: the older Collect tag names the account in the path. */
function accountFromPath(pathname: string): string | undefined {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 4 && parts[3] === 'i.gif' && parts[0] !== 'vdata') return `${parts[0]}/${parts[1]}`;
  return undefined;
}

export const tealium: TagDecoder = {
  vendor: 'tealium',
  anyHost: true,
  // Off its hosts: a self-hosted utag.js.
  pathMarks: /\/utag\//,
  matches: (url) => {
    const path = url.pathname;
    return isCollect(url, path) || (path.endsWith('.js') && path.includes('/utag/') && UTAG.test(path));
  },
  decode: (url, req): TagHit[] => {
    if (!isCollect(url, url.pathname)) {
      const m = UTAG.exec(url.pathname);
      if (!m) return [];
      const [, account, profile, env, script] = m;
      return [
        {
          vendor: 'tealium',
          event: 'library_load',
          account: `${account}/${profile}`,
          params: { environment: env ?? '', script: script ?? '' },
        },
      ];
    }
    const pathAccount = accountFromPath(url.pathname);
    const query: Record<string, string> = Object.fromEntries(queryOf(url));
    const body = req.body?.trimStart();
    if (body?.startsWith('{') || body?.startsWith('[')) {
      const json = parseJson(body);
      if (json === undefined) {
        return [{ ...hitOf(query, pathAccount), partial: 'the body is not valid JSON (truncated?)' }];
      }
      if (isRecord(json) && Array.isArray(json.events)) {
        const shared = isRecord(json.shared) ? flatten(json.shared) : {};
        return json.events.map((e) => hitOf({ ...query, ...shared, ...(isRecord(e) ? flatten(e) : {}) }, pathAccount));
      }
      const events = Array.isArray(json) ? json : [json];
      return events.map((e) => hitOf({ ...query, ...(isRecord(e) ? flatten(e) : {}) }, pathAccount));
    }
    const fields = { ...query };
    if (body) for (const [k, v] of parseForm(body)) fields[k] = v;
    const hit = hitOf(fields, pathAccount);
    return [hit];
  },
};
