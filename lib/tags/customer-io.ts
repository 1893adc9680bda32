import { flatten, isRecord, queryOf, readBody, str, unreadJsonReason } from './params';
import { decodeSpecBody, specPathKind } from './segment';
import type { TagDecoder, TagHit } from './types';

// Customer.io, two generations of browser tracking:
// - Data Pipelines (current): the snippet loads `https://cdp.customer.io/v1/analytics-js/snippet/<write key>/
//   analytics.min.js` (EU: `cdp-eu.customer.io`) and sends Segment-Spec calls to `/v1/t`, `/v1/p`, `/v1/i`, `/v1/batch`…
//   on the same host: read as Segment's (the write key comes in the body); `/v1/projects/…/settings` is config.
// - The classic JavaScript snippet: `https://assets.customer.io/assets/track.js` (`track-eu.js`) with `data-site-id`.
//   It reports as images, `https://track.customer.io/events/<kind>.gif?name=<page or event>&s=<site id>&…`
//   (`page.gif` for page views): the site id is the account. Customer.io documents the snippet's calls, not these
//   images; unknown fields are kept as sent. The documented Track API v1/v2 on `track.customer.io` (EU `track-eu.`):
//   `POST /api/v1/customers/<id>/events` and `/api/v1/events` (anonymous) with `{ name, data }`,
//   `PUT /api/v1/customers/<id>` (identify, attributes), `POST /api/v2/entity` (`{ type, identifiers, action, name,
//   attributes }`) and `/api/v2/batch` (`{ batch: [entity…] }`). Its site id travels in Basic auth, invisible here.

const SNIPPET = /^\/v1\/analytics-js\/snippet\/([^/]+)\/analytics(?:\.min)?\.js$/;
const CUSTOMER = /^\/api\/v1\/customers\/([^/]+)(\/events)?\/?$/;
const CLASSIC_IMAGE = /^\/events\/([^/]+)\.gif$/;
const CLASSIC_LIBRARIES: ReadonlySet<string> = new Set(['/assets/track.js', '/assets/track-eu.js']);
const MAX_BATCH = 100;

function isCdpHost(host: string): boolean {
  return host === 'cdp.customer.io' || host === 'cdp-eu.customer.io';
}

function isTrackHost(host: string): boolean {
  return host === 'track.customer.io' || host === 'track-eu.customer.io';
}

function classicLibrary(url: URL): boolean {
  return url.hostname === 'assets.customer.io' && CLASSIC_LIBRARIES.has(url.pathname);
}

function trackApiPath(path: string): boolean {
  return (
    CLASSIC_IMAGE.test(path) ||
    path.startsWith('/api/v1/customers/') ||
    path === '/api/v1/events' ||
    path === '/api/v2/entity' ||
    path === '/api/v2/batch'
  );
}

/** A v2 entity call: `action` is `event`, `page`, `screen` (named by `name`) or `identify`, `delete`, …. */
function entityHit(entity: unknown): TagHit {
  if (!isRecord(entity)) return { vendor: 'customer-io', params: {}, partial: 'a batch entry is not an object' };
  const action = str(entity.action);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(entity)) if (k !== 'action' && k !== 'name') flatten(v, k, params);
  const named = action === 'event' || action === 'page' || action === 'screen';
  return { vendor: 'customer-io', event: named ? (str(entity.name) ?? action) : action, params };
}

/** The classic snippet's image: `page` names the page, any other kind names its event in `name`. */
function classicImage(url: URL, kind: string): TagHit {
  const params: Record<string, string> = {};
  for (const [k, v] of queryOf(url)) if (k !== 's' && k !== 'name' && v !== '') params[k] = v;
  const name = queryOf(url).get('name') ?? undefined;
  if (kind === 'page' && name !== undefined) params.page = name;
  return {
    vendor: 'customer-io',
    event: kind === 'page' ? 'page' : (name ?? kind),
    account: queryOf(url).get('s') ?? undefined,
    params,
  };
}

function trackApi(path: string, body: string | undefined): TagHit[] {
  const read = readBody(body);
  const json = read.kind === 'json' && isRecord(read.value) ? read.value : undefined;
  const partial = read.kind === 'broken' ? unreadJsonReason(read) : undefined;
  if (path === '/api/v2/batch') {
    const batch = json && Array.isArray(json.batch) ? json.batch : [];
    return batch.length > 0
      ? batch.slice(0, MAX_BATCH).map(entityHit)
      : [{ vendor: 'customer-io', params: {}, partial: partial ?? 'an empty batch' }];
  }
  if (path === '/api/v2/entity')
    return [json ? entityHit(json) : { vendor: 'customer-io', params: {}, partial: partial ?? 'no request body' }];
  const customer = CUSTOMER.exec(path);
  const params: Record<string, string> = {};
  if (customer?.[1]) params.customer_id = customer[1];
  if (json) for (const [k, v] of Object.entries(json)) if (k !== 'name') flatten(v, k, params);
  const isEvent = path === '/api/v1/events' || customer?.[2] !== undefined;
  const hit: TagHit = { vendor: 'customer-io', event: isEvent ? str(json?.name) : 'identify', params };
  if (partial) hit.partial = partial;
  return [hit];
}

export const customerIo: TagDecoder = {
  vendor: 'customer-io',
  matches: (url) => {
    const host = url.hostname;
    if (isCdpHost(host)) return url.pathname.startsWith('/v1/');
    if (isTrackHost(host)) return trackApiPath(url.pathname);
    return classicLibrary(url);
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (classicLibrary(url))
      return [{ vendor: 'customer-io', event: 'library_load', params: { script: path.slice('/assets/'.length) } }];
    if (isTrackHost(url.hostname)) {
      const image = CLASSIC_IMAGE.exec(path)?.[1];
      if (image !== undefined) return [classicImage(url, image)];
      return trackApiPath(path) ? trackApi(path, req.body) : [];
    }
    const key = SNIPPET.exec(path)?.[1];
    if (key)
      return [{ vendor: 'customer-io', event: 'library_load', account: key, params: { script: 'analytics.js' } }];
    const kind = specPathKind(path);
    if (kind === undefined) return [];
    return decodeSpecBody('customer-io', req.body, kind, undefined);
  },
};
