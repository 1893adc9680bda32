import { batch, computed, signal } from '@preact/signals';
import type { Plan } from '@/lib/goals/types';
import type { TagwatchDB } from '@/lib/store';
import { coalesce } from '@/lib/view/coalesce';
import { exportFile, exportHar } from '@/lib/view/export';
import { tagInventory } from '@/lib/view/inventory';
import { pageAccess } from '@/lib/view/page-access';
import { pageAudit } from '@/lib/view/page-audit';
import { buildStream } from '@/lib/view/stream';
import {
  clearTab, copyText, dismissLastError, loadPage, openOptions, openStore, resolveTab, saveFile, watchChanges, watchLastError, watchPlans, watchTabUrl,
} from './data';
import { EMPTY_PAGE, type LastError, type PageAudit, type PageData, type PopupActions, type PopupModel, type TabStatus } from './model';

// The popup's state: a few signals filled from IndexedDB, and what the views derive from them, computed once
// per change. Components get `model` as plain data (see App).

/** How often, at most, a burst of change notices re-reads IndexedDB. */
const REQUERY_MS = 150;

const status = signal<TabStatus>({ kind: 'loading' });
const page = signal<PageData>(EMPTY_PAGE);
/** The session the user picked; undefined follows the tab's current page. */
const chosen = signal<string | undefined>(undefined);
const lastError = signal<LastError | undefined>(undefined);
/** Undefined until storage.local has been read. */
const plans = signal<Plan[] | undefined>(undefined);

const stream = computed(() => buildStream(page.value.hits, page.value.signals));
const inventory = computed(() => tagInventory(page.value.hits));
/** The one audit (lib/audit/audit-tab.ts) of the page shown: redone with each load (see start). */
const audit = signal<PageAudit | undefined>(undefined);

function auditOf(data: PageData): PageAudit | undefined {
  return data.session && plans.value !== undefined ? pageAudit(plans.value, { ...data, session: data.session }, Date.now()) : undefined;
}

export const model = computed<PopupModel>(() => ({
  ...page.value,
  status: status.value,
  stream: stream.value,
  inventory: inventory.value,
  ...(audit.value ? { audit: audit.value } : {}),
  ...(lastError.value ? { lastError: lastError.value } : {}),
}));

let reload: () => void = () => undefined;

export const actions: PopupActions = {
  selectSession(sessionId) {
    // Until the user picks a page the popup follows the tab (a navigation shows the new page); after, it stays.
    chosen.value = sessionId;
    reload();
  },
  clear() {
    const tabId = page.value.tabId;
    if (tabId === undefined) return;
    void clearTab(tabId).then(reload, (error: unknown) => {
      lastError.value = { at: Date.now(), message: `Tagwatch could not clear this tab: ${String(error)}. Close and reopen the popup, then try again.` };
    });
  },
  dismissError() {
    lastError.value = undefined;
    void dismissLastError();
  },
  exportReport(kind) {
    const report = audit.value?.audit.report;
    if (!report) return;
    if (kind !== 'har') saveFile(exportFile(report, kind));
    else if (page.value.session) saveFile(exportHar(report, page.value.session, page.value.hits, browser.runtime.getManifest().version));
  },
  async copySummary() {
    const report = audit.value?.audit.report;
    if (!report) throw new Error('There is no report yet: wait for the page to load.');
    await copyText(exportFile(report, 'markdown').text);
  },
  openOptions,
};

export async function start(search: string): Promise<void> {
  watchLastError((error) => {
    lastError.value = error;
  });
  watchPlans((next) => {
    plans.value = next;
    reload();
  });
  const target = await resolveTab(search);
  if (target.tabId === undefined) {
    status.value = { kind: 'unavailable', reason: 'no-tab', message: 'There is no tab to show. Open a website, then open Tagwatch from its toolbar icon.' };
    return;
  }
  const tabId = target.tabId;
  let url = target.url;
  let db: TagwatchDB;
  try {
    db = await openStore();
  } catch (error) {
    status.value = { kind: 'unavailable', reason: 'no-tab', message: `Tagwatch could not open its database: ${String(error)}. Reload the extension (chrome://extensions → Tagwatch → reload).` };
    return;
  }

  let generation = 0;
  let first = true;
  const load = async () => {
    const mine = ++generation;
    if (first) performance.mark('tagwatch:query');
    const data = await loadPage(db, tabId, chosen.value);
    if (mine !== generation) return; // a newer load (another session picked) is under way
    const access = pageAccess(url);
    batch(() => {
      page.value = data;
      // On a browser page the earlier pages of the tab stay reachable through the session selector.
      if (!access.ok && chosen.value === undefined) status.value = { kind: 'unavailable', reason: 'unsupported', message: access.message };
      else if (!target.exists && data.sessions.length === 0) status.value = { kind: 'unavailable', reason: 'no-tab', message: `Tab ${tabId} is not open, and Tagwatch has nothing recorded for it.` };
      else status.value = { kind: 'ready' };
    });
    const measuring = first;
    if (measuring) {
      // For the benchmark (first load only): tagwatch:query → :data (IndexedDB read) → :rendered (DOM built)
      // → :audited (goals and findings). Preact renders a signal change in a microtask queued by the batch
      // above, so a later microtask comes after the render; layout and paint are not included.
      first = false;
      performance.mark('tagwatch:data');
      void Promise.resolve().then(() => Promise.resolve()).then(() => performance.mark('tagwatch:rendered'));
    }
    // The audit of a busy page takes a while: the hits show first, the goals a moment later. Awaited here so
    // its cost still counts in the load's, which the requery rests after (see below).
    await new Promise((r) => setTimeout(r, 0));
    if (mine !== generation) return;
    audit.value = auditOf(data);
    if (measuring) performance.mark('tagwatch:audited');
  };
  // A page with thousands of hits makes the audit slow: rest 3× as long as a load took, so a live stream of hits
  // leaves the popup responsive.
  const requery = coalesce(load, REQUERY_MS, (error) => console.error('Tagwatch: reading this tab failed', error), { restFactor: 3 });
  reload = requery.trigger;
  watchChanges(tabId, requery.trigger);
  if (target.exists) {
    watchTabUrl(tabId, (next) => {
      url = next;
      requery.trigger();
    });
  }
  try {
    await load();
  } catch (error) {
    status.value = { kind: 'unavailable', reason: 'no-tab', message: `Tagwatch could not read what it recorded for this tab: ${String(error)}. Close and reopen the popup; if it persists, reload the extension.` };
  }
}
