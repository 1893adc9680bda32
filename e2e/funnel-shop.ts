import { readFileSync } from 'node:fs';
import { parsePlanText } from '../lib/goals/schema';
import type { Plan } from '../lib/goals/types';
import { launchExtension, routeVendors, serveSite, usePlans, type Extension, type Site } from './harness';

// The funnel shop (e2e/site/funnel/): a product page, a cart it opens in a tab of its own, a checkout and a
// thank-you page, with the plan whose checkout funnel walks them. Shared by the funnel and History tests.

const parsed = parsePlanText(readFileSync('e2e/site/funnel/plan.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
export const FUNNEL_PLAN: Plan = parsed.plan;

/** The shop served and the extension launched with its plan in force, vendors answered locally. */
export async function startFunnelShop(): Promise<{ site: Site; ext: Extension }> {
  const site = await serveSite();
  const ext = await launchExtension(process.env.TAGWATCH_EXTENSION_DIR || undefined);
  await routeVendors(ext.context);
  await usePlans(ext, [FUNNEL_PLAN]);
  return { site, ext };
}
