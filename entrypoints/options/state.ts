import { signal } from '@preact/signals';
import type { Funnel, Goal, Plan } from '@/lib/goals/types';
import {
  addGoal,
  addToSitePlan,
  commitPlan,
  newPlan,
  parseLines,
  putPlan,
  putFunnel,
  removeFunnel,
  removeGoal,
  removePlanAt,
  renamePlan,
  setPlanScope,
  updateGoal,
  type CommitResult,
} from '@/lib/plans/edit';
import { draftFromFunnel, emptyFunnelDraft, funnelFromDraft, type FunnelDraft } from '@/lib/plans/funnel-draft';
import { draftFromGoal, emptyDraft, goalFromDraft, type GoalDraft } from '@/lib/plans/goal-draft';
import { importPlanText, planFileName, planToJson } from '@/lib/plans/plan-file';
import { presetById } from '@/lib/plans/presets';
import { isValidSelector } from './selector';
import { loadPlans, savePlans, watchPlans } from './storage';

// The options page's state and the actions the components call. Every write goes through commitPlan /
// putPlan (the whole plan validated by parsePlan); an invalid plan shows its errors and writes nothing.

export const plans = signal<Plan[]>([]);
export const loaded = signal(false);
/** The plan shown below the list. */
export const selected = signal(0);
export const editing = signal<{ planIndex: number; originalId?: string; draft: GoalDraft } | null>(null);
export const goalErrors = signal<string[]>([]);
export const editingFunnel = signal<{ planIndex: number; originalId?: string; draft: FunnelDraft } | null>(null);
export const funnelErrors = signal<string[]>([]);
export const planErrors = signal<string[]>([]);
export const importErrors = signal<string[]>([]);
/** The file the import errors are about. */
export const importFileName = signal('');
/** A short line for screen readers and eyes: what the last action did. */
export const notice = signal<{ text: string; error?: true }>({ text: '' });

const done = (text: string) => void (notice.value = { text });
const refused = (text: string) => void (notice.value = { text, error: true });

const options = { isValidSelector };

export function start(): void {
  watchPlans((next) => {
    plans.value = next;
    if (selected.value >= next.length) selected.value = Math.max(0, next.length - 1);
  });
  void loadPlans().then((got) => {
    plans.value = got;
    loaded.value = true;
  });
}

/** Write a committed result; the errors go to `errors` when it was refused. */
async function write(result: CommitResult, errors: typeof planErrors, doneText: string): Promise<boolean> {
  if (!result.ok) {
    errors.value = result.errors;
    refused('Not saved: fix the errors listed. The plans in force are unchanged.');
    return false;
  }
  await savePlans(result.plans);
  plans.value = result.plans;
  errors.value = [];
  notice.value = { text: doneText };
  return true;
}

const planAt = (index: number): Plan | undefined => plans.value[index];

// ——— plans ———

export async function createPlan(): Promise<void> {
  const plan = newPlan(plans.value);
  if (
    await write(commitPlan(plans.value, plans.value.length, plan, options), planErrors, `Plan "${plan.name}" created.`)
  )
    selected.value = plans.value.length - 1;
}

export async function deletePlan(index: number): Promise<void> {
  const plan = planAt(index);
  if (!plan) return;
  const next = removePlanAt(plans.value, index);
  await savePlans(next);
  plans.value = next;
  // Indices shift: a goal form open on any plan would now point at another one.
  editing.value = null;
  editingFunnel.value = null;
  selected.value = Math.min(selected.value, Math.max(0, next.length - 1));
  done(`Plan "${plan.name}" deleted.`);
}

export async function savePlanSettings(index: number, name: string, scopeText: string): Promise<boolean> {
  const plan = planAt(index);
  if (!plan) return false;
  const next = setPlanScope(renamePlan(plan, name), parseLines(scopeText));
  return write(commitPlan(plans.value, index, next, options), planErrors, `Plan "${next.name}" saved.`);
}

export async function addPreset(id: string): Promise<void> {
  const preset = presetById(id);
  if (!preset) return;
  const result = putPlan(plans.value, preset.plan, options);
  const verb = result.ok && result.replaced ? 'reset to the preset' : 'added';
  if ((await write(result, planErrors, `Plan "${preset.plan.name}" ${verb}.`)) && result.ok)
    selected.value = result.index;
}

export async function importFile(file: File): Promise<void> {
  const result = importPlanText(plans.value, await file.text(), options);
  importFileName.value = file.name;
  if (!result.ok) {
    importErrors.value = result.errors;
    refused(`${file.name} was not imported: fix the errors listed. The plans in force are unchanged.`);
    return;
  }
  const name = result.plans[result.index]!.name;
  if (
    await write(
      result,
      importErrors,
      `Plan "${name}" imported${result.replaced ? ', replacing the plan of the same name' : ''}.`,
    )
  )
    selected.value = result.index;
}

/** Download the plan as a `version: 1` JSON file. */
export function exportPlan(index: number): void {
  const plan = planAt(index);
  if (!plan) return;
  const url = URL.createObjectURL(new Blob([planToJson(plan)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = planFileName(plan);
  document.body.append(a);
  a.click();
  a.remove();
  // The download has the data once the click is handled; the URL can go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  done(`Plan "${plan.name}" exported as ${a.download}.`);
}

// ——— goals ———

export function startNewGoal(planIndex: number): void {
  goalErrors.value = [];
  editing.value = { planIndex, draft: emptyDraft() };
}

export function startEditGoal(planIndex: number, goal: Goal): void {
  goalErrors.value = [];
  editing.value = { planIndex, originalId: goal.id, draft: draftFromGoal(goal) };
}

export function updateDraft(change: (d: GoalDraft) => GoalDraft): void {
  const e = editing.value;
  if (e) editing.value = { ...e, draft: change(e.draft) };
}

export function cancelGoal(): void {
  editing.value = null;
  goalErrors.value = [];
}

/** The ids a new or renamed goal must not take. */
export function takenIds(): string[] {
  const e = editing.value;
  const plan = e && planAt(e.planIndex);
  return plan ? plan.goals.map((g) => g.id).filter((id) => id !== e.originalId) : [];
}

export async function saveGoal(): Promise<void> {
  const e = editing.value;
  const plan = e && planAt(e.planIndex);
  if (!e || !plan) return;
  const built = goalFromDraft(e.draft);
  if (!built.ok) {
    goalErrors.value = built.errors;
    refused('Not saved: fix the errors listed. The plans in force are unchanged.');
    return;
  }
  const next = e.originalId === undefined ? addGoal(plan, built.goal) : updateGoal(plan, e.originalId, built.goal);
  if (
    await write(
      commitPlan(plans.value, e.planIndex, next, options),
      goalErrors,
      `Goal "${built.goal.name}" saved in "${plan.name}". Open tabs use it now.`,
    )
  )
    editing.value = null;
}

export async function deleteGoal(planIndex: number, id: string): Promise<void> {
  const plan = planAt(planIndex);
  if (!plan) return;
  await write(
    commitPlan(plans.value, planIndex, removeGoal(plan, id), options),
    planErrors,
    `Goal "${id}" removed from "${plan.name}".`,
  );
}

// ——— funnels ———

export function startNewFunnel(planIndex: number): void {
  const plan = planAt(planIndex);
  if (!plan) return;
  funnelErrors.value = [];
  editingFunnel.value = { planIndex, draft: emptyFunnelDraft(plan) };
}

export function startEditFunnel(planIndex: number, funnel: Funnel): void {
  funnelErrors.value = [];
  editingFunnel.value = { planIndex, originalId: funnel.id, draft: draftFromFunnel(funnel) };
}

export function updateFunnelDraft(change: (d: FunnelDraft) => FunnelDraft): void {
  const e = editingFunnel.value;
  if (e) editingFunnel.value = { ...e, draft: change(e.draft) };
}

export function cancelFunnel(): void {
  editingFunnel.value = null;
  funnelErrors.value = [];
}

/** The ids a new or renamed funnel must not take. */
export function takenFunnelIds(): string[] {
  const e = editingFunnel.value;
  const plan = e && planAt(e.planIndex);
  return plan ? (plan.funnels ?? []).map((f) => f.id).filter((id) => id !== e.originalId) : [];
}

export async function saveFunnel(): Promise<void> {
  const e = editingFunnel.value;
  const plan = e && planAt(e.planIndex);
  if (!e || !plan) return;
  const built = funnelFromDraft(e.draft);
  if (!built.ok) {
    funnelErrors.value = built.errors;
    refused('Not saved: fix the errors listed. The plans in force are unchanged.');
    return;
  }
  if (
    await write(
      commitPlan(plans.value, e.planIndex, putFunnel(plan, e.originalId, built.funnel), options),
      funnelErrors,
      `Funnel "${built.funnel.name}" saved in "${plan.name}".`,
    )
  )
    editingFunnel.value = null;
}

export async function deleteFunnel(planIndex: number, id: string): Promise<void> {
  const plan = planAt(planIndex);
  if (!plan) return;
  await write(
    commitPlan(plans.value, planIndex, removeFunnel(plan, id), options),
    planErrors,
    `Funnel "${id}" removed from "${plan.name}".`,
  );
}

// ——— suggestions ———

/** Add a suggested goal to the per-site plan of `pageUrl`; the plan's name when it worked. */
export async function addSuggestion(
  pageUrl: string,
  goal: Goal,
  errors: typeof planErrors,
): Promise<string | undefined> {
  const result = addToSitePlan(plans.value, pageUrl, goal, options);
  const name = result.ok ? result.plans[result.index]!.name : '';
  return (await write(result, errors, `Goal "${goal.name}" added to "${name}".`)) ? name : undefined;
}
