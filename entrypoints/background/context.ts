import browser from 'webextension-polyfill';
import { decodeRequest, mayCarryHits, type CustomEndpoint, type HitRequest, type TagHit } from '@/lib/tags';
import { describeStoreError, openStore, witnessTracker, type TagwatchDB, type WitnessTracker } from '@/lib/store';
import { CHANGES_CHANNEL, type ChangeNotice } from '@/lib/messages';
import { PLANS_KEY } from '@/lib/goals/plans-setting';
import { coalesce, type Coalesced } from '@/lib/view/coalesce';
import { BADGE_COLORS, BADGE_TEXT_COLOR } from '@/lib/view/badge';
import { updateBadge } from './badge';
import { toolbar } from './toolbar';

export interface WorkerContext {
  db: Promise<TagwatchDB>;
  decode: (req: HitRequest) => TagHit[];
  /** False when no body could make a request to `url` a tag hit: its body need not be read. */
  mayCarryHits: (url: string) => boolean;
  /** Run a write; a failure is shown to the user (badge + popup banner), never swallowed, and resolves undefined. */
  write: <T>(tabId: number, work: (db: TagwatchDB) => Promise<T>) => Promise<T | undefined>;
  /**
   * `write`, rejecting when it fails: for what a page sent, which is acknowledged only once written, so that a
   * failed write is sent again instead of lost (lib/page/outbox.ts).
   */
  mustWrite: <T>(tabId: number, work: (db: TagwatchDB) => Promise<T>) => Promise<T>;
  /**
   * The tab's records timed at or after `since` were written (or its pages changed): open views read them at once
   * (`live`), the badge and the audits follow (`settled`). `-Infinity`: everything; `Infinity`: its pages only.
   */
  changed: (tabId: number, since: number) => void;
  /** Which tabs may have resource-timing witnesses stored: a hit's lookup of its witness is skipped where none can. */
  witnesses: WitnessTracker;
  /** Tell open views, within a frame, which part of the tab's records to read again. Never held back. */
  live: (tabId: number, since: number) => void;
  /** The tab's audit may have changed: the badge and open views redo it (at most one per 150 ms per tab). */
  settled: (tabId: number) => void;
  /** Run a tag request's write once the tab's page has loaded (quiet.ts, lib/store/load-hold.ts); here, at once. */
  afterLoad: (tabId: number, write: () => void) => void;
  /** Whether a write for the tab waits for its page's load now. */
  holding: (tabId: number) => boolean;
}

/** How long live notices of a burst of writes are gathered into one: a frame. */
export const LIVE_MS = 16;

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
        for (const tab of tabs) if (tab.id !== undefined && tab.id >= 0) settled(tab.id);
      });
    }
  });
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  // A burst of hits is one notice and one badge update per tab, not one per hit: the badge query and the
  // popup's re-query would otherwise compete with the writes. A timer lost with the worker only loses a
  // badge refresh, which the next hit redoes.
  const pending = new Map<number, ReturnType<typeof setTimeout>>();
  // The badge runs the tab's audit: one at a time per tab, resting 10× as long as it took. On a page of 5,000
  // hits an audit holds the worker for 100–300 ms, and every hit sent meanwhile waits to be written and shown
  // in the panels; at 10× that is under a tenth of the worker's time, and the badge, a glance, is at most a
  // few seconds behind on such a page (on a usual page it still follows within a frame).
  const badges = new Map<number, Coalesced>();
  const badgeOf = (tabId: number): Coalesced => {
    let badge = badges.get(tabId);
    if (!badge) {
      badge = coalesce(
        () => db.then((d) => updateBadge(d, tabId)),
        0,
        (error) => console.error('Tagwatch: the badge could not be updated', error),
        { restFactor: 10 },
      );
      badges.set(tabId, badge);
    }
    return badge;
  };
  browser.tabs.onRemoved.addListener((tabId) => {
    badges.get(tabId)?.cancel();
    badges.delete(tabId);
  });
  const settled = (tabId: number) => {
    if (pending.has(tabId)) return;
    pending.set(
      tabId,
      setTimeout(() => {
        pending.delete(tabId);
        channel.postMessage({ kind: 'changed', tabId } satisfies ChangeNotice);
        badgeOf(tabId).trigger();
      }, 150),
    );
  };
  // The live notices of a burst: per tab, the earliest time written. One message per tab per frame, however
  // many writes; a DevTools panel reads just that part of the tab, so a hit shows within ~100 ms of its request.
  const liveSince = new Map<number, number>();
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  const live = (tabId: number, since: number) => {
    liveSince.set(tabId, Math.min(since, liveSince.get(tabId) ?? Infinity));
    liveTimer ??= setTimeout(() => {
      liveTimer = undefined;
      for (const [tab, from] of liveSince)
        channel.postMessage({ kind: 'records', tabId: tab, since: from } satisfies ChangeNotice);
      liveSince.clear();
    }, LIVE_MS);
  };
  const mustWrite = async <T>(tabId: number, work: (db: TagwatchDB) => Promise<T>): Promise<T> => {
    try {
      return await work(await db);
    } catch (error) {
      const message = describeStoreError(error);
      console.error(message, error);
      await browser.storage.local.set({ lastError: { at: Date.now(), message } }).catch(() => undefined);
      await toolbar.setBadgeText({ tabId, text: '!' }).catch(() => undefined);
      await toolbar.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS.red }).catch(() => undefined);
      await toolbar.setBadgeTextColor({ tabId, color: BADGE_TEXT_COLOR }).catch(() => undefined);
      throw error;
    }
  };
  return {
    db,
    witnesses: witnessTracker(Date.now()),
    decode: (req) => decodeRequest(req, { endpoints }),
    mayCarryHits: (url) => mayCarryHits(url, { endpoints }),
    changed(tabId, since) {
      live(tabId, since);
      settled(tabId);
    },
    live,
    settled,
    mustWrite,
    write: (tabId, work) => mustWrite(tabId, work).catch(() => undefined),
    afterLoad: (_, write) => write(),
    holding: () => false,
  };
}
