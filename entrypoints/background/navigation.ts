import browser from 'webextension-polyfill';
import { grouped, recordNavigation, setSessionTitle, startSession } from '@/lib/store';
import type { WorkerContext } from './context';

/** Page sessions: one per top-level navigation; SPA route and #fragment changes recorded inside it. */
export function registerNavigation(ctx: WorkerContext): void {
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    const documentId = (details as { documentId?: string }).documentId;
    void ctx.write(details.tabId, async (db) => {
      await grouped(db, (w) => startSession(w, { tabId: details.tabId, url: details.url, at: details.timeStamp, ...(documentId ? { documentId } : {}) }));
      ctx.changed(details.tabId);
    });
  });
  const virtual = (kind: 'history' | 'fragment') => (details: { tabId: number; frameId: number; url: string; timeStamp: number }) => {
    if (details.frameId !== 0) return;
    void ctx.write(details.tabId, async (db) => {
      await grouped(db, (w) => recordNavigation(w, details.tabId, { at: details.timeStamp, url: details.url, kind }));
      ctx.changed(details.tabId);
    });
  };
  browser.webNavigation.onHistoryStateUpdated.addListener(virtual('history'));
  browser.webNavigation.onReferenceFragmentUpdated.addListener(virtual('fragment'));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.title) void ctx.write(tabId, (db) => grouped(db, (w) => setSessionTitle(w, tabId, change.title!)));
  });
}
