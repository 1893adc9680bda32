import { decodeBase64Text, flatten, isRecord, parseJson, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Snowplow runs on the customer's own collector host, so the request shape identifies it: the Tracker Protocol as
// `GET https://<collector>/i?e=pv&aid=<app id>&tv=js-3.x&p=web&url=…` (the path `/i` together with `tv` and `e`),
// or `POST https://<collector>/com.snowplowanalytics.snowplow/tp2` with JSON `{schema: 'iglu:…/payload_data/…',
// data: [{e, aid, tv, …}, …]}` — one hit per event. Event types: pv page view, pp page ping, se structured event
// (se_ca/se_ac/se_la/se_pr/se_va), ue self-describing event (ue_pr JSON or ue_px base64:
// `{schema: '…/unstruct_event/…', data: {schema: 'iglu:com.acme/signup/jsonschema/1-0-0', data: {…}}}` — the inner
// schema's name is the event), tr/ti ecommerce transaction and item. The app id (`aid`) is the account.

const TP2_PATH = '/com.snowplowanalytics.snowplow/tp2';
const IGLU_PREFIX = /^iglu:/;

const NAMES: Readonly<Record<string, string>> = {
  tv: 'tracker_version',
  tna: 'tracker_namespace',
  p: 'platform',
  url: 'page_url',
  page: 'page_title',
  refr: 'referrer',
  duid: 'domain_user_id',
  uid: 'user_id',
  sid: 'session_id',
  vid: 'session_index',
  eid: 'event_id',
  dtm: 'device_timestamp',
  stm: 'sent_timestamp',
  res: 'screen_resolution',
  vp: 'viewport',
  lang: 'language',
  cs: 'charset',
  tz: 'timezone',
  ds: 'document_size',
  se_ca: 'event_category',
  se_ac: 'event_action',
  se_la: 'event_label',
  se_pr: 'event_property',
  se_va: 'event_value',
  tr_id: 'order_id',
  tr_af: 'affiliation',
  tr_tt: 'total',
  tr_tx: 'tax',
  tr_sh: 'shipping',
  tr_cu: 'currency',
  ti_id: 'order_id',
  ti_sk: 'sku',
  ti_nm: 'item_name',
  ti_ca: 'item_category',
  ti_pr: 'price',
  ti_qu: 'quantity',
  ti_cu: 'currency',
};
/** Decoded separately (event, account, self-describing data) or too bulky to be useful as params (contexts). */
const SKIP: ReadonlySet<string> = new Set(['e', 'aid', 'ue_pr', 'ue_px', 'co', 'cx']);

const EVENT_TYPES: Readonly<Record<string, string>> = {
  pv: 'page_view',
  pp: 'page_ping',
  tr: 'transaction',
  ti: 'transaction_item',
};

function isLibrary(url: URL, path: string): boolean {
  if (!path.endsWith('/sp.js') && !path.endsWith('/sp.lite.js')) return false;
  // `sp.js` alone is too common a name: it must come from Snowplow's package or its historical CDN.
  return path.includes('snowplow') || url.hostname === 'd1fc8wv8zag5ca.cloudfront.net';
}

/** Name and data of a self-describing event: `iglu:<vendor>/<name>/<format>/<version>` → name. */
function selfDescribing(fields: Map<string, string>): {
  name?: string;
  schema?: string;
  data: Record<string, string>;
  partial?: string;
} {
  const plain = fields.get('ue_pr');
  const encoded = fields.get('ue_px');
  const text = plain ?? (encoded !== undefined ? decodeBase64Text(encoded) : undefined);
  if (text === undefined)
    return {
      data: {},
      partial: encoded !== undefined ? 'ue_px is not base64 JSON' : 'self-describing event without ue_pr/ue_px',
    };
  const outer = parseJson(text);
  const inner = isRecord(outer) ? outer.data : undefined;
  if (!isRecord(inner)) return { data: {}, partial: 'the self-describing event is not valid JSON (truncated?)' };
  const schema = str(inner.schema);
  const name = schema?.replace(IGLU_PREFIX, '').split('/')[1];
  return { name, schema, data: isRecord(inner.data) ? flatten(inner.data) : {} };
}

function eventHit(fields: Map<string, string>): TagHit {
  const type = fields.get('e');
  const params: Record<string, string> = {};
  for (const [key, value] of fields) {
    if (!SKIP.has(key)) params[NAMES[key] ?? key] = value;
  }
  const hit: TagHit = { vendor: 'snowplow', event: type, account: fields.get('aid'), params };
  if (type === 'se') hit.event = fields.get('se_ac') ?? 'structured_event';
  else if (type === 'ue') {
    const sd = selfDescribing(fields);
    hit.event = sd.name ?? 'self_describing_event';
    if (sd.schema) params.event_schema = sd.schema;
    Object.assign(params, sd.data);
    if (sd.partial) hit.partial = sd.partial;
  } else if (type !== undefined) hit.event = EVENT_TYPES[type] ?? type;
  return hit;
}

function fromRecord(entry: Record<string, unknown>): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(entry)) {
    const text = str(value);
    if (text !== undefined) fields.set(key, text);
  }
  return fields;
}

export const snowplow: TagDecoder = {
  vendor: 'snowplow',
  anyHost: true,
  // Any collector: /i, the tp2 path, the sp.js tracker.
  pathMarks: /^\/i$|\/com\.snowplowanalytics\.snowplow\/tp2$|\/sp(?:\.lite)?\.js$/,
  matches: (url) => {
    const path = url.pathname;
    if (path === '/i') return queryOf(url).has('tv') && queryOf(url).has('e');
    return path.endsWith(TP2_PATH) || isLibrary(url, path);
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname === '/i') return [eventHit(new Map(queryOf(url)))];
    if (!url.pathname.endsWith(TP2_PATH))
      return [
        {
          vendor: 'snowplow',
          event: 'library_load',
          params: { script: url.pathname.slice(url.pathname.lastIndexOf('/') + 1) },
        },
      ];
    const json = parseJson(req.body);
    if (!isRecord(json) || !Array.isArray(json.data)) {
      return [
        {
          vendor: 'snowplow',
          params: {},
          partial: req.body ? 'the payload is not valid payload_data JSON (truncated?)' : 'no request body',
        },
      ];
    }
    return json.data.map((entry) =>
      isRecord(entry)
        ? eventHit(fromRecord(entry))
        : { vendor: 'snowplow' as const, params: {}, partial: 'an event is not an object' },
    );
  },
};
