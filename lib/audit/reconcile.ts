import { DEFAULT_WINDOW_MS, type ExpectedTag, type Goal } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { elementWords, expectedWords, seconds, triggerWords, vendorName } from '../words';
import { groupActions, type Action, type GoalOrigin } from './actions';
import { compileTag, type CompiledTag } from './match-tag';

// Reconciliation: for every action of the tab, did each tag its goal expects go out?
// Pure: the caller passes the tab's firings and hits (all sessions of the tab: a submit that navigates away has
// its hits in the next page's session), and gets the same answer every time.
//
// Firings are grouped into actions first (lib/audit/actions.ts): one action, one goal, one verdict. Then each
// expected tag is matched to hits: a hit counts for one action only, and when it could count for two it goes to
// the one nearest in time — unless that would leave the other without a hit it could have had.

export type TagStatus = 'sent' | 'missing' | 'blocked' | 'failed';

/**
 * Why a tag is missing, as a kind of clue: another action's hit (`elsewhere`), the right event with the wrong
 * details (`mismatch`), other events only (`other_events`), a matching hit too late or too early, no hit of the
 * vendor in the whole tab (`no_vendor_hit`), or nothing at all in the window.
 */
export type MissingClue =
  | 'elsewhere'
  | 'mismatch'
  | 'other_events'
  | 'late'
  | 'early'
  | 'no_vendor_hit'
  | 'nothing_in_window';

export interface TagResult {
  expected: ExpectedTag;
  status: TagStatus;
  /** The hit that counted (sent), or the attempt that was blocked or failed. */
  hitId?: string;
  /** Why it is not sent, in plain words: the window looked at, then the clue. */
  reason?: string;
  /** For a missing tag: what was seen instead (the last sentence of `reason`), the clue that usually names the fix. */
  hint?: string;
  clue?: MissingClue;
  /** For a missing tag whose matching hit went to a nearer action: that action's firing and goal. */
  countedFor?: { firing: StoredFiring; goal: Goal; hitId: string };
}

export interface FiringResult {
  firing: StoredFiring;
  /** One per expected tag of the goal, in the plan's order; none when another goal owns the action. */
  tags: TagResult[];
  /** The goal that owns the action this firing is part of, when it is not this one: the verdict is the owner's. */
  ownedBy?: { goal: Goal; firing: StoredFiring };
  /** On the owner's firing: the other goals that matched the same action. */
  alsoMatched: Array<{ goal: Goal; firing: StoredFiring }>;
}

export interface GoalResult {
  goal: Goal;
  /** How many times the goal's trigger matched (owned firings included); 0 when it did not. */
  fired: number;
  /** In time order. */
  firings: FiringResult[];
}

export interface ReconcileOptions {
  /** How long before a firing a hit still counts: tags often fire on the same click a few ms before the content script hears of it. */
  leadMs?: number;
  /** Where each goal comes from (by id), for the ownership rule; guessed from the goal library when absent. */
  origins?: ReadonlyMap<string, GoalOrigin>;
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

function hitsIn(all: readonly StoredHit[], from: number, to: number): StoredHit[] {
  const out: StoredHit[] = [];
  for (let i = firstAtOrAfter(all, from); i < all.length && all[i]!.at <= to; i++) out.push(all[i]!);
  return out;
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

export function windowOf(goal: Goal): number {
  const w = goal.windowMs;
  return w !== undefined && Number.isFinite(w) && w >= 0 ? w : DEFAULT_WINDOW_MS;
}

/** One expected tag of one action: a place a hit can fill. */
interface Slot {
  action: Action;
  goal: Goal;
  firing: StoredFiring;
  tagIndex: number;
  tag: CompiledTag;
  /** The vendor's hits of the tab, in time order. */
  all: readonly StoredHit[];
  /** Of `all`, those between `leadMs` before the firing and the goal's window after it. */
  window: StoredHit[];
  /** Successful hits the slot can take, nearest first. */
  candidates: StoredHit[];
  result?: TagResult;
}

/**
 * Give each slot at most one hit, each hit to at most one slot: as many slots as can be filled are filled
 * (augmenting paths), starting from the nearest pairs, so a hit goes to the action nearest in time unless the
 * farther one has no other hit it could take.
 */
function matchSlots(slots: readonly Slot[]): Map<Slot, StoredHit> {
  const holder = new Map<string, Slot>();
  const taken = new Map<Slot, StoredHit>();
  const pairs: Array<{ slot: Slot; hit: StoredHit; gap: number }> = [];
  for (const slot of slots)
    for (const hit of slot.candidates) pairs.push({ slot, hit, gap: Math.abs(hit.at - slot.firing.at) });
  pairs.sort((a, b) => a.gap - b.gap || a.slot.firing.at - b.slot.firing.at);
  for (const { slot, hit } of pairs) {
    if (taken.has(slot) || holder.has(hit.id)) continue;
    taken.set(slot, hit);
    holder.set(hit.id, slot);
  }
  const augment = (slot: Slot, seen: Set<string>): boolean => {
    for (const hit of slot.candidates) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      const other = holder.get(hit.id);
      if (!other || augment(other, seen)) {
        taken.set(slot, hit);
        holder.set(hit.id, slot);
        return true;
      }
    }
    return false;
  };
  for (const slot of slots) if (!taken.has(slot) && slot.candidates.length > 0) augment(slot, new Set());
  return taken;
}

function failureWords(hit: StoredHit): string {
  const name = vendorName(hit.vendor);
  if (hit.status === 'blocked')
    return `The ${name} request was blocked${hit.error ? `: ${hit.error}` : ' by the browser or an extension'}`;
  const why =
    hit.statusCode !== undefined && hit.statusCode >= 400
      ? `HTTP ${hit.statusCode}`
      : (hit.error ?? 'no answer from the vendor');
  return `The ${name} request failed: ${why}`;
}

/** Why nothing counted for `slot`, and what was seen instead: the clue that usually names the fix. */
function missing(slot: Slot, leadMs: number, holderOf: ReadonlyMap<string, Slot>): TagResult {
  const { goal, firing, tag } = slot;
  const expected = tag.expected;
  const name = vendorName(expected.vendor);
  const noun = triggerWords(goal.trigger).noun;
  const what =
    expected.event === undefined && expectedWords(expected) === 'any event'
      ? ''
      : ` with event ${expectedWords(expected)}`;
  const head = `No ${name} hit${what} between ${seconds(leadMs)} before and ${seconds(windowOf(goal))} after ${noun}.`;
  const done = (clue: MissingClue, hint: string, extra: Partial<TagResult> = {}): TagResult => ({
    expected,
    status: 'missing',
    reason: `${head} ${hint}`,
    hint,
    clue,
    ...extra,
  });

  // The matching hit went to another action, nearer in time: say which.
  const elsewhere = slot.window.filter((h) => isSuccess(h) && tag.matches(h) && holderOf.has(h.id));
  if (elsewhere.length > 0) {
    elsewhere.sort((a, b) => Math.abs(a.at - firing.at) - Math.abs(b.at - firing.at));
    const hit = elsewhere[0]!;
    const other = holderOf.get(hit.id)!;
    const gap = other.firing.at - firing.at;
    const when = gap >= 0 ? `${seconds(gap)} later` : `${seconds(-gap)} earlier`;
    const otherWhat = elementWords(other.firing).what;
    const hint = `The matching ${name} hit in that window counts for “${other.goal.name}” on ${otherWhat} (${when}), nearer in time: each action needs its own hit.`;
    return done('elsewhere', hint, { countedFor: { firing: other.firing, goal: other.goal, hitId: hit.id } });
  }

  if (slot.window.length > 0) {
    const seen: string[] = [];
    const labels = new Set<string>();
    let mismatch: string | undefined;
    for (const hit of slot.window) {
      const event = hit.event === 'library_load' ? 'the library load' : (hit.event ?? '(no event)');
      const why = tag.mismatch(hit);
      // Right event, wrong details: say which detail, it is the one to fix.
      const right = hit.event === expected.event && why;
      if (right && mismatch === undefined) mismatch = `${event} (${why})`;
      const label = right ? `${event} (${why})` : event;
      if (labels.has(label)) continue;
      labels.add(label);
      seen.push(label);
    }
    const more = seen.length > MAX_SEEN_EVENTS ? ` and ${seen.length - MAX_SEEN_EVENTS} more` : '';
    if (mismatch !== undefined) return done('mismatch', `${name} sent ${mismatch} in that window.`);
    return done(
      'other_events',
      `Seen from ${name} in that window: ${seen.slice(0, MAX_SEEN_EVENTS).join(', ')}${more}.`,
    );
  }

  // The nearest matching hit outside the window: a slow tag looks exactly like a missing one.
  let nearest: StoredHit | undefined;
  for (const hit of slot.all) {
    if (!tag.matches(hit)) continue;
    if (!nearest || Math.abs(hit.at - firing.at) < Math.abs(nearest.at - firing.at)) nearest = hit;
  }
  if (nearest) {
    const gap = nearest.at - firing.at;
    return gap > 0
      ? done(
          'late',
          `A matching hit came ${seconds(gap)} after ${noun}, outside the window: if the tag is just slow, raise the goal's windowMs.`,
        )
      : done('early', `A matching hit came ${seconds(-gap)} before ${noun}, too early to belong to it.`);
  }
  if (slot.all.length === 0)
    return done('no_vendor_hit', `No ${name} hit at all in this tab: is the tag installed and allowed to run?`);
  return done('nothing_in_window', `Nothing from ${name} in that window.`);
}

/** The verdicts of every slot that expects tags of one vendor and event, in one tab. */
function judge(slots: Slot[], leadMs: number): void {
  // Actions compete for hits; the expected tags of one action do not: they may all be met by the same hit.
  const primary = new Map<Action, Slot>();
  for (const slot of slots) if (!primary.has(slot.action)) primary.set(slot.action, slot);
  const matched = matchSlots([...primary.values()]);
  const holderOf = new Map<string, Slot>();
  for (const [slot, hit] of matched) holderOf.set(hit.id, slot);
  const takenByOther = (slot: Slot, hit: StoredHit) => {
    const holder = holderOf.get(hit.id);
    return holder !== undefined && holder.action !== slot.action;
  };
  for (const slot of slots) {
    if (primary.get(slot.action) === slot) continue;
    const mine = matched.get(primary.get(slot.action)!);
    const ok = mine && slot.tag.matches(mine) ? mine : slot.candidates.find((h) => !takenByOther(slot, h));
    if (ok) matched.set(slot, ok);
  }
  const claimed = new Set(holderOf.keys());
  const ordered = slots.slice().sort((a, b) => byTime(a.firing, b.firing));
  for (const slot of ordered) {
    const ok = matched.get(slot);
    if (!ok) continue;
    claimed.add(ok.id);
    slot.result = { expected: slot.tag.expected, status: 'sent', hitId: ok.id };
    // A blocked attempt the page retried belongs to this action too, not to the next one.
    for (const h of slot.window)
      if (!isSuccess(h) && h.at <= ok.at && !claimed.has(h.id) && slot.tag.matches(h)) claimed.add(h.id);
  }
  for (const slot of ordered) {
    if (slot.result) continue;
    const attempts = slot.window.filter((h) => !isSuccess(h) && !claimed.has(h.id) && slot.tag.matches(h));
    attempts.sort((a, b) => Math.abs(a.at - slot.firing.at) - Math.abs(b.at - slot.firing.at));
    const attempt = attempts[0];
    if (attempt) {
      claimed.add(attempt.id);
      slot.result = {
        expected: slot.tag.expected,
        status: attempt.status === 'blocked' ? 'blocked' : 'failed',
        hitId: attempt.id,
        reason: failureWords(attempt),
      };
      continue;
    }
    slot.result = missing(slot, leadMs, holderOf);
  }
}

/**
 * One result per goal of the plan, fired or not. Hits count for an action from `leadMs` before it to its goal's
 * `windowMs` after it, in the same tab (any session of it); a hit counts for one action only.
 */
export function reconcile(
  goals: readonly Goal[],
  firings: readonly StoredFiring[],
  hits: readonly StoredHit[],
  options: ReconcileOptions = {},
): GoalResult[] {
  const leadMs =
    options.leadMs !== undefined && Number.isFinite(options.leadMs) && options.leadMs >= 0
      ? options.leadMs
      : DEFAULT_LEAD_MS;
  const index = indexHits(hits);
  const actions = groupActions(goals, firings, options.origins);

  // Every expected tag of every action's owner is a slot; slots of one tab, vendor and event compete for its hits.
  const compiled = new Map<ExpectedTag, CompiledTag>();
  const compile = (e: ExpectedTag) => {
    let c = compiled.get(e);
    if (!c) compiled.set(e, (c = compileTag(e)));
    return c;
  };
  const slotsOf = new Map<StoredFiring, Slot[]>();
  const competing = new Map<string, Slot[]>();
  for (const action of actions) {
    const { goal, firing } = action.owner;
    const mine: Slot[] = (goal.expect ?? []).map((expected, tagIndex) => {
      const tag = compile(expected);
      const all = index.get(firing.tabId)?.get(expected.vendor) ?? [];
      const window = hitsIn(all, firing.at - leadMs, firing.at + windowOf(goal));
      const candidates = window.filter((h) => isSuccess(h) && tag.matches(h));
      candidates.sort((a, b) => Math.abs(a.at - firing.at) - Math.abs(b.at - firing.at));
      const slot: Slot = { action, goal, firing, tagIndex, tag, all, window, candidates };
      const key = `${firing.tabId}\u0000${expected.vendor}\u0000${expected.event ?? '*'}`;
      let list = competing.get(key);
      if (!list) competing.set(key, (list = []));
      list.push(slot);
      return slot;
    });
    slotsOf.set(firing, mine);
  }
  for (const slots of competing.values()) judge(slots, leadMs);

  const perFiring = new Map<StoredFiring, FiringResult>();
  for (const action of actions) {
    const { owner, others } = action;
    perFiring.set(owner.firing, {
      firing: owner.firing,
      tags: (slotsOf.get(owner.firing) ?? []).map((s) => s.result!),
      alsoMatched: others,
    });
    for (const other of others)
      perFiring.set(other.firing, { firing: other.firing, tags: [], ownedBy: owner, alsoMatched: [] });
  }
  const byGoal = new Map<string, FiringResult[]>();
  for (const result of perFiring.values()) {
    let list = byGoal.get(result.firing.goalId);
    if (!list) byGoal.set(result.firing.goalId, (list = []));
    list.push(result);
  }
  return goals.map((goal) => {
    const mine = (byGoal.get(goal.id) ?? []).sort((a, b) => byTime(a.firing, b.firing));
    return { goal, fired: mine.length, firings: mine };
  });
}

/** The firings with a verdict of their own (not owned by another goal's action). */
export function judged(result: GoalResult): FiringResult[] {
  return result.firings.filter((f) => !f.ownedBy);
}

/** True when every expected tag of every action the goal owns was sent (a goal that owns none is not fully tracked). */
export function fullyTracked(result: GoalResult): boolean {
  const own = judged(result);
  return own.length > 0 && own.every((f) => f.tags.every((t) => t.status === 'sent'));
}
