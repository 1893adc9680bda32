import type { Page } from 'playwright-core';
import { launchChromium, launchExtension, readStore, serveSite, settle } from '../browser';

export interface CaptureFigures {
  hits: number;
  /** First request to last hit stored with its outcome, with Tagwatch. */
  storedMs: number;
  hitsPerSecond: number;
  /** How long the same requests take to load with no extension at all: the network's own share. */
  baselineLoadMs: number;
}

/** Fire `n` first-party GA4 pixel hits at once (served by the fixture server: no test routing in the way). */
function burst(page: Page, n: number): Promise<number> {
  return page.evaluate(
    (count) =>
      new Promise<number>((done) => {
        const start = performance.now();
        let loaded = 0;
        for (let i = 0; i < count; i++) {
          const img = new Image();
          img.onload = img.onerror = () => {
            if (++loaded === count) done(performance.now() - start);
          };
          img.src = `/g/collect?v=2&tid=G-LOCAL&cid=1.2&en=scroll&epn.n=${i}&r=${Math.random()}`;
        }
      }),
    n,
  );
}

/** Store write throughput in real Chromium: webRequest → decode → IndexedDB, outcome recorded, per hit. */
export async function benchCapture(n = 600): Promise<CaptureFigures> {
  const site = await serveSite();
  try {
    const bare = await launchChromium();
    const page = await bare.context.newPage();
    await page.goto(`${site.origin}/capture.html`);
    const baselineLoadMs = await burst(page, n);
    await bare.close();

    const ext = await launchExtension();
    try {
      const tagged = await ext.open(`${site.origin}/capture.html`);
      const start = Date.now();
      await burst(tagged, n);
      const hits = await settle(
        async () =>
          (await readStore<{ status: string; account?: string }>(ext, 'hits')).filter(
            (h) => h.account === 'G-LOCAL' && h.status !== 'pending',
          ).length,
        (count) => count >= n,
        120_000,
      );
      const storedMs = Date.now() - start;
      return {
        hits,
        storedMs,
        hitsPerSecond: Math.round((hits / storedMs) * 1000),
        baselineLoadMs: Math.round(baselineLoadMs),
      };
    } finally {
      await ext.close();
    }
  } finally {
    await site.close();
  }
}
