import { flatten, isRecord, queryOf, readBody, safeDecode, str, unreadJsonReason } from './params';
import type { TagDecoder, TagHit } from './types';

// RTB House retargeting tags, as RTB House's implementation guide gives them: an iframe (or image) of
// `https://creativecdn.com/tags?id=pr_<tagging hash>_<event>[_<arguments>]` — regional hosts `us.`, `asia.` too —
// one `id` per event, several `id`s in one request when a page sends several (`&id=pr_…_uid_<user id>`). Events:
// `home`; `offer_<product id>`; `listing_<id>,<id>,…`; `category2_<category id>`; `basketstatus_<id>,…`;
// `startorder`; `orderstatus2_<value>_<order id>_<id>,…` (with `&cd=default` for the deduplication flag); `search`;
// `uid_<user id>`. The tagging hash is the account. Newer tags POST the same events as JSON to
// `https://<region.>creativecdn.com/tags/v2?type=json`: `{ th: <tagging hash>, tags: [{ eventType: 'home' },
// { eventType: 'uid', id: … }, …] }` (RTB House documents the events, not this body: read defensively, one hit per
// tag, its other fields kept as sent). Not hits: cookie matching (`/cm-notify`) and ad serving.

const TAGS: ReadonlySet<string> = new Set(['/tags', '/tags/']);
const TAGS_V2 = '/tags/v2';
const MAX_TAGS = 50;

function args(event: string, rest: string[], params: Record<string, string>): void {
  switch (event) {
    case 'offer':
      if (rest[0]) params.product_id = rest.join('_');
      return;
    case 'listing':
    case 'basketstatus':
      if (rest[0]) params.product_ids = rest.join('_');
      return;
    case 'category2':
      if (rest[0]) params.category_id = rest.join('_');
      return;
    case 'orderstatus2':
      if (rest[0]) params.value = rest[0];
      if (rest[1]) params.order_id = rest[1];
      if (rest.length > 2) params.product_ids = rest.slice(2).join('_');
      return;
    case 'uid':
      if (rest[0]) params.user_id = rest.join('_');
      return;
    default:
      if (rest.length > 0) params.arguments = rest.join('_');
  }
}

/** `pr_<hash>_<event>_<args…>`; undefined for an id of another shape. */
function tagHit(id: string, shared: Record<string, string>): TagHit | undefined {
  const parts = safeDecode(id).split('_');
  if (parts[0] !== 'pr' || !parts[1] || !parts[2]) return undefined;
  const [, hash, event = '', ...rest] = parts;
  const params: Record<string, string> = { ...shared };
  args(event, rest, params);
  return { vendor: 'rtb-house', event, account: hash, params };
}

function v2Hits(body: string | undefined): TagHit[] {
  const read = readBody(body);
  if (read.kind !== 'json' || !isRecord(read.value))
    return [{ vendor: 'rtb-house', params: {}, partial: unreadJsonReason(read) }];
  const hash = str(read.value.th);
  const tags = Array.isArray(read.value.tags) ? read.value.tags.slice(0, MAX_TAGS) : [];
  return tags.map((tag): TagHit => {
    if (!isRecord(tag))
      return { vendor: 'rtb-house', account: hash, params: {}, partial: 'a tag entry is not an object' };
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag)) if (k !== 'eventType') flatten(v, k, params);
    return { vendor: 'rtb-house', event: str(tag.eventType), account: hash, params };
  });
}

export const rtbHouse: TagDecoder = {
  vendor: 'rtb-house',
  matches: (url) =>
    (TAGS.has(url.pathname) || url.pathname === TAGS_V2) &&
    (url.hostname === 'creativecdn.com' || url.hostname.endsWith('.creativecdn.com')),
  decode: (url, req): TagHit[] => {
    if (url.pathname === TAGS_V2) return v2Hits(req.body);
    if (!TAGS.has(url.pathname)) return [];
    const shared: Record<string, string> = {};
    for (const [key, value] of queryOf(url))
      if (key !== 'id' && value !== '') shared[key === 'cd' ? 'deduplication' : key] = value;
    const hits: TagHit[] = [];
    for (const id of queryOf(url).getAll('id').slice(0, MAX_TAGS)) {
      const hit = tagHit(id, shared);
      if (hit) hits.push(hit);
    }
    return hits;
  },
};
