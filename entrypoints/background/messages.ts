import browser, { type Runtime } from 'webextension-polyfill';
import type { Message, PageMessage } from '@/lib/messages';
import { ACK } from '@/lib/page/outbox';
import { validResources } from '@/lib/page/resources';
import { validSignal } from '@/lib/page/signals';
import {
  clearTab,
  earliestAt,
  grouped,
  MERGE_WINDOW_MS,
  recordFiring,
  recordPageBody,
  recordResources,
  recordSignal,
  setDocumentTitle,
  type DocumentRef,
} from '@/lib/store';
import type { WorkerContext } from './context';

function refOf(sender: Runtime.MessageSender, at: number): DocumentRef | undefined {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  const documentId = (sender as { documentId?: string }).documentId;
  return {
    tabId,
    frameId: sender.frameId ?? 0,
    at,
    ...(documentId ? { documentId } : {}),
    ...(sender.url ? { initiator: sender.url } : {}),
  };
}

// Extension pages: the toolbar popup (no tab) and the popup or options opened in a tab (sender.tab is set).
const fromExtension = (sender: Runtime.MessageSender) =>
  sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));

/** At most this many messages in one batch are handled (a content script sends one task's worth). */
const BATCH_MAX = 200;

/**
 * One handler per message type. Content-script messages are tied to the tab that sent them, never to a claim.
 * Their writes are group-committed (lib/store/batch.ts): a batch's messages share one transaction.
 */
export function registerMessages(ctx: WorkerContext): void {
  const handle = (message: Message, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    switch (message.type) {
      case 'page_signal': {
        // What the page hooks saw, relayed as the page posted it: the page can forge it, so it is checked here.
        const signal = validSignal(message.signal);
        if (!signal || signal.kind === 'history') return;
        const ref = refOf(sender, signal.at);
        if (!ref) return;
        if (signal.kind === 'request') {
          const { url, method, body, at } = signal;
          return ctx.mustWrite(ref.tabId, async (db) => {
            const result = await grouped(db, (w) =>
              recordPageBody(w, { ...ref, url, method, body, encoding: 'base64' }, ctx.decode),
            );
            // The hits it completed were requested up to MERGE_WINDOW_MS before the page handed the body over.
            if (result === 'merged') ctx.changed(ref.tabId, at - MERGE_WINDOW_MS);
            return result;
          });
        }
        const { at, ...event } = signal;
        return ctx.mustWrite(ref.tabId, async (db) => {
          const stored = await grouped(db, (w) => recordSignal(w, ref, event, `e-${message.id}`));
          ctx.changed(ref.tabId, stored.at);
        });
      }
      case 'goal_fired': {
        const ref = refOf(sender, message.firing.at);
        if (!ref) return;
        return ctx.mustWrite(ref.tabId, async (db) => {
          const firing = await grouped(db, (w) => recordFiring(w, ref, message.firing, `f-${message.id}`));
          ctx.changed(ref.tabId, firing.at);
        });
      }
      case 'resources_seen': {
        const ref = refOf(sender, Date.now());
        if (!ref) return;
        const items = validResources(message.items);
        if (items.length === 0) return;
        // Behind the tab's held request writes (quiet.ts): a witness of a request still held in memory would
        // otherwise be written as a hit of its own, then replaced by the request's. Acknowledged once written.
        const afterLoad = new Promise<void>((resolve) => ctx.afterLoad(ref.tabId, resolve));
        return afterLoad.then(() =>
          ctx.mustWrite(ref.tabId, async (db) => {
            const added = await grouped(db, async (w) => {
              const stored = await recordResources(w, ref, items, ctx.decode);
              // Noted before the group's next write runs: a request written after this must look its witness up.
              if (stored.length > 0) ctx.witnesses.noted(ref.tabId);
              return stored;
            });
            if (added.length > 0) ctx.changed(ref.tabId, earliestAt(added));
            return added.length;
          }),
        );
      }
      case 'page_title': {
        // The top document's own title (a frame's is not the page's); the page may send anything: a string, bounded.
        const ref = refOf(sender, Date.now());
        if (ref?.frameId !== 0 || typeof message.title !== 'string') return;
        const title = message.title;
        return ctx.mustWrite(ref.tabId, async (db) => {
          if (await grouped(db, (w) => setDocumentTitle(w, ref, title))) ctx.live(ref.tabId, Infinity);
        });
      }
      case 'batch': {
        // Acknowledged once every message in it is written: a resend repeats them all, and each is idempotent.
        if (!Array.isArray(message.messages)) return;
        const inner = (message.messages as unknown[]).slice(0, BATCH_MAX).filter(isPageMessage);
        return Promise.all(inner.map((m) => handle(m, sender))).then(() => inner.length);
      }
      case 'clear_tab': {
        if (!fromExtension(sender)) return;
        // Rejects when the write fails, as the page messages do: the view that asked says it could not clear.
        return ctx.mustWrite(message.tabId, async (db) => {
          await clearTab(db, message.tabId);
          ctx.changed(message.tabId, -Infinity);
        });
      }
    }
  };
  // The reply is the outbox's acknowledgement (lib/page/outbox.ts): ACK once written — also for a message there was
  // nothing to write for, which a resend would not change. A failed write rejects, and the page sends it again.
  browser.runtime.onMessage.addListener(async (raw: unknown, sender: Runtime.MessageSender) => {
    await handle(raw as Message, sender);
    return ACK;
  });
}

/** What may travel in a batch: page messages only (no batch in a batch, no extension-page command). */
function isPageMessage(m: unknown): m is PageMessage {
  const type = typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined;
  return type === 'page_signal' || type === 'goal_fired' || type === 'resources_seen' || type === 'page_title';
}
