import { domainIs, flatten, isRecord, readBody, unreadJsonReason, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Split (feature flags and experiments; now Harness FME). The browser SDK posts what it measured to
// `https://events.split.io/api/`: `testImpressions/bulk` — `[{f: <feature flag>, i: [{k: <key>, t: <treatment>,
// m: <time>, c: <change number>, r: <rule label>, b: <bucketing key>}]}]` (older SDKs spell them testName,
// keyImpressions, keyName, treatment, time, changeNumber, label) — one hit per impression, `impression`; and
// `events/bulk` — `[{eventTypeId, trafficTypeName, key, value, timestamp, properties}]` — one hit per tracked event,
// named by its eventTypeId. The `…/beacon` variants, sent while a page unloads, wrap the same list as `{entries,
// token, sdk}`: token is the SDK key, the account (otherwise it travels in a header). Impression counts
// (`testImpressions/count`), telemetry, and the definitions the SDK downloads (`sdk.split.io/api/splitChanges`,
// `mySegments`, `memberships`, `auth.split.io`) are not hits. Library: `cdn.split.io/sdk/split-<version>.min.js`.

const MAX_HITS = 200;

function impressions(list: unknown[], account: string | undefined): TagHit[] {
  const hits: TagHit[] = [];
  for (const flag of list) {
    if (!isRecord(flag)) continue;
    const name = str(flag.f) ?? str(flag.testName);
    const entries = Array.isArray(flag.i) ? flag.i : Array.isArray(flag.keyImpressions) ? flag.keyImpressions : [];
    for (const entry of entries) {
      if (!isRecord(entry) || hits.length >= MAX_HITS) continue;
      const params: Record<string, string> = {};
      if (name) params.feature_flag = name;
      const pairs: Array<[string, unknown]> = [
        ['key', entry.k ?? entry.keyName],
        ['treatment', entry.t ?? entry.treatment],
        ['time', entry.m ?? entry.time],
        ['change_number', entry.c ?? entry.changeNumber],
        ['label', entry.r ?? entry.label],
        ['bucketing_key', entry.b ?? entry.bucketingKey],
      ];
      for (const [key, value] of pairs) {
        const text = str(value);
        if (text !== undefined) params[key] = text;
      }
      hits.push({ vendor: 'split', event: 'impression', account, params });
    }
  }
  return hits;
}

function events(list: unknown[], account: string | undefined): TagHit[] {
  return list
    .slice(0, MAX_HITS)
    .filter(isRecord)
    .map((e): TagHit => {
      const params: Record<string, string> = {};
      for (const [key, name] of [
        ['trafficTypeName', 'traffic_type'],
        ['key', 'key'],
        ['value', 'value'],
        ['timestamp', 'timestamp'],
      ] as const) {
        const text = str(e[key]);
        if (text !== undefined) params[name] = text;
      }
      if (isRecord(e.properties)) Object.assign(params, flatten(e.properties));
      return { vendor: 'split', event: str(e.eventTypeId), account, params };
    });
}

function kindOf(path: string): 'impressions' | 'events' | undefined {
  if (path === '/api/testImpressions/bulk' || path === '/api/testImpressions/beacon') return 'impressions';
  if (path === '/api/events/bulk' || path === '/api/events/beacon') return 'events';
  return undefined;
}

export const split: TagDecoder = {
  vendor: 'split',
  matches: (url) => {
    if (!domainIs(url.hostname, 'split.io')) return false;
    const path = url.pathname;
    return (
      kindOf(path) !== undefined || (url.hostname.startsWith('cdn') && path.startsWith('/sdk/') && path.endsWith('.js'))
    );
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path.endsWith('.js'))
      return [{ vendor: 'split', event: 'library_load', params: { script: path.slice(path.lastIndexOf('/') + 1) } }];
    const kind = kindOf(path);
    if (kind === undefined) return [];
    const body = readBody(req.body);
    if (body.kind !== 'json') {
      return [{ vendor: 'split', params: {}, partial: unreadJsonReason(body) }];
    }
    const json = body.value;
    const account = isRecord(json) ? str(json.token) : undefined;
    const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.entries) ? json.entries : [];
    const hits = kind === 'impressions' ? impressions(list, account) : events(list, account);
    return hits.length > 0 ? hits : [{ vendor: 'split', account, params: {}, partial: 'the batch carries nothing' }];
  },
};
