import type { Funnel, FunnelStep, Plan } from '../goals/types';
import { slugId } from './slug';

// The funnel form's model. A step is a list of goal ids: one goal, or alternatives any of which reaches the step
// ("Lead form or Demo request"). `funnelFromDraft` builds the Funnel; parsePlan then judges it with the rest of the
// plan (steps naming goals of the plan, each goal once, unique funnel ids), so the form and a plan file are held
// to the same rules.

export interface FunnelDraft {
  id: string;
  /** Set once the user typed an id: the name no longer rewrites it. */
  idEdited: boolean;
  name: string;
  /** Each step's goal ids; `''` is a choice not made yet. */
  steps: string[][];
}

export type FunnelBuild = { ok: true; funnel: Funnel } | { ok: false; errors: string[] };

/** A new funnel over `plan`: its first two goals as the first two steps, so the form starts from something valid. */
export function emptyFunnelDraft(plan: Plan): FunnelDraft {
  const [a, b] = plan.goals;
  return { id: '', idEdited: false, name: '', steps: [[a?.id ?? ''], [b?.id ?? '']] };
}

export function draftFromFunnel(funnel: Funnel): FunnelDraft {
  return {
    id: funnel.id,
    idEdited: true,
    name: funnel.name,
    steps: funnel.steps.map((s) => (typeof s === 'string' ? [s] : [...s])),
  };
}

/** The draft with its name set; the id follows the name until the user types one. */
export function renameFunnelDraft(draft: FunnelDraft, name: string, takenIds: readonly string[]): FunnelDraft {
  return { ...draft, name, id: draft.idEdited ? draft.id : slugId(name, takenIds) };
}

/** Step `index` moved by `by` places (−1 up, +1 down); out of range leaves the draft as it is. */
export function moveStep(draft: FunnelDraft, index: number, by: -1 | 1): FunnelDraft {
  const to = index + by;
  if (index < 0 || to < 0 || index >= draft.steps.length || to >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { ...draft, steps };
}

export function removeStep(draft: FunnelDraft, index: number): FunnelDraft {
  return { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
}

/** A step added at the end, on the first goal of `plan` no step names yet (a blank choice when all are taken). */
export function addStep(draft: FunnelDraft, plan: Plan): FunnelDraft {
  const used = new Set(draft.steps.flat());
  const next = plan.goals.find((g) => !used.has(g.id))?.id ?? '';
  return { ...draft, steps: [...draft.steps, [next]] };
}

/** Goal `choice` (0: the step's goal, 1…: its alternatives) of step `index` set to `goalId`; `''` removes an alternative. */
export function setStepGoal(draft: FunnelDraft, index: number, choice: number, goalId: string): FunnelDraft {
  return {
    ...draft,
    steps: draft.steps.map((step, i) => {
      if (i !== index) return step;
      const next = [...step];
      next[choice] = goalId;
      // An alternative set back to nothing goes; the step's own choice stays, blank, for the user to make.
      return next.filter((g, c) => c === 0 || g !== '');
    }),
  };
}

/** An alternative goal added to step `index` ("or …"), blank until chosen. */
export function addAlternative(draft: FunnelDraft, index: number): FunnelDraft {
  return { ...draft, steps: draft.steps.map((step, i) => (i === index ? [...step, ''] : step)) };
}

/**
 * The Funnel the draft describes, or what the user must fix first, in the form's words. Only what the form
 * itself can get wrong is checked here (a blank name, a choice not made); the plan's rules are parsePlan's.
 */
export function funnelFromDraft(draft: FunnelDraft): FunnelBuild {
  const errors: string[] = [];
  const name = draft.name.trim();
  const id = draft.id.trim();
  if (name === '') errors.push('name: give the funnel a name, like "Checkout"');
  if (id === '') errors.push('id: give the funnel an id, like "checkout" (journeys name it in "expectFunnel")');
  draft.steps.forEach((step, i) => {
    if (step[0] === '' || step.length === 0) errors.push(`steps[${i}]: choose the goal of step ${i + 1}`);
  });
  if (draft.steps.length < 2) errors.push('steps: a funnel needs at least two steps, from one goal to another');
  if (errors.length > 0) return { ok: false, errors };
  const steps: FunnelStep[] = draft.steps.map((step) => {
    const goals = step.filter((g) => g !== '');
    return goals.length === 1 ? goals[0]! : goals;
  });
  return { ok: true, funnel: { id, name, steps } };
}
