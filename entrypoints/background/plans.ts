import browser from 'webextension-polyfill';
import { DEFAULT_PLAN } from '@/lib/goals/default-plan';
import { PLANS_KEY } from '@/lib/goals/plans-setting';

/** On install, the default plan goes into force unless the user already has plans (an update keeps theirs). */
export function registerPlans(): void {
  browser.runtime.onInstalled.addListener(async () => {
    const got = await browser.storage.local.get(PLANS_KEY);
    if (!Array.isArray(got[PLANS_KEY])) await browser.storage.local.set({ [PLANS_KEY]: [DEFAULT_PLAN] });
  });
}
