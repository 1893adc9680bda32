import type { StoredHit } from '../store/types';
import { groupParams, type ParamGroupId } from './param-groups';

// Two hits of the same event side by side: what a developer does to see why the purchase on one page carries
// a value and on the other does not. Rows that differ are flagged; the rest show that the two agree.

export interface CompareRow {
  key: string;
  /** Where the key sits in the hit's grouped view (items fields are `items.N.field`). */
  group: ParamGroupId | 'items' | 'request';
  a?: string;
  b?: string;
  same: boolean;
}

const GROUP_ORDER: ReadonlyArray<CompareRow['group']> = [
  'request',
  'event',
  'items',
  'page',
  'user',
  'consent',
  'technical',
];

function rowsOf(hit: StoredHit): Map<string, { group: CompareRow['group']; value: string }> {
  const out = new Map<string, { group: CompareRow['group']; value: string }>();
  out.set('account', { group: 'request', value: hit.account ?? '' });
  out.set('status', { group: 'request', value: hit.status });
  const grouped = groupParams(hit.params);
  for (const g of grouped.groups) for (const [k, v] of g.params) out.set(k, { group: g.id, value: v });
  for (const row of grouped.items?.rows ?? [])
    for (const [field, v] of Object.entries(row.values))
      out.set(`${grouped.items!.name}.${row.index}.${field}`, { group: 'items', value: v });
  return out;
}

/** Every parameter of either hit, in the groups' order, each flagged when the two hits do not carry the same value. */
export function compareHits(a: StoredHit, b: StoredHit): CompareRow[] {
  const left = rowsOf(a);
  const right = rowsOf(b);
  const keys = [...left.keys(), ...[...right.keys()].filter((k) => !left.has(k))];
  const rows = keys.map((key): CompareRow => {
    const l = left.get(key);
    const r = right.get(key);
    return {
      key,
      group: (l ?? r)!.group,
      ...(l ? { a: l.value } : {}),
      ...(r ? { b: r.value } : {}),
      same: l?.value === r?.value,
    };
  });
  // A stable sort keeps each hit's own order within a group.
  return rows.sort((x, y) => GROUP_ORDER.indexOf(x.group) - GROUP_ORDER.indexOf(y.group));
}

/** The hits a hit can be compared with: the other hits of its vendor and event, nearest in time first. */
export function comparable(hit: StoredHit, hits: readonly StoredHit[]): StoredHit[] {
  return hits
    .filter((h) => h.id !== hit.id && h.vendor === hit.vendor && h.event === hit.event)
    .sort((x, y) => Math.abs(x.at - hit.at) - Math.abs(y.at - hit.at));
}
