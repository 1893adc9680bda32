import browser from 'webextension-polyfill';
import { auditTab } from '@/lib/audit/audit-tab';
import { PLANS_KEY, storedPlans } from '@/lib/goals/plans-setting';
import { currentSession, pageRecords, type TagwatchDB } from '@/lib/store';
import { BADGE_COLORS, BADGE_TEXT_COLOR, badgeOf } from '@/lib/view/badge';
import { toolbar } from './toolbar';

/**
 * The toolbar badge: the current page's audit at a glance — error-level problems in red, else goals fired in
 * green, else the hit count in grey. The same audit as the popup's (lib/audit/audit-tab.ts) over the same
 * records (pageRecords), so the two cannot disagree. Runs debounced after changes (context.ts).
 */
export async function updateBadge(db: TagwatchDB, tabId: number): Promise<void> {
  const [session, stored] = await Promise.all([currentSession(db, tabId), browser.storage.local.get(PLANS_KEY)]);
  let badge = { text: '', color: BADGE_COLORS.grey, textColor: BADGE_TEXT_COLOR };
  if (session) {
    const records = await pageRecords(db, session);
    const { summary } = auditTab(storedPlans(stored[PLANS_KEY]), records, { generatedAt: Date.now() });
    badge = badgeOf(summary);
  }
  await toolbar.setBadgeText({ tabId, text: badge.text }).catch(() => undefined);
  await toolbar.setBadgeBackgroundColor({ tabId, color: badge.color }).catch(() => undefined);
  await toolbar.setBadgeTextColor({ tabId, color: badge.textColor }).catch(() => undefined);
}
