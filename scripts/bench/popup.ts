import { launchExtension } from '../browser';
import { firstRender, seedHits, type FirstRender } from './panels';

export interface PopupFigures extends FirstRender {
  hits: number;
}

/**
 * The popup on a page of `n` hits, in Chromium: the store is seeded with a realistic session (the panels bench's
 * seed), the popup is opened five times, and its own performance marks (tagwatch:query → :data → :rendered →
 * :audited) give the figures.
 */
export async function benchPopup(n = 5_000): Promise<PopupFigures> {
  const ext = await launchExtension();
  try {
    const tabId = 99_999;
    const hits = await seedHits(ext, n, tabId);
    return { hits, ...(await firstRender(ext, `popup.html?tabId=${tabId}`)) };
  } finally {
    await ext.close();
  }
}
