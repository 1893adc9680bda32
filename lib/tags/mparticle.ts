import { domainIs, flatten, isRecord, nameTable, readBody, unreadJsonReason, str } from './params';
import type { TagDecoder, TagHit } from './types';

// mParticle's Web SDK. Events: `POST https://jssdks.mparticle.com/v3/JS/<API key>/events` with a JSON batch
// `{events: [{event_type: 'custom_event'|'screen_view'|'commerce_event'|'session_start'|…, data: {event_name,
// custom_event_type, custom_attributes, screen_name, product_action: {action, products}}}], mpid, user_identities…}`
// (mParticle's Events API batch format; one hit per event, named by event_name, else the screen name, the commerce
// action, or the event type). The v2 SDK posts one message to `/v2/JS/<API key>/Events`: `{dt: 'e'|'pv'|'ss'|'se'|
// 'cm', n: <name>, et: <type>, attrs: {…}}`. Identity calls `POST https://identity.mparticle.com/v1/identify|login|
// logout|<mpid>/modify` are hits named by the call (the API key travels in a header, so they carry no account).
// The account is the API key in the path. Library: `jssdkcdns.mparticle.com/js/v2/<API key>/mparticle.js`;
// `…/config` and `/Forwarding` are configuration and forwarder statistics, not hits.

const EVENTS_PATH = /^\/v([23])\/JS\/([^/]+)\/events$/i;
const LIBRARY = /^\/js\/v\d+\/([^/]+)\/mparticle(?:\.min)?\.js$/i;
const IDENTITY = /^\/v1\/(?:[^/]+\/)?(identify|login|logout|modify)$/;
const V2_TYPES = nameTable({
  e: 'custom_event',
  pv: 'screen_view',
  ss: 'session_start',
  se: 'session_end',
  cm: 'commerce_event',
  ast: 'application_state_transition',
  o: 'opt_out',
  uic: 'user_identity_change',
  uac: 'user_attribute_change',
});
const MAX_EVENTS = 100;

function v3Hit(event: unknown, account: string, shared: Record<string, string>): TagHit {
  if (!isRecord(event))
    return { vendor: 'mparticle', account, params: shared, partial: 'a batch entry is not an object' };
  const data = isRecord(event.data) ? event.data : {};
  const params: Record<string, string> = { ...shared };
  const type = str(event.event_type);
  if (type) params.event_type = type;
  const custom = str(data.custom_event_type);
  if (custom) params.custom_event_type = custom;
  if (isRecord(data.custom_attributes)) Object.assign(params, flatten(data.custom_attributes));
  if (isRecord(data.product_action)) flatten(data.product_action, 'product_action', params);
  const action = isRecord(data.product_action) ? str(data.product_action.action) : undefined;
  const name = str(data.event_name) ?? str(data.screen_name) ?? action ?? type;
  return { vendor: 'mparticle', event: name, account, params };
}

function v2Hit(message: Record<string, unknown>, account: string): TagHit {
  const params: Record<string, string> = {};
  const dt = str(message.dt);
  if (dt) params.event_type = V2_TYPES[dt] ?? dt;
  const et = str(message.et);
  if (et) params.custom_event_type = et;
  if (isRecord(message.attrs)) Object.assign(params, flatten(message.attrs));
  const mpid = str(message.mpid);
  if (mpid) params.mpid = mpid;
  return { vendor: 'mparticle', event: str(message.n) ?? params.event_type, account, params };
}

export const mparticle: TagDecoder = {
  vendor: 'mparticle',
  matches: (url) => {
    if (!domainIs(url.hostname, 'mparticle.com')) return false;
    const path = url.pathname;
    return EVENTS_PATH.test(path) || LIBRARY.test(path) || (url.hostname.startsWith('identity') && IDENTITY.test(path));
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const lib = LIBRARY.exec(path);
    if (lib)
      return [{ vendor: 'mparticle', event: 'library_load', account: lib[1], params: { script: 'mparticle.js' } }];
    const identity = IDENTITY.exec(path);
    if (identity && url.hostname.startsWith('identity')) {
      const body = readBody(req.body);
      const params: Record<string, string> = {};
      if (body.kind === 'json' && isRecord(body.value)) {
        const previous = str(body.value.previous_mpid);
        if (previous) params.previous_mpid = previous;
        if (isRecord(body.value.known_identities))
          for (const key of Object.keys(body.value.known_identities)) params[`identity.${key}`] = 'set';
      }
      return [{ vendor: 'mparticle', event: identity[1], params }];
    }
    const m = EVENTS_PATH.exec(path);
    if (!m) return [];
    const account = m[2]!;
    const body = readBody(req.body);
    if (body.kind !== 'json' || !isRecord(body.value)) {
      return [{ vendor: 'mparticle', account, params: {}, partial: unreadJsonReason(body) }];
    }
    const json = body.value;
    if (m[1] === '2') return [v2Hit(json, account)];
    const shared: Record<string, string> = {};
    const mpid = str(json.mpid);
    if (mpid) shared.mpid = mpid;
    const events = Array.isArray(json.events) ? json.events : [];
    if (events.length === 0)
      return [{ vendor: 'mparticle', account, params: shared, partial: 'the batch carries no events' }];
    return events.slice(0, MAX_EVENTS).map((e) => v3Hit(e, account, shared));
  },
};
