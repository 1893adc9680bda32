import { decodeBase64Text, flatten, isRecord, parseForm, parseJson, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Klaviyo: the onsite script `https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=<public key>` sends events
// with the client APIs, JSON:API bodies POSTed to `https://a.klaviyo.com/client/events/?company_id=<public key>`:
// `{data: {type: 'event', attributes: {metric: {data: {type: 'metric', attributes: {name: 'Added to Cart'}}},
// profile: {data: {type: 'profile', attributes: {email, …}}}, properties: {…}, value, time}}}` (revision
// 2023-01-24 put `metric: {name}` and `profile: {$email}` directly). Profiles and subscriptions go to
// `/client/profiles/` and `/client/subscriptions/`. The legacy API is `https://a.klaviyo.com/api/track?data=<base64
// JSON {token, event, customer_properties, properties}>` (and `/api/identify`). The public key is the account.

const CLIENT_EVENTS: Readonly<Record<string, string>> = {
  profiles: 'identify',
  subscriptions: 'subscribe',
  'back-in-stock-subscriptions': 'back_in_stock_subscribe',
};

function segments(pathname: string): string[] {
  return pathname.split('/').filter(Boolean);
}

function isLibrary(host: string, path: string): boolean {
  if (host === 'static.klaviyo.com') return path.startsWith('/onsite/js/') && path.endsWith('/klaviyo.js');
  return host === 'a.klaviyo.com' && path === '/media/js/analytics/analytics.js';
}

/** Attributes of a JSON:API relationship (`{data: {attributes}}`) or of the older flat form. */
function attributesOf(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.data) && isRecord(value.data.attributes)) return value.data.attributes;
  return value;
}

function clientEvent(body: string | undefined, account: string | undefined): TagHit {
  const json = parseJson(body);
  const attributes = isRecord(json) && isRecord(json.data) ? json.data.attributes : undefined;
  if (!isRecord(attributes)) {
    return {
      vendor: 'klaviyo',
      account,
      params: {},
      partial: body ? 'the body is not a JSON:API event (truncated or not text)' : 'no request body',
    };
  }
  const params: Record<string, string> = {};
  const value = str(attributes.value);
  if (value !== undefined) params.value = value;
  const currency = str(attributes.value_currency);
  if (currency !== undefined) params.currency = currency;
  const id = str(attributes.unique_id);
  if (id !== undefined) params.event_id = id;
  const profile = attributesOf(attributes.profile);
  if (profile) flatten(profile, 'profile', params);
  if (isRecord(attributes.properties)) Object.assign(params, flatten(attributes.properties));
  return { vendor: 'klaviyo', event: str(attributesOf(attributes.metric)?.name), account, params };
}

function clientObject(event: string, body: string | undefined, account: string | undefined): TagHit {
  const json = parseJson(body);
  const data = isRecord(json) ? json.data : undefined;
  if (!isRecord(data))
    return {
      vendor: 'klaviyo',
      event,
      account,
      params: {},
      partial: body ? 'the body is not JSON:API (truncated or not text)' : 'no request body',
    };
  const params = isRecord(data.attributes) ? flatten(data.attributes) : {};
  const list =
    isRecord(data.relationships) && isRecord(data.relationships.list) ? data.relationships.list.data : undefined;
  const listId = isRecord(list) ? str(list.id) : undefined;
  if (listId !== undefined) params.list_id = listId;
  return { vendor: 'klaviyo', event, account, params };
}

function legacy(kind: string, url: URL, body: string | undefined): TagHit {
  const raw = (body ? parseForm(body).get('data') : null) ?? queryOf(url).get('data');
  const event = kind === 'identify' ? 'identify' : undefined;
  if (raw === null || raw === '') return { vendor: 'klaviyo', event, params: {}, partial: 'no data parameter' };
  const text = raw.trimStart().startsWith('{') ? raw : decodeBase64Text(raw);
  const json = parseJson(text);
  if (!isRecord(json))
    return { vendor: 'klaviyo', event, params: {}, partial: 'data is not base64-encoded JSON (truncated?)' };
  const params: Record<string, string> = {};
  if (isRecord(json.customer_properties)) flatten(json.customer_properties, 'customer', params);
  if (isRecord(json.properties)) Object.assign(params, flatten(json.properties));
  return {
    vendor: 'klaviyo',
    event: kind === 'identify' ? 'identify' : str(json.event),
    account: str(json.token),
    params,
  };
}

export const klaviyo: TagDecoder = {
  vendor: 'klaviyo',
  matches: (url) => {
    const host = url.hostname;
    if (!host.endsWith('klaviyo.com')) return false;
    const path = url.pathname;
    if (host === 'static.klaviyo.com') return isLibrary(host, path);
    if (host !== 'a.klaviyo.com' && host !== 'fast.a.klaviyo.com') return false;
    return (
      path.startsWith('/client/') ||
      path.startsWith('/api/track') ||
      path.startsWith('/api/identify') ||
      isLibrary(host, path)
    );
  },
  decode: (url, req): TagHit[] => {
    const company = queryOf(url).get('company_id') ?? undefined;
    if (isLibrary(url.hostname, url.pathname))
      return [{ vendor: 'klaviyo', event: 'library_load', account: company, params: { script: 'klaviyo.js' } }];
    const [root, kind = ''] = segments(url.pathname);
    if (root === 'api') return kind === 'track' || kind === 'identify' ? [legacy(kind, url, req.body)] : [];
    if (kind === 'events') return [clientEvent(req.body, company)];
    const event = CLIENT_EVENTS[kind];
    return event === undefined ? [] : [clientObject(event, req.body, company)];
  },
};
