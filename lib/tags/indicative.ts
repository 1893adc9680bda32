import { domainIs, flatten, isRecord, queryOf, readBody, str, unreadJsonReason } from './params';
import type { TagDecoder, TagHit } from './types';

// Indicative. Its Input API takes `POST https://api.indicative.com/service/event` with JSON `{apiKey, eventName,
// eventUniqueId, eventTime, properties: {…}}` and `POST …/service/event/batch` with `{apiKey, events: [{eventName,
// eventUniqueId, properties}]}`; the JavaScript library (Indicative.min.js from cdn.indicative.com) sends the same.
// The image form `GET …/service/event/<apiKey>?eventName=…&eventUniqueId=…&<property>=…` carries the key in the path.
// The account is the project's API key. Properties are spread unprefixed (what a plan's params name).

const MAX_EVENTS = 100;

function eventHit(event: unknown, apiKey: string | undefined): TagHit {
  if (!isRecord(event))
    return { vendor: 'indicative', account: apiKey, params: {}, partial: 'an event is not an object' };
  const params: Record<string, string> = {};
  const user = str(event.eventUniqueId);
  if (user) params.user_id = user;
  const time = str(event.eventTime);
  if (time) params.event_time = time;
  if (isRecord(event.properties)) Object.assign(params, flatten(event.properties));
  return { vendor: 'indicative', event: str(event.eventName), account: str(event.apiKey) ?? apiKey, params };
}

export const indicative: TagDecoder = {
  vendor: 'indicative',
  matches: (url) => {
    if (!domainIs(url.hostname, 'indicative.com')) return false;
    const path = url.pathname;
    return (
      path.startsWith('/service/event') ||
      (url.hostname.startsWith('cdn') && path.toLowerCase().endsWith('indicative.min.js'))
    );
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path.endsWith('.js'))
      return [
        { vendor: 'indicative', event: 'library_load', params: { script: path.slice(path.lastIndexOf('/') + 1) } },
      ];
    const rest = path.slice('/service/event'.length).replace(/^\//, '');
    if (rest !== '' && rest !== 'batch' && path.startsWith('/service/event/') && req.body === undefined) {
      // The image form: the key in the path, the event in the query.
      const query = queryOf(url);
      const properties: Record<string, string> = {};
      for (const [key, value] of query) if (key !== 'eventName' && key !== 'eventUniqueId') properties[key] = value;
      return [
        eventHit(
          {
            eventName: query.get('eventName') ?? undefined,
            eventUniqueId: query.get('eventUniqueId') ?? undefined,
            properties,
          },
          rest,
        ),
      ];
    }
    if (rest !== '' && rest !== 'batch') return [];
    const body = readBody(req.body);
    if (body.kind !== 'json' || !isRecord(body.value)) {
      return [{ vendor: 'indicative', params: {}, partial: unreadJsonReason(body) }];
    }
    const json = body.value;
    const apiKey = str(json.apiKey);
    if (rest === 'batch')
      return (Array.isArray(json.events) ? json.events : []).slice(0, MAX_EVENTS).map((e) => eventHit(e, apiKey));
    return [eventHit(json, apiKey)];
  },
};
