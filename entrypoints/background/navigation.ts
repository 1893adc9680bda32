import browser from 'webextension-polyfill';
import { grouped, recordNavigation, recordOpener, startSession } from '@/lib/store';
import type { WorkerContext } from './context';

/** Page sessions: one per top-level navigation; SPA route and #fragment changes recorded inside it. */
export function registerNavigation(ctx: WorkerContext): void {
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    const documentId = (details as { documentId?: string }).documentId;
    void ctx.write(details.tabId, async (db) => {
      await grouped(db, (w) =>
        startSession(w, {
          tabId: details.tabId,
          url: details.url,
          at: details.timeStamp,
          ...(documentId ? { documentId } : {}),
        }),
      );
      ctx.changed(details.tabId, details.timeStamp);
    });
  });
  const virtual =
    (kind: 'history' | 'fragment') => (details: { tabId: number; frameId: number; url: string; timeStamp: number }) => {
      if (details.frameId !== 0) return;
      void ctx.write(details.tabId, async (db) => {
        await grouped(db, (w) => recordNavigation(w, details.tabId, { at: details.timeStamp, url: details.url, kind }));
        ctx.changed(details.tabId, details.timeStamp);
      });
    };
  browser.webNavigation.onHistoryStateUpdated.addListener(virtual('history'));
  browser.webNavigation.onReferenceFragmentUpdated.addListener(virtual('fragment'));
  // A tab opened from another (a target=_blank link, window.open) continues the opener's visit (lib/visits).
  // Both events: webNavigation's names the link's tab when tabs.onCreated gives no openerTabId (Firefox, noopener).
  const opened = (tabId: number, openerTabId: number, at: number) => {
    if (tabId < 0 || openerTabId < 0 || tabId === openerTabId) return;
    void ctx.write(tabId, (db) => grouped(db, (w) => recordOpener(w, { tabId, openerTabId, at })));
  };
  browser.webNavigation.onCreatedNavigationTarget.addListener((details) =>
    opened(details.tabId, details.sourceTabId, details.timeStamp),
  );
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined && tab.openerTabId !== undefined) opened(tab.id, tab.openerTabId, Date.now());
  });
  // Titles come from the content script (page_title, messages.ts), filed under their document: no tabs.onUpdated
  // listener, which every tab fires several times per page load.
}
