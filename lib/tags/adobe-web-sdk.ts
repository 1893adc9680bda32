import { domainIs, flatten, isRecord, nameTable, type Query, queryOf, readBody, str, unreadJsonReason } from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Experience Platform Web SDK (alloy.js) sends to the Edge Network: `POST https://edge.adobedc.net/ee/v1/interact?
// configId=<datastream id>&requestId=<uuid>` (Adobe's docs: the datastream ID, `edgeConfigId` / `datastreamId` in the
// configure command), `/ee/v2/interact`, with a region (`/ee/irl1/v1/interact`), and `/ee/v1/collect` — the
// sendBeacon form for events sent while a page unloads. The Edge Network Server API documents `dataStreamId` for the
// same id. The body is JSON `{events: [{xdm: {eventType, web: {webPageDetails: {name, URL}, webReferrer, webInteraction:
// {name, type, URL}}, commerce, identityMap}, data: {…}}], meta: {…}}`: one hit per event, named by its XDM
// `eventType` (`web.webpagedetails.pageViews`, `web.webinteraction.linkClicks`, `commerce.productViews`, …).
// `edgeDomain` lets a site collect on its own CNAME (`data.shop.example`) and `edgeBasePath` renames `ee`, so off
// adobedc.net the path shape `/…/v<N>/interact|collect` plus a datastream id in the query identify it.
// `/ee/v1/privacy/set-consent` records the visitor's consent choice: a hit, `set_consent`. `/ee/v1/identity/acquire`
// only fetches the ECID: not a hit. Library: `cdn1.adoberesources.net/alloy/<version>/alloy.min.js` (or self-hosted,
// same file name).

const EVENT_PATH = /\/v\d+\/(interact|collect)$/;
const CONSENT_PATH = /\/v\d+\/privacy\/set-consent$/;
const ALLOY = /\/alloy(?:\.min)?\.js$/;

/** Flattened XDM paths that have a plain name in Adobe's field groups (AEP Web SDK field group, Commerce). */
const NAMES = nameTable({
  'web.webPageDetails.name': 'page_name',
  'web.webPageDetails.URL': 'page_url',
  'web.webReferrer.URL': 'referrer',
  'web.webInteraction.name': 'link_name',
  'web.webInteraction.type': 'link_type',
  'web.webInteraction.URL': 'link_url',
  'commerce.order.purchaseID': 'purchase_id',
  'commerce.order.currencyCode': 'currency',
  'commerce.order.priceTotal': 'value',
  'identityMap.ECID.0.id': 'ecid',
  timestamp: 'timestamp',
  _id: 'event_id',
});

function datastreamId(query: Query): string | undefined {
  return query.get('configId') ?? query.get('dataStreamId') ?? query.get('datastreamId') ?? undefined;
}

function kindOf(path: string): 'event' | 'consent' | undefined {
  if (path.endsWith('/interact') || path.endsWith('/collect')) return EVENT_PATH.test(path) ? 'event' : undefined;
  if (path.endsWith('/set-consent')) return CONSENT_PATH.test(path) ? 'consent' : undefined;
  return undefined;
}

function eventHit(event: unknown, account: string | undefined, endpoint: string): TagHit {
  if (!isRecord(event))
    return {
      vendor: 'adobe-web-sdk',
      account,
      params: { endpoint },
      partial: 'an event of the batch is not an object',
    };
  const params: Record<string, string> = { endpoint };
  const xdm = isRecord(event.xdm) ? event.xdm : {};
  for (const [key, value] of Object.entries(flatten(xdm))) params[NAMES[key] ?? key] = value;
  if (isRecord(event.data)) flatten(event.data, 'data', params);
  return { vendor: 'adobe-web-sdk', event: str(xdm.eventType), account, params };
}

export const adobeWebSdk: TagDecoder = {
  vendor: 'adobe-web-sdk',
  anyHost: true,
  // Off Adobe's hosts: an Edge Network path on a CNAME (`/ee/v1/interact`, renamed base paths too), alloy.js.
  pathMarks: /\/v\d+\/(?:interact|collect|privacy\/set-consent)$|\/alloy(?:\.min)?\.js$/,
  matches: (url) => {
    const path = url.pathname;
    if (path.endsWith('.js')) return ALLOY.test(path);
    if (kindOf(path) === undefined) return false;
    if (domainIs(url.hostname, 'adobedc.net')) return true;
    const search = url.search;
    return search.includes('onfigId=') || search.includes('ataStreamId=') || search.includes('atastreamId=');
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path.endsWith('.js')) {
      const version = /\/alloy\/([^/]+)\//.exec(path)?.[1];
      return [
        {
          vendor: 'adobe-web-sdk',
          event: 'library_load',
          params: version ? { script: 'alloy.js', version } : { script: 'alloy.js' },
        },
      ];
    }
    const kind = kindOf(path);
    if (kind === undefined) return [];
    const account = datastreamId(queryOf(url));
    const endpoint = path.slice(path.lastIndexOf('/') + 1);
    const body = readBody(req.body);
    if (body.kind !== 'json') {
      const partial = unreadJsonReason(body);
      return [
        {
          vendor: 'adobe-web-sdk',
          event: kind === 'consent' ? 'set_consent' : undefined,
          account,
          params: { endpoint },
          partial,
        },
      ];
    }
    const json = body.value;
    if (kind === 'consent') {
      return [{ vendor: 'adobe-web-sdk', event: 'set_consent', account, params: isRecord(json) ? flatten(json) : {} }];
    }
    // The Server API sends one `event`; alloy.js sends `events`.
    const events = isRecord(json)
      ? Array.isArray(json.events)
        ? json.events
        : json.event !== undefined
          ? [json.event]
          : []
      : [];
    if (events.length === 0)
      return [{ vendor: 'adobe-web-sdk', account, params: { endpoint }, partial: 'the body carries no events' }];
    return events.slice(0, 100).map((e) => eventHit(e, account, endpoint));
  },
};
