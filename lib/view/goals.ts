import { judged, windowOf, type GoalResult, type TagResult, type TagStatus } from '../audit/reconcile';
import type { Goal } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import {
  STATUS_SYMBOL,
  STATUS_WORDS,
  count,
  elementWords,
  expectedObject,
  expectedWords,
  notTriggeredWords,
  seconds,
  triggerWords,
  vendorName,
  vendorOwner,
  verdictWords,
  worstOf,
  type Verdict,
} from '../words';
import { failureReason } from './format';

// The Goals view's rows: one per goal of the plan in force on the page, written for a marketer. Pure: the
// popup passes the reconciliation (lib/audit) and the hits it looked at. The goals that own an action come
// first, then those whose actions another goal owns, then the goals that did not fire (the view folds them).

/** One expected tag of a goal, over all the actions it owns: a chip on the goal's row. */
export interface TagChip {
  vendor: VendorId;
  event?: string;
  /** `Meta Pixel` */
  vendorName: string;
  /** What the plan expects, in words: `Lead`, `add_to_cart (currency = EUR, value set)`, `any event`. */
  expected: string;
  status: Verdict;
  symbol: string;
  /** `sent`, `missing`, `missing (1 of 2 sent)`, `not triggered`. */
  words: string;
}

/** One expected tag for one firing: what happened, in a sentence. */
export interface TagLine {
  vendor: VendorId;
  event?: string;
  vendorName: string;
  status: TagStatus;
  symbol: string;
  /** `Meta Pixel did not send AddToCart within 5 s of the click.` */
  sentence: string;
  /** For a missing tag: what was seen instead (the clue to the fix). */
  hint?: string;
  /** The hit that counted, or the attempt that was blocked or failed. */
  hitId?: string;
  hit?: StoredHit;
  /** True when the Hits view lists the hit (a hit sent as the page unloaded is on the next page). */
  hitShown: boolean;
}

export interface FiringView {
  id: string;
  at: number;
  /** `the “Subscribe” form`, `the “Add to cart” button of Desk lamp`, `the dataLayer event “purchase”`. */
  what: string;
  /** A selector a developer can paste into devtools. */
  selector?: string;
  tags: TagLine[];
  /** The goal that owns this action, when another one does: this firing has no verdict. */
  ownedBy?: string;
  /** The other goals that matched the same action (on the owner's firing). */
  alsoMatched: string[];
}

/**
 * tracked: every tag sent for every action it owns · problem: some were not · no_tags: the goal expects none ·
 * owned: it matched only actions another goal owns · not_triggered.
 */
export type GoalState = 'tracked' | 'problem' | 'no_tags' | 'owned' | 'not_triggered';

export interface GoalView {
  id: string;
  name: string;
  fired: number;
  /** `fired 2×`, `matched 1× — counted under “Add to cart (button)”` or `not triggered yet`. */
  firedWords: string;
  /** When the goal fires, for a marketer: `a form with an email field is submitted`. */
  when: string;
  /** The selector or pattern of the trigger, for the developer. */
  whenDetail?: string;
  state: GoalState;
  tags: TagChip[];
  /** In time order. */
  firings: FiringView[];
}

function gapWords(hitAt: number, firingAt: number, noun: string): string {
  const gap = hitAt - firingAt;
  // Tags often fire on the same click a few ms before the content script hears of it: that is "with" it.
  if (Math.abs(gap) < 50) return `with ${noun}`;
  return gap > 0 ? `${seconds(gap)} after ${noun}` : `${seconds(-gap)} before ${noun}`;
}

/** The sentence for one expected tag of one firing. */
export function tagSentence(
  goal: Goal,
  firing: Pick<StoredFiring, 'at'>,
  tag: TagResult,
  hit: StoredHit | undefined,
): string {
  const name = vendorName(tag.expected.vendor);
  const what = expectedObject(tag.expected);
  const noun = triggerWords(goal.trigger).noun;
  switch (tag.status) {
    case 'sent':
      return `${name} sent ${hit?.event ?? what} ${hit ? gapWords(hit.at, firing.at, noun) : `for ${noun}`}.`;
    case 'missing':
      return `${name} did not send ${what} within ${seconds(windowOf(goal))} of ${noun}.`;
    case 'blocked': {
      const why = hit?.error ? ` (${hit.error})` : '';
      return (
        `${name} tried to send ${what}, but the request was blocked before it reached ${vendorOwner(tag.expected.vendor)}${why}: ` +
        "an ad blocker, the browser's privacy settings or another extension stopped it."
      );
    }
    case 'failed': {
      const why = hit ? failureReason(hit) : undefined;
      return `${name} sent ${what}, but the request failed${why ? ` (${why})` : ''}: ${vendorOwner(tag.expected.vendor)} did not record it.`;
    }
  }
}

function chip(goal: Goal, result: GoalResult, index: number): TagChip {
  const expected = goal.expect![index]!;
  const base = {
    vendor: expected.vendor,
    vendorName: vendorName(expected.vendor),
    expected: expectedWords(expected),
    ...(expected.event !== undefined ? { event: expected.event } : {}),
  };
  const own = judged(result);
  if (own.length === 0)
    return { ...base, status: 'not_triggered', symbol: STATUS_SYMBOL.not_triggered, words: STATUS_WORDS.not_triggered };
  const statuses = own.map((f) => f.tags[index]?.status ?? 'missing');
  const status = worstOf(statuses);
  return {
    ...base,
    status,
    symbol: STATUS_SYMBOL[status],
    words: verdictWords(status, statuses.filter((s) => s === 'sent').length, statuses.length),
  };
}

function stateOf(result: GoalResult): GoalState {
  if (result.fired === 0) return 'not_triggered';
  const own = judged(result);
  if (own.length === 0) return 'owned';
  if (!result.goal.expect?.length) return 'no_tags';
  return own.every((f) => f.tags.every((t) => t.status === 'sent')) ? 'tracked' : 'problem';
}

const ORDER: Readonly<Record<GoalState, number>> = { tracked: 0, problem: 0, no_tags: 0, owned: 1, not_triggered: 2 };

/**
 * One view per goal: the goals that own an action first (in the order they fired), then those that matched only
 * actions another goal owns, then those that did not fire (in the plan's order). `hits` are the hits the reconciliation looked at, to
 * show the one each tag matched; `shown`, those the Hits view lists.
 */
export function goalViews(
  results: readonly GoalResult[],
  hits: readonly StoredHit[],
  shown: ReadonlySet<string> = new Set(hits.map((h) => h.id)),
): GoalView[] {
  const byId = new Map(hits.map((h) => [h.id, h]));
  const views = results.map((result): GoalView => {
    const { goal } = result;
    const state = stateOf(result);
    const trigger = triggerWords(goal.trigger);
    const owners = [...new Set(result.firings.flatMap((f) => (f.ownedBy ? [f.ownedBy.goal.name] : [])))];
    const firedWords =
      result.fired === 0
        ? 'not triggered yet'
        : state === 'owned'
          ? `matched ${result.fired}× — counted under ${owners.map((n) => `“${n}”`).join(', ')}`
          : `fired ${result.fired}×`;
    return {
      id: goal.id,
      name: goal.name,
      fired: result.fired,
      firedWords,
      when: trigger.when,
      ...(trigger.detail ? { whenDetail: trigger.detail } : {}),
      state,
      tags: (goal.expect ?? []).map((_, i) => chip(goal, result, i)),
      firings: result.firings.map(({ firing, tags, ownedBy, alsoMatched }) => ({
        id: firing.id,
        at: firing.at,
        ...elementWords(firing),
        ...(ownedBy ? { ownedBy: ownedBy.goal.name } : {}),
        alsoMatched: alsoMatched.map((m) => m.goal.name),
        tags: tags.map((tag): TagLine => {
          const hit = tag.hitId ? byId.get(tag.hitId) : undefined;
          return {
            vendor: tag.expected.vendor,
            ...(tag.expected.event !== undefined ? { event: tag.expected.event } : {}),
            vendorName: vendorName(tag.expected.vendor),
            status: tag.status,
            symbol: STATUS_SYMBOL[tag.status],
            sentence: tagSentence(goal, firing, tag, hit),
            ...(tag.status === 'missing' && tag.hint ? { hint: tag.hint } : {}),
            ...(tag.hitId ? { hitId: tag.hitId } : {}),
            ...(hit ? { hit } : {}),
            hitShown: tag.hitId !== undefined && shown.has(tag.hitId),
          };
        }),
      })),
    };
  });
  // Fired goals in the order the visitor made them fire; the others in the plan's order.
  const first = (v: GoalView) => (v.firings.length > 0 ? Math.min(...v.firings.map((f) => f.at)) : 0);
  return views
    .map((v, i) => ({ v, i }))
    .sort((a, b) => ORDER[a.v.state] - ORDER[b.v.state] || first(a.v) - first(b.v) || a.i - b.i)
    .map(({ v }) => v);
}

/** The line above the goals: `3 goals fired · 1 fully tracked · 2 with tags missing`. */
export function goalsHeadline(views: readonly GoalView[]): string {
  if (views.length === 0) return '';
  const fired = views.filter((v) => v.state !== 'not_triggered' && v.state !== 'owned');
  if (fired.length === 0) return `None of the ${count(views.length, 'goal')} for this page fired yet.`;
  const tracked = fired.filter((v) => v.state === 'tracked').length;
  const problems = fired.filter((v) => v.state === 'problem').length;
  const parts = [`${count(fired.length, 'goal')} fired`];
  if (tracked > 0) parts.push(`${tracked} fully tracked`);
  if (problems > 0) parts.push(`${problems} with tags missing`);
  return parts.join(' · ');
}

/** The folded line: `12 goals not triggered on this page`; empty when every goal fired. */
export function foldedGoalsLine(views: readonly GoalView[]): string {
  const n = views.filter((v) => v.state === 'not_triggered').length;
  return n > 0 ? notTriggeredWords(n) : '';
}
