// A hit's decoded parameters as a developer reads them: what the event was, which page, which user, the
// ecommerce items as a table, the consent it was sent under, and the protocol's own bookkeeping last. The
// decoders name parameters the same way across vendors (lib/tags: `page_location`, `user.*`, `items.N.*`,
// `consent.*`), so the groups are read from the names, not from a table per vendor.

export type ParamGroupId = 'event' | 'page' | 'user' | 'consent' | 'technical';

export interface ParamGroup {
  id: ParamGroupId;
  title: string;
  params: Array<[string, string]>;
}

/** The items of an ecommerce event, one row per item, one column per field seen on any item. */
export interface ItemsTable {
  /** `items`, `contents`, `products`: the name the hit used. */
  name: string;
  columns: string[];
  rows: Array<{ index: number; values: Record<string, string> }>;
}

export interface GroupedParams {
  groups: ParamGroup[];
  items?: ItemsTable;
}

const TITLES: Record<ParamGroupId, string> = {
  event: 'Event',
  page: 'Page',
  user: 'User',
  consent: 'Consent',
  technical: 'Protocol',
};
const ORDER: readonly ParamGroupId[] = ['event', 'page', 'user', 'consent', 'technical'];

const PAGE = new Set([
  'page_location',
  'page_title',
  'page_referrer',
  'page_url',
  'page_path',
  'page_hostname',
  'page_type',
  'referrer',
  'url',
  'title',
  'language',
  'screen_resolution',
  'screen_width',
  'screen_height',
  'viewport',
  'document_title',
  'document_url',
]);
const USER = new Set([
  'client_id',
  'user_id',
  'session_id',
  'session_count',
  'session_engaged',
  'session_start',
  'first_visit',
  'new_session_id',
  'browser_id',
  'click_id',
  'external_id',
  'anonymous_id',
  'anonymousId',
  'userId',
  'distinct_id',
  'device_id',
  'visitor_id',
  'ecid',
  'mid',
  'email',
  'em',
  'phone',
  'ph',
  'uid',
  'cid',
]);
const CONSENT = new Set([
  'gcs',
  'gcd',
  'npa',
  'dma',
  'dma_cps',
  'consent',
  'consent_flags',
  'consent_estimated',
  'gdpr',
  'gdpr_consent',
  'us_privacy',
  'coppa',
]);
const TECHNICAL = new Set([
  'protocol_version',
  'hit_sequence',
  'page_load_id',
  'tag_experiments',
  'library_version',
  'release',
  'init_time',
  'timestamp',
  'cookie_deprecation_label',
  'debug_mode',
  'engagement_time_msec',
  'cookies_off',
  'event_count',
  'event_source',
  'endpoint',
  'gtm',
  'tag_version',
  'random',
  'cache_buster',
]);
const ITEM_KEY = /^(items|contents|products|product)\.(\d+)\.(.+)$/;

function groupOf(key: string): ParamGroupId {
  if (key.startsWith('consent.') || CONSENT.has(key)) return 'consent';
  if (key.startsWith('user.') || key.startsWith('ud[') || USER.has(key)) return 'user';
  if (key.startsWith('page.') || PAGE.has(key)) return 'page';
  if (key.startsWith('ua_') || key.startsWith('_') || TECHNICAL.has(key)) return 'technical';
  return 'event';
}

/** The params of a hit, grouped; empty groups left out; each group in the order the hit carried them. */
export function groupParams(params: Readonly<Record<string, string>>): GroupedParams {
  const byGroup = new Map<ParamGroupId, Array<[string, string]>>();
  let items: ItemsTable | undefined;
  const rows = new Map<number, Record<string, string>>();
  const columns: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const m = ITEM_KEY.exec(key);
    if (m) {
      items ??= { name: m[1]!, columns, rows: [] };
      if (m[1] === items.name) {
        const index = Number(m[2]);
        const field = m[3]!;
        if (!columns.includes(field)) columns.push(field);
        let row = rows.get(index);
        if (!row) rows.set(index, (row = {}));
        row[field] = value;
        continue;
      }
    }
    const group = groupOf(key);
    let list = byGroup.get(group);
    if (!list) byGroup.set(group, (list = []));
    list.push([key, value]);
  }
  const groups = ORDER.filter((id) => byGroup.has(id)).map((id) => ({
    id,
    title: TITLES[id],
    params: byGroup.get(id)!,
  }));
  if (!items) return { groups };
  items.rows = [...rows].sort((a, b) => a[0] - b[0]).map(([index, values]) => ({ index, values }));
  return { groups, items };
}
