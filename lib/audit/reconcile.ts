import { DEFAULT_WINDOW_MS, type ExpectedTag, type Goal } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { compileTag, describeExpected, type CompiledTag } from './match-tag';
import { seconds, triggerWords, vendorName } from './words';

// Reconciliation: for every firing of every goal of the plan, did each expected tag go out?
// Pure: the caller passes the tab's firings and hits (all sessions of the tab: a submit that navigates away has
// its hits in the next page's session), and gets the same answer every time.

export type TagStatus = 'sent' | 'missing' | 'blocked' | 'failed';

export interface TagResult {
  expected: ExpectedTag;
  status: TagStatus;
  /** The hit that counted (sent), or the attempt that was blocked or failed. */
  hitId?: string;
  /** Why it is not sent, in plain words. */
  reason?: string;
  /** For a missing tag: what was seen instead (the last sentence of `reason`), the clue that usually names the fix. */
  hint?: string;
}

export interface FiringResult {
  firing: StoredFiring;
  /** One per expected tag of the goal, in the plan's order. */
  tags: TagResult[];
}

export interface GoalResult {
  goal: Goal;
  /** How many times the goal fired; 0 when it did not. */
  fired: number;
  /** In time order. */
  firings: FiringResult[];
}

export interface ReconcileOptions {
  /** How long before a firing a hit still counts: tags often fire on the same click a few ms before the content script hears of it. */
  leadMs?: number;
}

export const DEFAULT_LEAD_MS = 2_000;

const MAX_SEEN_EVENTS = 5;

function isSuccess(hit: StoredHit): boolean {
  return hit.status === 'pending' || hit.status === 'sent';
}

function byTime<T extends { at: number; id: string }>(a: T, b: T): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** First index with `hits[i].at >= at` (hits sorted by time). */
function firstAtOrAfter(hits: readonly StoredHit[], at: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tab's hits of each vendor, in time order. */
type HitIndex = Map<number, Map<VendorId, StoredHit[]>>;

function indexHits(hits: readonly StoredHit[]): HitIndex {
  const index: HitIndex = new Map();
  for (const hit of hits) {
    let tab = index.get(hit.tabId);
    if (!tab) index.set(hit.tabId, (tab = new Map()));
    let list = tab.get(hit.vendor);
    if (!list) tab.set(hit.vendor, (list = []));
    list.push(hit);
  }
  for (const tab of index.values()) for (const list of tab.values()) list.sort(byTime);
  return index;
}

function windowOf(goal: Goal): number {
  const w = goal.windowMs;
  return w !== undefined && Number.isFinite(w) && w >= 0 ? w : DEFAULT_WINDOW_MS;
}

/** The vendor's hits of the firing's tab between `leadMs` before and `windowMs` after it. */
interface Window {
  hits: StoredHit[];
}

function hitsIn(all: readonly StoredHit[], from: number, to: number): StoredHit[] {
  const out: StoredHit[] = [];
  for (let i = firstAtOrAfter(all, from); i < all.length && all[i]!.at <= to; i++) out.push(all[i]!);
  return out;
}

function failureWords(hit: StoredHit): string {
  const name = vendorName(hit.vendor);
  if (hit.status === 'blocked') return `The ${name} request was blocked${hit.error ? `: ${hit.error}` : ' by the browser or an extension'}`;
  const why = hit.statusCode !== undefined && hit.statusCode >= 400 ? `HTTP ${hit.statusCode}` : hit.error ?? 'no answer from the vendor';
  return `The ${name} request failed: ${why}`;
}

/** Why nothing counted, and what was seen instead: the clue that usually names the fix. */
function missingWords(
  goal: Goal, firing: StoredFiring, tag: CompiledTag, win: Window, all: readonly StoredHit[], leadMs: number, claimedBy: Map<string, StoredFiring>,
): { head: string; hint: string } {
  const name = vendorName(tag.expected.vendor);
  const noun = triggerWords(goal.trigger).noun;
  const what = tag.expected.event === undefined && describeExpected(tag.expected) === 'any event' ? '' : ` with event ${describeExpected(tag.expected)}`;
  const head = `No ${name} hit${what} between ${seconds(leadMs)} before and ${seconds(windowOf(goal))} after ${noun}.`;

  const claimed = win.hits.filter((h) => tag.matches(h) && claimedBy.has(h.id));
  if (claimed.length) {
    const other = claimedBy.get(claimed[0]!.id)!;
    const gap = firing.at - other.at;
    const when = gap >= 0 ? `${seconds(gap)} earlier` : `${seconds(-gap)} later`;
    const bare = noun.replace(/^the /, '');
    return { head, hint: `The matching hit in that window was already counted for the other ${bare} ${when}: each ${bare} needs its own hit.` };
  }

  if (win.hits.length) {
    const seen: string[] = [];
    const events = new Set<string>();
    for (const hit of win.hits) {
      const event = hit.event === 'library_load' ? 'the library load' : hit.event ?? '(no event)';
      const why = tag.mismatch(hit);
      // Right event, wrong details: say which detail, it is the one to fix.
      const label = hit.event === tag.expected.event && why ? `${event} (${why})` : event;
      if (events.has(label)) continue;
      events.add(label);
      seen.push(label);
    }
    const more = seen.length > MAX_SEEN_EVENTS ? ` and ${seen.length - MAX_SEEN_EVENTS} more` : '';
    return { head, hint: `Seen from ${name} in that window: ${seen.slice(0, MAX_SEEN_EVENTS).join(', ')}${more}.` };
  }

  // The nearest matching hit outside the window: a slow tag looks exactly like a missing one.
  let nearest: StoredHit | undefined;
  for (const hit of all) {
    if (!tag.matches(hit)) continue;
    if (!nearest || Math.abs(hit.at - firing.at) < Math.abs(nearest.at - firing.at)) nearest = hit;
  }
  if (nearest) {
    const gap = nearest.at - firing.at;
    const hint = gap > 0
      ? `A matching hit came ${seconds(gap)} after ${noun}, outside the window: if the tag is just slow, raise the goal's windowMs.`
      : `A matching hit came ${seconds(-gap)} before ${noun}, too early to belong to it.`;
    return { head, hint };
  }
  if (all.length === 0) return { head, hint: `No ${name} hit at all in this tab: is the tag installed and allowed to run?` };
  return { head, hint: `Nothing from ${name} in that window.` };
}

/** The statuses of one expected tag over every firing of its goal: one hit counts for one firing only. */
function assign(
  goal: Goal, firings: readonly StoredFiring[], expected: ExpectedTag, index: HitIndex, leadMs: number,
): TagResult[] {
  const tag = compileTag(expected);
  const claimedBy = new Map<string, StoredFiring>();
  const windowMs = windowOf(goal);
  return firings.map((firing) => {
    const all = index.get(firing.tabId)?.get(expected.vendor) ?? [];
    const win: Window = { hits: hitsIn(all, firing.at - leadMs, firing.at + windowMs) };
    const free = win.hits.filter((h) => !claimedBy.has(h.id) && tag.matches(h));
    // Greedy in time order, earliest hit to earliest firing: with one window length per goal this is the best
    // assignment, and it never lets a later firing steal the hit an earlier one needed.
    const ok = free.find(isSuccess);
    if (ok) {
      claimedBy.set(ok.id, firing);
      // A blocked attempt the page retried belongs to this firing too, not to the next one.
      for (const h of free) if (!isSuccess(h) && h.at <= ok.at) claimedBy.set(h.id, firing);
      return { expected, status: 'sent', hitId: ok.id };
    }
    const attempt = free[0];
    if (attempt) {
      claimedBy.set(attempt.id, firing);
      const status: TagStatus = attempt.status === 'blocked' ? 'blocked' : 'failed';
      return { expected, status, hitId: attempt.id, reason: failureWords(attempt) };
    }
    const { head, hint } = missingWords(goal, firing, tag, win, all, leadMs, claimedBy);
    return { expected, status: 'missing', reason: `${head} ${hint}`, hint };
  });
}

/**
 * One result per goal of the plan, fired or not. Hits count for a firing from `leadMs` before it to the goal's
 * `windowMs` after it, in the same tab (any session of it). Different goals may share a hit.
 */
export function reconcile(goals: readonly Goal[], firings: readonly StoredFiring[], hits: readonly StoredHit[], options: ReconcileOptions = {}): GoalResult[] {
  const leadMs = options.leadMs !== undefined && Number.isFinite(options.leadMs) && options.leadMs >= 0 ? options.leadMs : DEFAULT_LEAD_MS;
  const index = indexHits(hits);
  const byGoal = new Map<string, StoredFiring[]>();
  for (const firing of firings) {
    let list = byGoal.get(firing.goalId);
    if (!list) byGoal.set(firing.goalId, (list = []));
    list.push(firing);
  }
  return goals.map((goal) => {
    const mine = (byGoal.get(goal.id) ?? []).slice().sort(byTime);
    const columns = (goal.expect ?? []).map((expected) => assign(goal, mine, expected, index, leadMs));
    return {
      goal,
      fired: mine.length,
      firings: mine.map((firing, i) => ({ firing, tags: columns.map((column) => column[i]!) })),
    };
  });
}

/** True when every expected tag of every firing was sent (a goal that did not fire is not fully tracked). */
export function fullyTracked(result: GoalResult): boolean {
  return result.fired > 0 && result.firings.every((f) => f.tags.every((t) => t.status === 'sent'));
}
