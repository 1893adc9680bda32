import browser from 'webextension-polyfill';
import { countHitsForSession, currentSession, type TagwatchDB } from '@/lib/store';

/** The toolbar badge: the current page's hit count. */
export async function updateBadge(db: TagwatchDB, tabId: number): Promise<void> {
  const session = await currentSession(db, tabId);
  const count = session ? await countHitsForSession(db, session.id) : 0;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count > 999 ? '999+' : count) : '' }).catch(() => undefined);
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' }).catch(() => undefined);
}
