import {
  domainIs,
  flatten,
  isRecord,
  namedParams,
  nameTable,
  queryOf,
  readBody,
  str,
  unreadJsonReason,
} from './params';
import type { TagDecoder, TagHit } from './types';

// Optimizely (Web Experimentation, and the Feature Experimentation SDKs, which share the endpoint). Events go to the
// Event API: `POST https://logx.optimizely.com/v1/events` with JSON `{account_id, project_id, client_name,
// client_version, anonymize_ip, visitors: [{visitor_id, attributes, snapshots: [{decisions: [{campaign_id,
// experiment_id, variation_id}], events: [{entity_id, type, key, timestamp, uuid, revenue, value, tags}]}]}]}` —
// one hit per snapshot event, named by its `key` (a tracked event's API name) or its `type` (`campaign_activated`,
// `view_activated`, …), with the snapshot's decision. Optimizely Classic sent `GET https://<project id>.log.optimizely.com/
// event?a=<account id>&d=<project id>&n=<event>&u=<visitor>&x<experiment id>=<variation id>&…`. The account is the
// project id — the id in the snippet a site installs — with the account id as a param. Library:
// `cdn.optimizely.com/js/<project id>.js` (Web), `cdn.optimizely.com/public/<account id>/s/<project id>….js`; datafiles
// (`cdn.optimizely.com/datafiles/<sdk key>.json`) are configuration, not hits.

const MAX_HITS = 200;
const CLASSIC_NAMES = nameTable({
  a: 'account_id',
  d: 'project_id',
  u: 'visitor_id',
  v: 'revenue',
  t: 'timestamp',
  g: 'goal_ids',
  f: 'experiment_ids',
});
const WEB_SNIPPET = /^\/js\/(\d+)\.js$/;
const PUBLIC_SNIPPET = /^\/public\/(\d+)\/s\/(?:[^/]*?)(\d+)[^/]*\.js$/;

function snapshotHits(json: Record<string, unknown>): TagHit[] {
  const account = str(json.project_id);
  const shared: Record<string, string> = {};
  const accountId = str(json.account_id);
  if (accountId) shared.account_id = accountId;
  const client = str(json.client_name);
  if (client) shared.client = [client, str(json.client_version)].filter(Boolean).join(' ');
  const hits: TagHit[] = [];
  for (const visitor of Array.isArray(json.visitors) ? json.visitors : []) {
    if (!isRecord(visitor)) continue;
    const visitorId = str(visitor.visitor_id);
    for (const snapshot of Array.isArray(visitor.snapshots) ? visitor.snapshots : []) {
      if (!isRecord(snapshot)) continue;
      const decision =
        Array.isArray(snapshot.decisions) && isRecord(snapshot.decisions[0]) ? snapshot.decisions[0] : undefined;
      for (const event of Array.isArray(snapshot.events) ? snapshot.events : []) {
        if (!isRecord(event) || hits.length >= MAX_HITS) continue;
        const params: Record<string, string> = { ...shared };
        if (visitorId) params.visitor_id = visitorId;
        for (const key of ['entity_id', 'type', 'revenue', 'value', 'uuid', 'timestamp'] as const) {
          const text = str(event[key]);
          if (text !== undefined) params[key] = text;
        }
        if (decision) {
          for (const key of ['campaign_id', 'experiment_id', 'variation_id'] as const) {
            const text = str(decision[key]);
            if (text !== undefined) params[key] = text;
          }
        }
        if (isRecord(event.tags)) flatten(event.tags, 'tags', params);
        hits.push({ vendor: 'optimizely', event: str(event.key) ?? str(event.type), account, params });
      }
    }
  }
  return hits;
}

export const optimizely: TagDecoder = {
  vendor: 'optimizely',
  matches: (url) => {
    const host = url.hostname;
    if (!domainIs(host, 'optimizely.com')) return false;
    const path = url.pathname;
    if (host === 'logx.optimizely.com') return path === '/v1/events';
    if (host.endsWith('.log.optimizely.com')) return path === '/event';
    return WEB_SNIPPET.test(path) || PUBLIC_SNIPPET.test(path);
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const web = WEB_SNIPPET.exec(path);
    if (web) return [{ vendor: 'optimizely', event: 'library_load', account: web[1], params: { script: 'snippet' } }];
    const pub = PUBLIC_SNIPPET.exec(path);
    if (pub)
      return [
        {
          vendor: 'optimizely',
          event: 'library_load',
          account: pub[2],
          params: { script: 'snippet', account_id: pub[1]! },
        },
      ];
    if (path === '/event') {
      const query = queryOf(url);
      const params = namedParams(query, CLASSIC_NAMES, new Set(['n', 'wxhr']));
      return [
        {
          vendor: 'optimizely',
          event: query.get('n') ?? undefined,
          account: query.get('d') ?? url.hostname.split('.')[0],
          params,
        },
      ];
    }
    const body = readBody(req.body);
    if (body.kind !== 'json' || !isRecord(body.value)) {
      return [{ vendor: 'optimizely', params: {}, partial: unreadJsonReason(body) }];
    }
    const hits = snapshotHits(body.value);
    return hits.length > 0
      ? hits
      : [
          {
            vendor: 'optimizely',
            account: str(body.value.project_id),
            params: {},
            partial: 'the payload carries no events',
          },
        ];
  },
};
