import browser, { type Runtime } from 'webextension-polyfill';
import type { Message } from '@/lib/messages';
import { validResources } from '@/lib/page/resources';
import { clearTab, recordFiring, recordPageBody, recordResources, recordSignal, type DocumentRef } from '@/lib/store';
import type { WorkerContext } from './context';

function refOf(sender: Runtime.MessageSender, at: number): DocumentRef | undefined {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  const documentId = (sender as { documentId?: string }).documentId;
  return { tabId, frameId: sender.frameId ?? 0, at, ...(documentId ? { documentId } : {}), ...(sender.url ? { initiator: sender.url } : {}) };
}

// Extension pages: the toolbar popup (no tab) and the popup or options opened in a tab (sender.tab is set).
const fromExtension = (sender: Runtime.MessageSender) =>
  sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));

/** One handler per message type. Content-script messages are tied to the tab that sent them, never to a claim. */
export function registerMessages(ctx: WorkerContext): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const message = raw as Message;
    switch (message.type) {
      case 'page_body': {
        const ref = refOf(sender, message.at);
        if (!ref) return;
        return ctx.write(ref.tabId, async (db) => {
          const result = await recordPageBody(db, { ...ref, url: message.url, method: message.method, body: message.body }, ctx.decode);
          if (result === 'merged') ctx.changed(ref.tabId);
          return result;
        });
      }
      case 'goal_fired': {
        const ref = refOf(sender, message.firing.at);
        if (!ref) return;
        return ctx.write(ref.tabId, async (db) => {
          await recordFiring(db, ref, message.firing, `f-${message.id}`);
          ctx.changed(ref.tabId);
        });
      }
      case 'page_event': {
        const ref = refOf(sender, message.at);
        if (!ref) return;
        return ctx.write(ref.tabId, async (db) => {
          await recordSignal(db, ref, message.event, `e-${message.id}`);
          ctx.changed(ref.tabId);
        });
      }
      case 'resources_seen': {
        const ref = refOf(sender, Date.now());
        if (!ref) return;
        const items = validResources(message.items);
        return ctx.write(ref.tabId, async (db) => {
          const added = await recordResources(db, ref, items, ctx.decode);
          if (added.length > 0) ctx.changed(ref.tabId);
          return added.length;
        });
      }
      case 'clear_tab': {
        if (!fromExtension(sender)) return;
        return ctx.write(message.tabId, async (db) => {
          await clearTab(db, message.tabId);
          ctx.changed(message.tabId);
        });
      }
    }
  });
}
