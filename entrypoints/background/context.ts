import browser from 'webextension-polyfill';
import { decodeRequest, type CustomEndpoint, type HitRequest, type TagHit } from '@/lib/tags';
import { describeStoreError, openStore, type TagwatchDB } from '@/lib/store';
import { CHANGES_CHANNEL, type ChangeNotice } from '@/lib/messages';
import { PLANS_KEY } from '@/lib/goals/plans-setting';
import { coalesce, type Coalesced } from '@/lib/view/coalesce';
import { BADGE_COLORS, BADGE_TEXT_COLOR } from '@/lib/view/badge';
import { updateBadge } from './badge';

export interface WorkerContext {
  db: Promise<TagwatchDB>;
  decode: (req: HitRequest) => TagHit[];
  /** Run a write; a failure is shown to the user (badge + popup banner), never swallowed. */
  write: <T>(tabId: number, work: (db: TagwatchDB) => Promise<T>) => Promise<T | undefined>;
  changed: (tabId: number) => void;
}

export const SETTINGS_KEY = 'settings';
export interface Settings {
  endpoints?: CustomEndpoint[];
}

export function openWorkerContext(): WorkerContext {
  const db = openStore();
  // Custom endpoints are read once per worker start and on change; until then requests use the built-ins.
  let endpoints: CustomEndpoint[] = [];
  void browser.storage.local.get(SETTINGS_KEY).then((got) => {
    endpoints = (got[SETTINGS_KEY] as Settings | undefined)?.endpoints ?? [];
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[SETTINGS_KEY]) endpoints = (changes[SETTINGS_KEY].newValue as Settings | undefined)?.endpoints ?? [];
    // Another plan is another audit: every tab's badge (and open popups) must say what the new plan finds.
    if (changes[PLANS_KEY]) {
      void browser.tabs.query({}).then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined && tab.id >= 0) changed(tab.id);
      });
    }
  });
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  // A burst of hits is one notice and one badge update per tab, not one per hit: the badge query and the
  // popup's re-query would otherwise compete with the writes. A timer lost with the worker only loses a
  // badge refresh, which the next hit redoes.
  const pending = new Map<number, ReturnType<typeof setTimeout>>();
  // The badge runs the tab's audit: one at a time per tab, resting 3× as long as it took, so a page with
  // thousands of hits does not keep the worker from writing them.
  const badges = new Map<number, Coalesced>();
  const badgeOf = (tabId: number): Coalesced => {
    let badge = badges.get(tabId);
    if (!badge) {
      badge = coalesce(
        () => db.then((d) => updateBadge(d, tabId)),
        0,
        (error) => console.error('Tagwatch: the badge could not be updated', error),
        { restFactor: 3 },
      );
      badges.set(tabId, badge);
    }
    return badge;
  };
  browser.tabs.onRemoved.addListener((tabId) => {
    badges.get(tabId)?.cancel();
    badges.delete(tabId);
  });
  const changed = (tabId: number) => {
    if (pending.has(tabId)) return;
    pending.set(
      tabId,
      setTimeout(() => {
        pending.delete(tabId);
        channel.postMessage({ tabId } satisfies ChangeNotice);
        badgeOf(tabId).trigger();
      }, 150),
    );
  };
  return {
    db,
    decode: (req) => decodeRequest(req, { endpoints }),
    changed,
    async write(tabId, work) {
      try {
        return await work(await db);
      } catch (error) {
        const message = describeStoreError(error);
        console.error(message, error);
        await browser.storage.local.set({ lastError: { at: Date.now(), message } });
        await browser.action.setBadgeText({ tabId, text: '!' }).catch(() => undefined);
        await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS.red }).catch(() => undefined);
        await browser.action.setBadgeTextColor({ tabId, color: BADGE_TEXT_COLOR }).catch(() => undefined);
        return undefined;
      }
    },
  };
}
