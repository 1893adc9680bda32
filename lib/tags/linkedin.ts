import { flatten, hostIs, isRecord, namedParams, nameTable, queryOf, readBody, str, withForm } from './params';
import type { HitRequest, TagDecoder, TagHit } from './types';

// LinkedIn Insight Tag (partner id = `pid`):
// - GET|POST https://px.ads.linkedin.com/collect/?pid=PARTNER&fmt=gif|js&url=…&time=…[&conversionId=…]
//   (also px4. and the older dc.ads.linkedin.com): a page view, or a conversion when it names conversionId.
// - GET /attribution_trigger?pid=…&time=…&url=…: the Attribution Reporting API trigger sent beside /collect.
// - POST /wa/: "website actions" (clicks, page visits) as JSON `{ pids, signalType, url, pageTitle, hem, … }`;
//   newer tags send the same JSON gzip-compressed and base64-encoded, which cannot be read synchronously.
// - Library: https://snap.licdn.com/li.lms-analytics/insight.min.js

const NAMES = nameTable({
  pid: 'partner_id',
  conversionId: 'conversion_id',
  url: 'page_url',
  time: 'timestamp',
  fmt: 'format',
  v: 'version',
  tm: 'tag_manager',
  eventId: 'event_id',
  cookiesTest: 'cookies_test',
  liSync: 'li_sync',
});

const WA_NAMES = nameTable({
  url: 'page_url',
  pageTitle: 'page_title',
  hem: 'hashed_email',
  time: 'timestamp',
  domain: 'domain',
  scriptVersion: 'library_version',
  websiteSignalRequestId: 'signal_id',
  liFatId: 'click_id',
});

const PID: ReadonlySet<string> = new Set(['pid']);

// DOM breadcrumbs of the clicked element: hundreds of keys that say nothing about the tag.
const WA_SKIP: ReadonlySet<string> = new Set(['pids', 'signalType', 'elementCrumbsTree', 'innerElements']);

function isLibrary(url: URL): boolean {
  return (
    url.hostname === 'snap.licdn.com' && url.pathname.startsWith('/li.lms-analytics/') && url.pathname.endsWith('.js')
  );
}

type Endpoint = 'collect' | 'wa' | 'attribution_trigger';

function endpoint(url: URL): Endpoint | undefined {
  if (!hostIs(url, 'ads.linkedin.com')) return undefined;
  switch (url.pathname) {
    case '/collect':
    case '/collect/':
      return 'collect';
    case '/wa':
    case '/wa/':
      return 'wa';
    case '/attribution_trigger':
    case '/attribution_trigger/':
      return 'attribution_trigger';
    default:
      return undefined;
  }
}

const CUT = 'body is not valid JSON (cut at the capture limit?): only the URL was read';

function websiteAction(url: URL, req: HitRequest): TagHit {
  const queryPid = queryOf(url).get('pid') ?? undefined;
  const base = namedParams(queryOf(url), NAMES, PID);
  const body = readBody(req.body);
  if (body.kind === 'broken') return { vendor: 'linkedin', account: queryPid, params: base, partial: CUT };
  if (body.kind === 'text') {
    return {
      vendor: 'linkedin',
      account: queryPid,
      params: base,
      partial: 'compressed website-action body (base64 gzip) was not decoded',
    };
  }
  if (body.kind === 'none' || !isRecord(body.value)) {
    return {
      vendor: 'linkedin',
      account: queryPid,
      params: base,
      ...(req.method === 'POST' && body.kind === 'none' ? { partial: 'request body not available' } : {}),
    };
  }
  const data = body.value;
  const pids = Array.isArray(data.pids) ? data.pids.map(str).filter((p): p is string => p !== undefined) : [];
  // Unset fields arrive as null (`hem: null` without enhanced matching): absent, not the text "null".
  const kept = Object.fromEntries(Object.entries(data).filter(([k, v]) => v !== null && !WA_SKIP.has(k)));
  const params = { ...base, ...namedParams(Object.entries(flatten(kept)), WA_NAMES) };
  if (pids.length > 0) params.partner_ids = pids.join(',');
  return { vendor: 'linkedin', event: str(data.signalType), account: pids[0] ?? queryPid, params };
}

export const linkedin: TagDecoder = {
  vendor: 'linkedin',
  matches: (url) => endpoint(url) !== undefined || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) return [{ vendor: 'linkedin', event: 'library_load', params: {} }];
    const kind = endpoint(url);
    if (kind === undefined) return [];
    if (kind === 'wa') return [websiteAction(url, req)];

    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const params = namedParams(fields, NAMES, PID);
    if (body.kind === 'json') Object.assign(params, namedParams(Object.entries(flatten(body.value)), NAMES, PID));
    const account =
      fields.get('pid') ?? (body.kind === 'json' && isRecord(body.value) ? str(body.value.pid) : undefined);
    // The trigger repeats the page's /collect signal: naming it page_view would count every page twice.
    const event =
      kind === 'attribution_trigger' ? 'attribution_trigger' : params.conversion_id ? 'conversion' : 'page_view';
    const hit: TagHit = { vendor: 'linkedin', event, account, params };
    if (body.kind === 'broken') hit.partial = CUT;
    return [hit];
  },
};
