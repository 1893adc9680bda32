import { isShippedGoal } from '../goals/library';
import type { ExpectedTag, Goal, Trigger, TriggerKind } from '../goals/types';
import type { StoredFiring } from '../store/types';

// One action, one goal. A visitor's click can match three goals (the add-to-cart button by its class, by its
// caption, and the dataLayer event the click pushes); a submit can match a newsletter goal and a contact goal.
// The firings of one action are grouped here, from their time, trigger and element — the content script only
// reports what matched — and the most specific goal owns the action: it alone gets a verdict, the others are
// "matched, owned by X". Pure, like the reconciliation that uses it.
//
// The rule (README, "One action, one goal"), first difference wins:
//   1. a goal of a per-site plan beats a goal of a general plan the user wrote, which beats one Tagwatch ships
//      (the default plan, a preset) as shipped;
//   2. a goal that expects tags beats one that only logs;
//   3. an explicit trigger beats a heuristic: a selector with an id (#newsletter) beats one with a class or an
//      attribute (.add-to-cart, [action*=demo]) or a named event or page pattern, which beat a caption, a field,
//      or a selector made only of a tag and exclusions (form:not(…));
//   4. a form trigger asking for a field other than email (a phone, a password) beats one asking for an email,
//      and a click on a selector with a caption beats the selector alone;
//   5. the earlier goal in the plans wins.

/** Where a goal comes from: a per-site plan, a plan the user wrote or changed, or shipped with Tagwatch. */
export type GoalOrigin = 'site' | 'own' | 'shipped';

export interface ActionMember {
  goal: Goal;
  firing: StoredFiring;
}

export interface Action {
  /** The owner's firing id. */
  id: string;
  /** The goal that judges the action's tags. */
  owner: ActionMember;
  /** The other goals that matched the same action: no verdict of their own. */
  others: ActionMember[];
}

/** Firings one DOM event or page event makes are reported within a few ms: one observation. */
export const SAME_OBSERVATION_MS = 100;
/**
 * A click and the dataLayer event its handler pushes, a confirmation page and the purchase it reports: firings of
 * different kinds this close, whose goals expect the same tag, are one action.
 */
export const LINK_MS = 2_000;

/** Which observation a trigger kind reads: firings of one observation share it. */
const FAMILY: Readonly<Record<TriggerKind, string>> = {
  form_submit: 'submit',
  click: 'click',
  download: 'click',
  outbound_click: 'click',
  video: 'video',
  datalayer_event: 'datalayer',
  page_view: 'page',
  site_search: 'page',
  scroll_depth: 'scroll',
  element_visible: 'visible',
  time_on_page: 'time',
};
/** Families whose firings all describe the same element when they come from one observation. */
const SAME_ELEMENT: ReadonlySet<string> = new Set(['submit', 'video']);
/** Families with no element: one observation is one value of the firing's detail (the URL, the percent…). */
const BY_DETAIL: ReadonlySet<string> = new Set(['datalayer', 'page', 'scroll', 'time']);

// ——— ranking ———

/** A selector with its `:not(…)` and `:has(…)` parts taken out: what it positively names. */
function positivePart(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const m = /^:(not|has|is|where)\(/.exec(selector.slice(i));
    if (m && (m[1] === 'not' || m[1] === 'has')) {
      let depth = 0;
      let j = i + m[0].length - 1;
      for (; j < selector.length; j++) {
        if (selector[j] === '(') depth++;
        else if (selector[j] === ')' && --depth === 0) break;
      }
      i = j;
      continue;
    }
    out += selector[i];
  }
  return out;
}

/** 3: names an element by its id · 2: by a class or an attribute · 1: a tag and exclusions only. */
export function selectorScore(selector: string): number {
  const positive = positivePart(selector);
  if (/#[\w-]/.test(positive)) return 3;
  if (/[.[]/.test(positive)) return 2;
  return 1;
}

/** Rule 3: how explicitly the trigger names what it waits for. */
export function explicitness(t: Trigger): number {
  switch (t.kind) {
    case 'form_submit':
      return t.selector ? selectorScore(t.selector) : 0;
    case 'click':
      return t.selector ? selectorScore(t.selector) : 1;
    case 'video':
      return t.selector ? selectorScore(t.selector) : 0;
    case 'element_visible':
      return selectorScore(t.selector);
    case 'datalayer_event':
    case 'page_view':
      return 2;
    case 'site_search':
      return t.param ? 2 : 1;
    case 'download':
      return t.extensions?.length ? 2 : 1;
    case 'outbound_click':
      return t.hosts?.length ? 2 : 1;
    case 'scroll_depth':
    case 'time_on_page':
      return 1;
  }
}

const EMAIL_FIELDS = new Set(['email', 'e-mail', 'mail']);

/** Rule 4: what the trigger asks for beyond its main condition. */
function conditions(t: Trigger): number {
  if (t.kind === 'form_submit')
    return t.hasField === undefined ? 0 : EMAIL_FIELDS.has(t.hasField.toLowerCase()) ? 1 : 2;
  if (t.kind === 'click') return t.selector && t.text ? 1 : 0;
  return 0;
}

const ORIGIN_RANK: Readonly<Record<GoalOrigin, number>> = { site: 2, own: 1, shipped: 0 };

/** The goal's rank as a list compared item by item, greater first (rules 1 to 4; rule 5 is the plan order). */
export function goalRank(goal: Goal, origin: GoalOrigin): number[] {
  return [ORIGIN_RANK[origin], goal.expect?.length ? 1 : 0, explicitness(goal.trigger), conditions(goal.trigger)];
}

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/** A goal's origin when the caller does not say: shipped if it is the library's goal as shipped, else the user's own. */
export function defaultOrigin(goal: Goal): GoalOrigin {
  return isShippedGoal(goal) ? 'shipped' : 'own';
}

// ——— grouping ———

function tagKey(e: ExpectedTag): string {
  return `${e.vendor}\u0000${e.event ?? '*'}`;
}

interface Group {
  family: string;
  tabId: number;
  at: number;
  members: ActionMember[];
  goals: Set<string>;
  tags: Set<string>;
}

function detailKey(firing: StoredFiring): string {
  const { source: _source, ...rest } = firing.detail ?? {};
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function joins(group: Group, member: ActionMember): boolean {
  const { firing } = member;
  if (group.tabId !== firing.tabId || group.family !== FAMILY[firing.trigger] || group.goals.has(member.goal.id))
    return false;
  if (firing.at - group.at > SAME_OBSERVATION_MS) return false;
  const first = group.members[0]!.firing;
  if (first.frameId !== firing.frameId) return false;
  // Numbered by the content script: one DOM event is one observation, however close in time two clicks came
  // (a busy renderer dispatches queued input events back to back, within a millisecond).
  if (first.observation !== undefined && firing.observation !== undefined)
    return first.sessionId === firing.sessionId && first.observation === firing.observation;
  if (BY_DETAIL.has(group.family)) return detailKey(first) === detailKey(firing);
  if (SAME_ELEMENT.has(group.family) && first.element?.selector && firing.element?.selector)
    return first.element.selector === firing.element.selector;
  return true;
}

function overlaps(a: Group, b: Group): boolean {
  for (const t of a.tags) if (b.tags.has(t)) return true;
  return false;
}

/**
 * The actions of a tab's firings: each firing of a goal in `goals` belongs to exactly one action. Firings of goals
 * not in `goals` are left out. `origins` says where each goal comes from (by id); see the rule above.
 */
export function groupActions(
  goals: readonly Goal[],
  firings: readonly StoredFiring[],
  origins?: ReadonlyMap<string, GoalOrigin>,
): Action[] {
  const byId = new Map(goals.map((g, i) => [g.id, { goal: g, index: i }]));
  const members: ActionMember[] = [];
  for (const firing of firings) {
    const known = byId.get(firing.goalId);
    if (known) members.push({ goal: known.goal, firing });
  }
  members.sort(
    (a, b) => a.firing.tabId - b.firing.tabId || a.firing.at - b.firing.at || (a.firing.id < b.firing.id ? -1 : 1),
  );

  // One observation: the same kind of event, within a few ms, each goal at most once.
  const groups: Group[] = [];
  const open: Group[] = [];
  for (const member of members) {
    const group = open.find((g) => joins(g, member));
    if (group) {
      group.members.push(member);
      group.goals.add(member.goal.id);
      for (const e of member.goal.expect ?? []) group.tags.add(tagKey(e));
      continue;
    }
    const fresh: Group = {
      family: FAMILY[member.firing.trigger],
      tabId: member.firing.tabId,
      at: member.firing.at,
      members: [member],
      goals: new Set([member.goal.id]),
      tags: new Set((member.goal.expect ?? []).map(tagKey)),
    };
    groups.push(fresh);
    open.push(fresh);
    // Groups that can take no more firing leave the open list: it stays a handful long.
    while (open.length > 0 && member.firing.at - open[0]!.at > SAME_OBSERVATION_MS) open.shift();
  }

  // Observations of different kinds that are one action: each links to its nearest partner expecting the same tag.
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.tags.size === 0) continue;
    let best = -1;
    let bestGap = Infinity;
    for (let j = i - 1; j >= 0 && g.at - groups[j]!.at <= LINK_MS; j--) consider(j);
    for (let j = i + 1; j < groups.length && groups[j]!.at - g.at <= LINK_MS; j++) consider(j);
    if (best >= 0) parent[find(i)] = find(best);
    function consider(j: number): void {
      const h = groups[j]!;
      if (h.tabId !== g.tabId || h.family === g.family || !overlaps(g, h)) return;
      const gap = Math.abs(h.at - g.at);
      if (gap < bestGap || (gap === bestGap && j < best)) {
        best = j;
        bestGap = gap;
      }
    }
  }
  const merged = new Map<number, ActionMember[]>();
  groups.forEach((g, i) => {
    const root = find(i);
    merged.set(root, [...(merged.get(root) ?? []), ...g.members]);
  });

  const originOf = (goal: Goal): GoalOrigin => origins?.get(goal.id) ?? defaultOrigin(goal);
  const rankOf = new Map<string, number[]>();
  const rank = (goal: Goal): number[] => {
    let r = rankOf.get(goal.id);
    if (!r) rankOf.set(goal.id, (r = goalRank(goal, originOf(goal))));
    return r;
  };
  const actions: Action[] = [];
  for (const list of merged.values()) {
    const ordered = list
      .slice()
      .sort(
        (a, b) =>
          compareRank(rank(a.goal), rank(b.goal)) ||
          byId.get(a.goal.id)!.index - byId.get(b.goal.id)!.index ||
          a.firing.at - b.firing.at,
      );
    const owner = ordered[0]!;
    actions.push({ id: owner.firing.id, owner, others: ordered.slice(1) });
  }
  return actions.sort((a, b) => a.owner.firing.at - b.owner.firing.at || (a.id < b.id ? -1 : 1));
}
