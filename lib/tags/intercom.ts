import { flatten, isRecord, parseJson, str } from './params';
import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Intercom Messenger. The snippet loads `https://widget.intercom.io/widget/<app id>` (the app id is the account),
// which loads its frame scripts from `https://js.intercomcdn.com/`. `Intercom('boot', { app_id, user_id, email… })`
// and `Intercom('update')` — called on every page change, which is how Intercom records page views and "last seen" —
// POST `https://api-iam.intercom.io/messenger/web/ping` (regional `api-iam.eu.intercom.io`, `api-iam.au.intercom.io`)
// as a form with `app_id`, the page (`referer`, `page_title`, referrer `r`) and the identified user as JSON in `user_data`.
// `Intercom('trackEvent', '<name>', metadata)` POSTs `/messenger/web/events` with `event_list`, a JSON list of
// `{ event_name, created, metadata }`. Intercom documents these calls, not their requests: the fields are read as
// the Messenger sends them. Conversations, the launcher's settings and the Messenger's own metrics are not hits.

const PING = '/messenger/web/ping';
const EVENTS = '/messenger/web/events';
const NAMES: Readonly<Record<string, string>> = {
  referer: 'page_url',
  r: 'referrer',
  s: 'session_id',
  v: 'messenger_version',
  g: 'timezone',
};
const SKIP: ReadonlySet<string> = new Set(['app_id', 'user_data', 'event_list', 'Idempotency-Key']);
const MAX_EVENTS = 100;

function isApiHost(host: string): boolean {
  return host === 'api-iam.intercom.io' || (host.startsWith('api-iam.') && host.endsWith('.intercom.io'));
}

function library(url: URL): TagHit | undefined {
  const path = url.pathname;
  if (url.hostname === 'widget.intercom.io' && path.startsWith('/widget/')) {
    const app = path.slice('/widget/'.length).split('/')[0];
    return app ? { vendor: 'intercom', event: 'library_load', account: app, params: { script: 'widget' } } : undefined;
  }
  if (url.hostname === 'js.intercomcdn.com' && path.endsWith('.js'))
    return { vendor: 'intercom', event: 'library_load', params: { script: path.slice(path.lastIndexOf('/') + 1) } };
  return undefined;
}

export const intercom: TagDecoder = {
  vendor: 'intercom',
  matches: (url) => {
    if (isApiHost(url.hostname)) return url.pathname === PING || url.pathname === EVENTS;
    return library(url) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (!isApiHost(url.hostname)) {
      const lib = library(url);
      return lib ? [lib] : [];
    }
    const read = pixelFields(url, req);
    const account = firstOf(read.fields, 'app_id');
    if (path === PING) {
      const hit = pixelHit('intercom', read, { event: 'page_view', account, names: NAMES, skip: SKIP });
      const user = parseJson(read.fields.get('user_data') ?? undefined);
      if (isRecord(user)) flatten(user, 'user', hit.params);
      return [hit];
    }
    if (path !== EVENTS) return [];
    const list = parseJson(read.fields.get('event_list') ?? undefined);
    if (!Array.isArray(list))
      return [{ vendor: 'intercom', account, params: {}, partial: 'event_list is missing or not JSON' }];
    return list.slice(0, MAX_EVENTS).map((entry): TagHit => {
      if (!isRecord(entry))
        return { vendor: 'intercom', account, params: {}, partial: 'an event entry is not an object' };
      const params: Record<string, string> = {};
      if (isRecord(entry.metadata)) flatten(entry.metadata, '', params);
      const created = str(entry.created);
      if (created) params.created = created;
      return { vendor: 'intercom', event: str(entry.event_name), account, params };
    });
  },
};
