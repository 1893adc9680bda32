import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, launchChromium, serveSite } from '../browser';
import { median, medianInterval, medianRatio, quantile } from './stats';
import { startVendorServer } from './vendor-server';

/** One browser of the comparison: an unpacked extension, or none. */
export interface LoadConfig {
  name: string;
  /** The unpacked extension's folder; none for a browser without extensions. */
  dir?: string;
}

export interface ConfigFigures {
  name: string;
  medianMs: number;
  /** Median of the pairwise ratios to the floor and to no extension (pairs from the same round). */
  toFloor: number;
  toNone: number;
  /** The middle half of the pairwise ratios to the floor: the spread of single loads. */
  toFloorQuartiles: [number, number];
  /** The 95 % bootstrap interval of `toFloor`: how precisely this run pins it. */
  toFloorInterval: [number, number];
}

export interface PageLoadFigures {
  page: string;
  loads: number;
  /** Requests to vendor hosts per load (answered by the local vendor server). */
  tagRequests: number;
  configs: ConfigFigures[];
}

/** The pages measured: the e2e shop page, and a heavy one (32 tag requests, two frames — one cross-origin —, a video). */
export const BENCH_PAGES = ['/shop/index.html', '/bench/heavy.html'];

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

export const FLOOR_DIR = resolve('scripts/bench/floor-extension');

interface ManifestShape {
  background?: Record<string, unknown>;
  content_scripts?: Array<{ js?: string[] }>;
}

/**
 * The ablation: copies of the built extension with one part removed at a time — each content script, both, or
 * the worker's work (its listener reduced to the floor's; without the worker, nothing injects the isolated-world
 * script either). What each removal saves is what that part costs.
 */
export function ablations(dir = EXTENSION_DIR): { configs: LoadConfig[]; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'tagwatch-ablation-'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestShape;
  const variant = (name: string, change: (m: ManifestShape, out: string) => void): LoadConfig => {
    const out = join(root, name.replace(/\W+/g, '-'));
    cpSync(dir, out, { recursive: true });
    const copy = structuredClone(manifest);
    change(copy, out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(copy));
    return { name, dir: out };
  };
  const withoutHooks = (m: ManifestShape) => {
    m.content_scripts = (m.content_scripts ?? []).filter(
      (c) => !(c.js ?? []).some((js) => js.endsWith('page-hooks.js')),
    );
  };
  // The isolated-world script is injected by the worker once a page has loaded: emptied, the worker injects nothing.
  const withoutContent = (out: string) => writeFileSync(join(out, 'content-scripts', 'content.js'), '');
  const configs = [
    variant('− page hooks (main world)', withoutHooks),
    variant('− content script (isolated world)', (_, out) => withoutContent(out)),
    variant('− both content scripts (worker only)', (m, out) => {
      withoutHooks(m);
      withoutContent(out);
    }),
    variant('− worker (floor listener + page hooks)', (m, out) => {
      copyFileSync(join(FLOOR_DIR, 'background.js'), join(out, 'floor-background.js'));
      m.background = { service_worker: 'floor-background.js' };
    }),
  ];
  return { configs, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The page-load cost of the extension: each page loaded `loads` times in each browser — Tagwatch, a bare
 * extension that only registers the same webRequest listener (the floor), none, and any other configuration
 * (ablations, another build) — interleaved, each round in a rotated order, so that every round sees the same
 * machine load and no configuration always goes first.
 */
export async function benchPageLoad(
  opts: { loads?: number; pages?: string[]; extra?: LoadConfig[]; onPage?: (figures: PageLoadFigures) => void } = {},
): Promise<PageLoadFigures[]> {
  const loads = opts.loads ?? 41;
  const site = await serveSite();
  const vendors = await startVendorServer();
  const configs: LoadConfig[] = [
    { name: 'Tagwatch', dir: EXTENSION_DIR },
    { name: 'floor', dir: FLOOR_DIR },
    { name: 'no extension' },
    ...(opts.extra ?? []),
  ];
  const browsers: Array<{ context: BrowserContext; close: () => Promise<void> }> = [];
  try {
    for (const c of configs) browsers.push(await launchChromium(c.dir, undefined, vendors.args));
    const results: PageLoadFigures[] = [];
    for (const path of opts.pages ?? BENCH_PAGES) {
      const url = `${site.origin}${path}`;
      // Warm-up: caches, the worker's first start, the JIT.
      for (const b of browsers) for (let i = 0; i < 2; i++) await loadOnce(b.context, url);
      const before = vendors.count();
      const times = configs.map(() => [] as number[]);
      for (let round = 0; round < loads; round++) {
        for (let k = 0; k < configs.length; k++) {
          const i = (round + k) % configs.length;
          times[i]!.push(await loadOnce(browsers[i]!.context, url));
        }
      }
      const [, floor, bare] = times as [number[], number[], number[]];
      const figures: PageLoadFigures = {
        page: path,
        loads,
        tagRequests: (vendors.count() - before) / loads / configs.length,
        configs: configs.map((c, i) => {
          const t = times[i]!;
          const ratios = t.map((x, j) => x / floor[j]!);
          return {
            name: c.name,
            medianMs: median(t),
            toFloor: medianRatio(t, floor),
            toNone: medianRatio(t, bare),
            toFloorQuartiles: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
            toFloorInterval: medianInterval(ratios),
          };
        }),
      };
      results.push(figures);
      opts.onPage?.(figures);
    }
    return results;
  } finally {
    for (const b of browsers) await b.close();
    await site.close();
    await vendors.close();
  }
}
