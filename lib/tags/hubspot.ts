import { domainIs, isRecord, namedParams, parseJson, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// HubSpot: the tracking code loads `https://js.hs-scripts.com/<hub id>.js` (regional `js-eu1.hs-scripts.com`), which
// loads `js.hs-analytics.net/analytics/<build>/<hub id>.js` and the cookie banner `js.hs-banner.com/v2/<hub id>/
// banner.js`. It reports through GET beacons to `track.hubspot.com` (or `track-eu1.hubspot.com`): `/__ptq.gif` a
// page view, `/__ptbe.gif` a custom behavioral event (name in `n`, properties as `_<name>`), `/__ptc.gif` a click
// on a tracked element. Shared fields: `a` hub id (the account), `pu` page URL, `t` title, `r` referrer, `vi`
// visitor id, `k` the hit kind. Form submissions: `forms.hubspot.com/uploads/form/v2/<hub id>/<form guid>`,
// `api.hsforms.com/submissions/v3/integration/submit/<hub id>/<form guid>`,
// `forms.hsforms.com/submissions/v3/public/submit/formsnext/multipart/<hub id>/<form guid>`, and non-HubSpot forms
// scraped by collected forms: `POST forms.hscollectedforms.net/collected-forms/submit/form` (JSON with portalId).

const BEACON_NAMES: Readonly<Record<string, string>> = {
  pu: 'page_url',
  t: 'page_title',
  r: 'referrer',
  vi: 'visitor_id',
  k: 'hit_kind',
  cts: 'timestamp',
  v: 'tracker_version',
  lang: 'language',
  sd: 'screen',
  cd: 'color_depth',
  bu: 'blog_url',
  bvt: 'view_type',
  pi: 'page_id',
  ce: 'cookie_enabled',
};
const BEACON_SKIP: ReadonlySet<string> = new Set(['a', 'n']);
const BEACON_EVENTS: Readonly<Record<string, string>> = { '/__ptq.gif': 'page_view', '/__ptc.gif': 'click' };

const PORTAL_FORM = /\/(\d+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const SCRIPT_ID = /^\/(\d+)\.js$/;
const ANALYTICS_ID = /^\/analytics\/\d+\/(\d+)\.js$/;
const BANNER_ID = /^\/(?:v2\/)?(\d+)\/banner\.js$/;

function isTracker(host: string, path: string): boolean {
  return path.startsWith('/__pt') && path.endsWith('.gif') && host.startsWith('track') && domainIs(host, 'hubspot.com');
}

function isFormHost(host: string): boolean {
  return (
    domainIs(host, 'hsforms.com') ||
    (host.startsWith('forms') && (domainIs(host, 'hubspot.com') || domainIs(host, 'hscollectedforms.net')))
  );
}

function library(host: string, path: string): TagHit | undefined {
  let account: string | undefined;
  let script: string | undefined;
  if (domainIs(host, 'hs-scripts.com')) [account, script] = [SCRIPT_ID.exec(path)?.[1], 'hs-scripts'];
  else if (domainIs(host, 'hs-analytics.net')) [account, script] = [ANALYTICS_ID.exec(path)?.[1], 'hs-analytics'];
  else if (domainIs(host, 'hs-banner.com')) [account, script] = [BANNER_ID.exec(path)?.[1], 'hs-banner'];
  else if (domainIs(host, 'hsforms.net') && path.startsWith('/forms/')) script = 'forms';
  else if (domainIs(host, 'hscollectedforms.net') && host.startsWith('js')) script = 'collected-forms';
  if (script === undefined || !path.endsWith('.js')) return undefined;
  return { vendor: 'hubspot', event: 'library_load', account, params: { script } };
}

function beacon(url: URL): TagHit {
  const query = queryOf(url);
  const params: Record<string, string> = {};
  const rest: Array<[string, string]> = [];
  for (const [key, value] of query) {
    // `_<name>` are a behavioral event's own properties; `_hs_*` are HubSpot's description of a clicked element.
    if (key.startsWith('_') && !key.startsWith('_hs')) params[key.slice(1)] = value;
    else rest.push([key, value]);
  }
  Object.assign(params, namedParams(rest, BEACON_NAMES, BEACON_SKIP));
  const path = url.pathname;
  const event = path === '/__ptbe.gif' ? (query.get('n') ?? undefined) : BEACON_EVENTS[path];
  const hit: TagHit = { vendor: 'hubspot', event, account: query.get('a') ?? undefined, params };
  if (event === undefined) params.beacon = path.slice(1);
  return hit;
}

function formSubmission(url: URL, body: string | undefined): TagHit {
  const match = PORTAL_FORM.exec(url.pathname);
  const params: Record<string, string> = {};
  let account = match?.[1];
  if (match?.[2]) params.form_id = match[2];
  const json = parseJson(body);
  if (isRecord(json)) {
    // Field values are what the visitor typed: the form id and the page are what the audit needs.
    const context = isRecord(json.context) ? json.context : json;
    const page = str(context.pageUri) ?? str(context.pageUrl);
    const title = str(context.pageName) ?? str(context.pageTitle);
    if (page !== undefined) params.page_url = page;
    if (title !== undefined) params.page_title = title;
    account ??= str(json.portalId);
    const selector = str(json.formSelectorId) ?? str(json.formSelectorClasses);
    if (selector !== undefined) params.form_selector = selector;
  }
  return { vendor: 'hubspot', event: 'form_submission', account, params };
}

export const hubspot: TagDecoder = {
  vendor: 'hubspot',
  matches: (url) => {
    const host = url.hostname;
    // Every HubSpot host is under one of these: everything else is rejected before the path is read.
    if (!host.startsWith('track') && !host.startsWith('js') && !host.startsWith('forms') && !host.startsWith('api'))
      return false;
    const path = url.pathname;
    if (isTracker(host, path)) return true;
    if (isFormHost(host)) return path.includes('/submit') || path.startsWith('/uploads/form/');
    return host.startsWith('js') && library(host, path) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    const host = url.hostname;
    const path = url.pathname;
    if (isTracker(host, path)) return [beacon(url)];
    const lib = library(host, path);
    if (lib) return [lib];
    return [formSubmission(url, req.body)];
  },
};
