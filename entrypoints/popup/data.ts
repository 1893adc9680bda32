import browser from 'webextension-polyfill';
import { CHANGES_CHANNEL, type ChangeNotice, type Message } from '@/lib/messages';
import { PLANS_KEY, storedPlans } from '@/lib/goals/plans-setting';
import type { Plan } from '@/lib/goals/types';
import { currentSession, openStore, pageRecords, sessionsForTab, type TagwatchDB } from '@/lib/store';
import type { ExportFile } from '@/lib/view/export';
import type { LastError, PageData } from './model';

// The popup's only contact with the browser and IndexedDB. The popup reads; the background is the only writer.

export { openStore };

/** The tab to show: `?tabId=N` (tests, the popup in its own window), else the active tab of this window. */
export async function resolveTab(search: string): Promise<{ tabId?: number; url?: string; exists: boolean }> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^-?\d+$/.test(param)) {
    const tabId = Number(param);
    try {
      const tab = await browser.tabs.get(tabId);
      return { tabId, url: tab.url, exists: true };
    } catch {
      return { tabId, exists: false };
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? { exists: false } : { tabId: tab.id, url: tab.url, exists: true };
}

/** Everything the popup shows for one tab; `chosen` is the session the user picked, if it still exists. */
export async function loadPage(db: TagwatchDB, tabId: number, chosen: string | undefined): Promise<PageData> {
  const [sessions, current] = await Promise.all([sessionsForTab(db, tabId), currentSession(db, tabId)]);
  const currentSessionId = current?.id ?? sessions[0]?.id;
  const session = sessions.find((s) => s.id === chosen) ?? sessions.find((s) => s.id === currentSessionId) ?? current;
  if (!session) return { tabId, sessions, hits: [], signals: [], firings: [], auditHits: [] };
  // For its goals, the tab's hits around the page (pageRecords); the page's own hits, for the Hits and Tags
  // views, are among them — one read of a busy page, not two.
  const records = await pageRecords(db, session);
  const hits = records.hits.filter((h) => h.sessionId === session.id);
  return {
    tabId,
    sessions: sessions.some((s) => s.id === session.id) ? sessions : [session, ...sessions],
    session,
    currentSessionId,
    hits,
    signals: records.signals,
    firings: records.firings,
    auditHits: records.hits,
  };
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

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
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

/** Call `onChange` when the background says this tab's data changed. Returns the unsubscribe. */
export function watchChanges(tabId: number, onChange: () => void): () => void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (e: MessageEvent<ChangeNotice>) => {
    if (e.data?.tabId === tabId) onChange();
  };
  return () => channel.close();
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
