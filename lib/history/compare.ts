import type { FunnelResult } from '../audit/funnels';
import { type StepState, stepChangeWords, stepState } from '../words';
import { tallyKey, tallyWords, type TagTally } from './tags';

// Two visits of one site side by side — before and after a release — step by step and tag by tag. `a` is the
// earlier visit, `b` the later: a step that was tracked and no longer is, a tag that stopped being sent, is what
// a release broke. Pure: the page passes each visit's funnels and tag tallies (lib/history/timeline.ts).

export interface CompareSide {
  id: string;
  /** The site, for the comparison's heading. */
  host?: string;
  startedAt: number;
  funnels: readonly FunnelResult[];
  tags: readonly TagTally[];
}

/**
 * worse: the step is now reached but not tracked (it was tracked, or not reached) · better: it was untracked and
 * is now tracked · changed: the visitor went another way (reached in one visit only) · same.
 */
export type StepChange = 'same' | 'better' | 'worse' | 'changed';

export interface StepDiff {
  funnelId: string;
  funnel: string;
  goal: string;
  name: string;
  a: StepState;
  b: StepState;
  change: StepChange;
  /** `tracked → untracked`. */
  text: string;
}

/** appeared / disappeared: hits in one visit only · changed: another count, or some no longer get through. */
export type TagChange = 'same' | 'appeared' | 'disappeared' | 'changed';

export interface TagDiff {
  vendor: TagTally['vendor'];
  name: string;
  event: string;
  a?: TagTally;
  b?: TagTally;
  change: TagChange;
  /** `1 hit → none`. */
  text: string;
}

export interface VisitComparison {
  /** The earlier visit first. */
  a: CompareSide;
  b: CompareSide;
  steps: StepDiff[];
  tags: TagDiff[];
}

function stepChange(a: StepState, b: StepState): StepChange {
  if (a === b) return 'same';
  if (b === 'untracked') return 'worse';
  if (a === 'untracked' && b === 'tracked') return 'better';
  return 'changed';
}

/** Every funnel step of either visit, in the funnels' order (the earlier visit's first, then any only the later has). */
function compareSteps(a: readonly FunnelResult[], b: readonly FunnelResult[]): StepDiff[] {
  const ids = [...new Set([...a, ...b].map((f) => f.id))];
  return ids.flatMap((id) => {
    const fa = a.find((f) => f.id === id);
    const fb = b.find((f) => f.id === id);
    // A funnel is left out of a visit that reached none of its steps (lib/audit/audit-tab.ts): not reached there.
    const shape = (fa ?? fb)!;
    const state = (f: FunnelResult | undefined, goal: string): StepState => {
      const step = f?.steps.find((s) => s.goal === goal || s.goals?.includes(goal));
      return step ? stepState(step) : 'not_reached';
    };
    return shape.steps.map((step): StepDiff => {
      const goals = step.goals ?? [step.goal];
      const sa = state(fa, goals[0]!);
      const sb = state(fb, goals[0]!);
      const named = [fa, fb].flatMap((f) => f?.steps ?? []).find((s) => s.reached && s.goal === step.goal) ?? step;
      return {
        funnelId: id,
        funnel: shape.name,
        goal: step.goal,
        name: named.name,
        a: sa,
        b: sb,
        change: stepChange(sa, sb),
        text: stepChangeWords(sa, sb),
      };
    });
  });
}

function tagChange(a: TagTally | undefined, b: TagTally | undefined): TagChange {
  if (!a?.hits && b?.hits) return 'appeared';
  if (a?.hits && !b?.hits) return 'disappeared';
  return a?.hits === b?.hits && a?.blocked === b?.blocked && a?.failed === b?.failed ? 'same' : 'changed';
}

/** Every vendor and event of either visit, the earlier visit's in its order, then those only the later one sent. */
function compareTags(a: readonly TagTally[], b: readonly TagTally[]): TagDiff[] {
  const inA = new Map(a.map((t) => [tallyKey(t), t]));
  const inB = new Map(b.map((t) => [tallyKey(t), t]));
  const keys = [...new Set([...inA.keys(), ...inB.keys()])];
  return keys.map((key) => {
    const ta = inA.get(key);
    const tb = inB.get(key);
    const any = (ta ?? tb)!;
    const change = tagChange(ta, tb);
    return {
      vendor: any.vendor,
      name: any.name,
      event: any.event,
      ...(ta ? { a: ta } : {}),
      ...(tb ? { b: tb } : {}),
      change,
      text: change === 'same' ? tallyWords(ta) : `${tallyWords(ta)} → ${tallyWords(tb)}`,
    };
  });
}

/** Compare two visits; whichever order they come in, the earlier one is `a`. */
export function compareVisits(x: CompareSide, y: CompareSide): VisitComparison {
  const [a, b] = x.startedAt <= y.startedAt ? [x, y] : [y, x];
  return { a, b, steps: compareSteps(a.funnels, b.funnels), tags: compareTags(a.tags, b.tags) };
}
