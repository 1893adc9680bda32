import browser from 'webextension-polyfill';
import { acceptSiteReading, type SiteReading } from '@/lib/goals/site-kind';
import { grouped, recordSignal } from '@/lib/store';
import type { WorkerContext } from './context';

/** Read the kind of site in the tab's top frame; undefined when the page cannot be read (a browser page, a closed tab). */
async function readSite(tabId: number): Promise<SiteReading | undefined> {
  try {
    if (browser.scripting) {
      const [first] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        files: ['/injected-site-kind.js'],
      });
      return acceptSiteReading(first?.result);
    }
    // Firefox without the scripting API (MV2 before 102): the older call returns the same value.
    const [result] = await browser.tabs.executeScript(tabId, { file: '/injected-site-kind.js', frameId: 0 });
    return acceptSiteReading(result);
  } catch {
    // Pages no extension may read (the web store, browser pages) have no kind: every default goal applies.
    return undefined;
  }
}

/** Once a page has loaded, what kind of site it is: recorded as a page event of its session. */
export function registerSiteKind(ctx: WorkerContext): void {
  browser.webNavigation.onCompleted.addListener((details) => {
    if (details.frameId !== 0 || !/^https?:/.test(details.url)) return;
    const documentId = (details as { documentId?: string }).documentId;
    void readSite(details.tabId).then((reading) => {
      if (!reading) return;
      const ref = { tabId: details.tabId, frameId: 0, at: details.timeStamp, ...(documentId ? { documentId } : {}) };
      // One reading per document: a second load event of the same document writes the same record.
      const id = `k-${documentId ?? `${details.tabId}-${Math.round(details.timeStamp)}`}`;
      return ctx.write(details.tabId, async (db) => {
        await grouped(db, (w) => recordSignal(w, ref, { kind: 'site', ...reading }, id));
        ctx.changed(details.tabId, ref.at);
      });
    });
  });
}
