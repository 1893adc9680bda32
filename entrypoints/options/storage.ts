import browser from 'webextension-polyfill';
import { PLANS_KEY, storedPlans } from '@/lib/goals/plans-setting';
import type { Plan } from '@/lib/goals/types';
import { storedToolbarAction, TOOLBAR_ACTION_KEY, type ToolbarAction } from '@/lib/toolbar-action';

// The plans in force live in storage.local (the content scripts read them there and re-apply on change).
// Only already-validated plans are written: see lib/plans/edit.ts commitPlan.

export async function loadPlans(): Promise<Plan[]> {
  const got = await browser.storage.local.get(PLANS_KEY);
  return storedPlans(got[PLANS_KEY]);
}

export async function savePlans(plans: readonly Plan[]): Promise<void> {
  await browser.storage.local.set({ [PLANS_KEY]: plans });
}

/** Calls `onChange` whenever another page (or the worker) changes the plans. */
export function watchPlans(onChange: (plans: Plan[]) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[PLANS_KEY];
    if (area === 'local' && change) onChange(storedPlans(change.newValue));
  });
}

export async function loadToolbarAction(): Promise<ToolbarAction> {
  return storedToolbarAction((await browser.storage.local.get(TOOLBAR_ACTION_KEY))[TOOLBAR_ACTION_KEY]);
}

export async function saveToolbarAction(action: ToolbarAction): Promise<void> {
  await browser.storage.local.set({ [TOOLBAR_ACTION_KEY]: action });
}
