import browser from 'webextension-polyfill';
import { CHANGES_CHANNEL, LIVE_PORT_PREFIX, type ChangeNotice, type Message } from '@/lib/messages';
import { PLANS_KEY, storedPlans } from '@/lib/goals/plans-setting';
import type { Plan } from '@/lib/goals/types';
import { openStore, tabRecordsSince, tabVisit, type TagwatchDB } from '@/lib/store';
import { visitFunnels, type VisitFunnels } from '@/lib/view/funnels';
import type { ExportFile } from '@/lib/view/export';
import type { HitFilter } from '@/lib/view/hit-filter';
import { follows, initialTab, type PanelPlace } from '@/lib/view/follow-tab';
import { applyTail, emptyTabData, requiredFrom, type Scope, type TabData } from '@/lib/view/live';
import type { LastError } from './model';

// The views' only contact with the browser and IndexedDB (popup, side panel, DevTools panel). They read; the
// background is the only writer.

export { openStore };

/** A tab to show: its id, its URL when known, and whether it is open. */
export interface TabTarget {
  tabId?: number;
  url?: string;
  exists: boolean;
}

/** `?tabId=N` (tests, a view opened in its own window), if given. */
export function tabIdParam(search: string): number | undefined {
  const param = new URLSearchParams(search).get('tabId');
  return param !== null && /^-?\d+$/.test(param) ? Number(param) : undefined;
}

/** Tab `tabId`, whether or not it is still open. */
export async function tabTarget(tabId: number): Promise<TabTarget> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { tabId, ...(tab.url ? { url: tab.url } : {}), exists: true };
  } catch {
    return { tabId, exists: false };
  }
}

/** The tab to show: `?tabId=N`, else the active tab of this window. */
export async function resolveTab(search: string): Promise<TabTarget> {
  const param = tabIdParam(search);
  if (param !== undefined) return tabTarget(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined
    ? { exists: false }
    : { tabId: tab.id, ...(tab.url ? { url: tab.url } : {}), exists: true };
}

/**
 * Where a view's tab comes from: the first one, and (for the side panel) the next ones as the user switches
 * tabs. Each entrypoint picks its own: the browser differences stay out of the views.
 */
export interface TabSource {
  first: () => Promise<TabTarget>;
  /** Call `onTab` with each tab the view should move to; returns the unsubscribe. */
  watch?: (onTab: (target: TabTarget) => void) => () => void;
}

/** The popup: `?tabId=N`, else the active tab of its window, for as long as it is open. */
export function fixedTab(search: string): TabSource {
  return { first: () => resolveTab(search) };
}

/**
 * The side panel: `?tabId=N` when given (it then stays there), else the active tab, followed as the user
 * switches tabs (lib/view/follow-tab.ts says which, in the browser's panel and in a tab of its own).
 */
export function activeTab(search: string): TabSource {
  const param = tabIdParam(search);
  if (param !== undefined) return { first: () => tabTarget(param) };
  const place: Promise<PanelPlace> = (async () => {
    const self = await browser.tabs.getCurrent();
    if (self?.id !== undefined)
      return { tabId: self.id, ...(self.windowId !== undefined ? { windowId: self.windowId } : {}) };
    const win = await browser.windows.getCurrent();
    return win.id !== undefined ? { windowId: win.id } : {};
  })();
  return {
    async first() {
      const self = await place;
      const tabs = await browser.tabs.query(
        self.tabId === undefined && self.windowId !== undefined ? { windowId: self.windowId } : {},
      );
      const id = initialTab(tabs, self);
      return id === undefined ? { exists: false } : tabTarget(id);
    },
    watch(onTab) {
      const listener = (info: { tabId: number; windowId: number }) => {
        void place.then(async (self) => {
          if (follows(info, self)) onTab(await tabTarget(info.tabId));
        });
      };
      browser.tabs.onActivated.addListener(listener);
      return () => browser.tabs.onActivated.removeListener(listener);
    },
  };
}

/** What a view shows of a tab, read afresh: its pages, then its records from where the view needs them. */
export async function readTab(
  db: TagwatchDB,
  tabId: number,
  scope: Scope,
  chosen: string | undefined,
  preserveLog = true,
): Promise<TabData> {
  const { sessions } = await tabRecordsSince(db, tabId, Infinity);
  const from = requiredFrom(sessions, scope, chosen, preserveLog);
  return applyTail(emptyTabData(tabId, from), await tabRecordsSince(db, tabId, from));
}

/** The view's data with what changed from `since` on read again (a live notice). */
export async function readSince(db: TagwatchDB, data: TabData, since: number): Promise<TabData> {
  return applyTail(data, await tabRecordsSince(db, data.tabId, Math.max(since, data.from)));
}

/**
 * The plans' funnels over the visit tab `tabId` is in (its pages and the tabs it opened); undefined when the plans
 * have no funnel or the tab no page.
 */
export async function readVisitFunnels(
  db: TagwatchDB,
  tabId: number,
  plans: Plan[],
): Promise<VisitFunnels | undefined> {
  if (!plans.some((p) => p.funnels?.length)) return undefined;
  const found = await tabVisit(db, tabId);
  return found ? visitFunnels(plans, found.visit, found.records, Date.now()) : undefined;
}

/** The plans in force (`storage.local` `plans`), now and whenever they change. Returns the unsubscribe. */
export function watchPlans(onPlans: (plans: Plan[]) => void): () => void {
  void browser.storage.local.get(PLANS_KEY).then((got) => onPlans(storedPlans(got[PLANS_KEY])));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[PLANS_KEY]) onPlans(storedPlans(changes[PLANS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The extension's version, as the HAR export's creator names it. */
export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/**
 * The History page in a tab of its own, narrowed to `site` when given (the popup's page's host: the visits a user
 * most likely wants to look back on). The toolbar popup closes: the page it opened covers it.
 */
export function openHistory(site?: string): void {
  const url = browser.runtime.getURL(`/visit-history.html${site ? `?site=${encodeURIComponent(site)}` : ''}`);
  void browser.tabs.create({ url });
}

/** Save a file to the user's downloads, as a link with `download` does: no extra permission needed. */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns, but give the browser a moment to read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Put text on the clipboard; the old way when the Clipboard API refuses (an unfocused popup). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw error;
  }
}

/** Every change notice the background posts (lib/messages.ts ChangeNotice). Returns the unsubscribe. */
export function watchNotices(onNotice: (notice: ChangeNotice) => void): () => void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (e: MessageEvent<ChangeNotice>) => {
    if (typeof e.data?.tabId === 'number') onNotice(e.data);
  };
  return () => channel.close();
}

/**
 * Tell the worker this view shows the tab live (LIVE_PORT_PREFIX): its hits are written as they come, not at its
 * page's load. Returns what ends it; closing the view ends it too.
 */
export function showLive(tabId: number): () => void {
  try {
    const port = browser.runtime.connect({ name: `${LIVE_PORT_PREFIX}${tabId}` });
    return () => port.disconnect();
  } catch {
    // No worker to talk to (the extension was reloaded under this view): nothing is held for it either.
    return () => undefined;
  }
}

/** Call `onUrl` when the tab navigates (it may move to or from a page Tagwatch cannot see). */
export function watchTabUrl(tabId: number, onUrl: (url: string) => void): () => void {
  const listener = (id: number, info: { url?: string }) => {
    if (id === tabId && info.url) onUrl(info.url);
  };
  browser.tabs.onUpdated.addListener(listener);
  return () => browser.tabs.onUpdated.removeListener(listener);
}

export async function clearTab(tabId: number): Promise<void> {
  await browser.runtime.sendMessage({ type: 'clear_tab', tabId } satisfies Message);
}

const LAST_ERROR_KEY = 'lastError';

function asLastError(value: unknown): LastError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, message } = value as Record<string, unknown>;
  return typeof at === 'number' && typeof message === 'string' ? { at, message } : undefined;
}

/** The background's last write failure, now and whenever it changes. Returns the unsubscribe. */
export function watchLastError(onError: (error: LastError | undefined) => void): () => void {
  void browser.storage.local.get(LAST_ERROR_KEY).then((got) => onError(asLastError(got[LAST_ERROR_KEY])));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[LAST_ERROR_KEY]) onError(asLastError(changes[LAST_ERROR_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function dismissLastError(): Promise<void> {
  await browser.storage.local.remove(LAST_ERROR_KEY);
}

const FILTER_KEY = 'hitFilter';

/** The DevTools panel's filter as the user last left it (storage.local `hitFilter`). */
export async function savedFilter(): Promise<HitFilter> {
  const got = (await browser.storage.local.get(FILTER_KEY))[FILTER_KEY];
  if (typeof got !== 'object' || got === null) return {};
  const f = got as Record<string, unknown>;
  const text = (k: string) => (typeof f[k] === 'string' ? { [k]: f[k] as string } : {});
  return {
    ...text('vendor'),
    ...text('event'),
    ...text('status'),
    ...text('account'),
    ...text('text'),
    ...(f.hidePageEvents === true ? { hidePageEvents: true } : {}),
  } as HitFilter;
}

export function saveFilter(filter: HitFilter): void {
  void browser.storage.local.set({ [FILTER_KEY]: filter });
}
