import type { StoredHit } from '../../lib/store/types';
import { decodeRequest } from '../../lib/tags';
import { launchExtension } from '../browser';
import { tagCorpus } from './corpus';
import { median } from './stats';

export interface PopupFigures {
  hits: number;
  /** IndexedDB read of the page's records (the popup's query). */
  readMs: number;
  /** From the data in hand to the DOM built (the render). */
  renderMs: number;
  /** The goals and findings (auditTab), computed after the first render. */
  auditMs: number;
}

/**
 * The popup on a page of `n` hits, in Chromium: the store is seeded with a realistic session, the popup is
 * opened five times, and its own performance marks (tagwatch:query → :data → :rendered) give the figures.
 */
export async function benchPopup(n = 5_000): Promise<PopupFigures> {
  const ext = await launchExtension();
  try {
    const t0 = Date.now() - 60_000;
    const tabId = 99_999;
    const hits: Array<StoredHit & { urlHash: string }> = [];
    for (const [i, req] of tagCorpus(n).entries()) {
      for (const [j, hit] of decodeRequest(req).entries()) {
        if (hits.length < n)
          hits.push({
            ...hit,
            id: `wr:${i}#${j}`,
            requestKey: `wr:${i}`,
            sessionId: 'bench',
            tabId,
            frameId: 0,
            at: t0 + i * 10,
            url: req.url,
            method: req.method ?? 'GET',
            status: 'sent',
            bodyState: 'none',
            urlHash: String(i),
          });
      }
    }
    await ext.inExtension(
      ({ rows, tab, start }) =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('tagwatch');
          open.onsuccess = () => {
            const tx = open.result.transaction(['sessions', 'tabs', 'hits'], 'readwrite');
            tx.objectStore('sessions').put({
              id: 'bench',
              tabId: tab,
              url: 'https://shop.example/busy-page',
              title: 'A busy page',
              startedAt: start,
              navigations: [],
            });
            tx.objectStore('tabs').put({ tabId: tab, sessionId: 'bench' });
            for (const row of rows) tx.objectStore('hits').put(row);
            tx.oncomplete = () => ok();
            tx.onerror = () => fail(tx.error);
          };
          open.onerror = () => fail(open.error);
        }),
      { rows: hits, tab: tabId, start: t0 },
    );
    const reads: number[] = [];
    const renders: number[] = [];
    const audits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const popup = await ext.popup(tabId);
      await popup.waitForFunction(() => performance.getEntriesByName('tagwatch:audited').length > 0, undefined, {
        timeout: 60_000,
      });
      const marks = await popup.evaluate(() =>
        Object.fromEntries(
          ['tagwatch:query', 'tagwatch:data', 'tagwatch:rendered', 'tagwatch:audited'].map((m) => [
            m,
            performance.getEntriesByName(m)[0]!.startTime,
          ]),
        ),
      );
      reads.push(marks['tagwatch:data']! - marks['tagwatch:query']!);
      renders.push(marks['tagwatch:rendered']! - marks['tagwatch:data']!);
      audits.push(marks['tagwatch:audited']! - marks['tagwatch:rendered']!);
      await popup.close();
    }
    return { hits: hits.length, readMs: median(reads), renderMs: median(renders), auditMs: median(audits) };
  } finally {
    await ext.close();
  }
}
