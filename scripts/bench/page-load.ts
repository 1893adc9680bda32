import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchChromium, routeVendors, serveSite } from '../browser';
import { median, medianRatio } from './stats';

export interface PageLoadFigures {
  loads: number;
  medianMs: { tagwatch: number; floor: number; none: number };
  ratio: { tagwatchToFloor: number; tagwatchToNone: number; floorToNone: number };
}

/** Load time of one page: navigation start to the end of the load event, from the page's own timing. */
async function loadOnce(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  await page.close();
  return ms;
}

/**
 * The page-load cost of the extension: the same fixture page loaded `loads` times in each of three browsers —
 * with Tagwatch, with a bare extension that only registers the same webRequest listener (the floor), and
 * with none — interleaved so that every round sees the same machine load.
 */
export async function benchPageLoad(loads = 25): Promise<PageLoadFigures> {
  const site = await serveSite();
  const configs = {
    tagwatch: await launchChromium(EXTENSION_DIR),
    floor: await launchChromium(resolve('scripts/bench/floor-extension')),
    none: await launchChromium(),
  };
  try {
    for (const c of Object.values(configs)) await routeVendors(c.context);
    const url = `${site.origin}/bench.html`;
    const times = { tagwatch: [] as number[], floor: [] as number[], none: [] as number[] };
    // Warm-up: caches, the worker's first start, the JIT.
    for (const c of Object.values(configs)) for (let i = 0; i < 3; i++) await loadOnce(c.context, url);
    for (let i = 0; i < loads; i++) {
      for (const name of ['tagwatch', 'floor', 'none'] as const) times[name].push(await loadOnce(configs[name].context, url));
    }
    return {
      loads,
      medianMs: { tagwatch: median(times.tagwatch), floor: median(times.floor), none: median(times.none) },
      ratio: {
        tagwatchToFloor: medianRatio(times.tagwatch, times.floor),
        tagwatchToNone: medianRatio(times.tagwatch, times.none),
        floorToNone: medianRatio(times.floor, times.none),
      },
    };
  } finally {
    for (const c of Object.values(configs)) await c.close();
    await site.close();
  }
}
