import type { Page } from 'playwright-core';
import type { StoredHit } from '../../lib/store/types';
import { decodeRequest } from '../../lib/tags';
import { launchExtension, serveSite, settle, type Extension } from '../browser';
import { tagCorpus } from './corpus';
import { median } from './stats';

// The side panel and the DevTools panel in Chromium: how fast they first show a busy page, and how long a hit
// takes from the page's request to its row on screen.

/** Put `n` realistic hits in one page session of `tabId` (a new session unless one is given), straight into IndexedDB. */
export async function seedHits(
  ext: Extension,
  n: number,
  tabId: number,
  sessionId = 'bench',
  start = Date.now() - 60_000,
  spacingMs = 10,
): Promise<number> {
  const hits: Array<StoredHit & { urlHash: string }> = [];
  for (const [i, req] of tagCorpus(n).entries()) {
    for (const [j, hit] of decodeRequest(req).entries()) {
      if (hits.length < n)
        hits.push({
          ...hit,
          id: `seed:${i}#${j}`,
          requestKey: `seed:${i}`,
          sessionId,
          tabId,
          frameId: 0,
          at: start + i * spacingMs,
          url: req.url,
          method: req.method ?? 'GET',
          status: 'sent',
          bodyState: 'none',
          urlHash: String(i),
        });
    }
  }
  await ext.inExtension(
    ({ rows, tab, session, at }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('tagwatch');
        open.onsuccess = () => {
          const tx = open.result.transaction(['sessions', 'tabs', 'hits'], 'readwrite');
          if (session === 'bench') {
            tx.objectStore('sessions').put({
              id: session,
              tabId: tab,
              url: 'https://shop.example/busy-page',
              title: 'A busy page',
              startedAt: at,
              navigations: [],
            });
            tx.objectStore('tabs').put({ tabId: tab, sessionId: session });
          }
          for (const row of rows) tx.objectStore('hits').put(row);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    { rows: hits, tab: tabId, session: sessionId, at: start },
  );
  return hits.length;
}

/**
 * The worker done with its first start (the default plan written): on a loaded machine a page opened before
 * that could be missed by the navigation listeners, and the bench would wait for a page never recorded.
 */
async function installed(ext: Extension): Promise<void> {
  await settle(
    () => ext.inExtension(async () => 'plans' in (await chrome.storage.local.get('plans')), null),
    (v) => v,
    30_000,
  );
}

/** The page session the tab shows now, once the worker has recorded it. */
export async function currentSession(ext: Extension, tabId: number): Promise<{ id: string; startedAt: number }> {
  const read = () =>
    ext.inExtension(
      (tab) =>
        new Promise<{ id: string; startedAt: number } | undefined>((ok, fail) => {
          const open = indexedDB.open('tagwatch');
          open.onsuccess = () => {
            const tx = open.result.transaction(['tabs', 'sessions']);
            const req = tx.objectStore('tabs').get(tab);
            req.onsuccess = () => {
              const id = (req.result as { sessionId?: string } | undefined)?.sessionId;
              if (id === undefined) return ok(undefined);
              const session = tx.objectStore('sessions').get(id);
              session.onsuccess = () => ok(session.result as { id: string; startedAt: number });
            };
            req.onerror = () => fail(req.error);
          };
          open.onerror = () => fail(open.error);
        }),
      tabId,
    );
  const session = await settle(read, (v) => v !== undefined, 30_000);
  if (session === undefined) throw new Error(`Tab ${tabId} has no page recorded: is the extension capturing?`);
  return session;
}

export interface FirstRender {
  /** IndexedDB read of what the view shows. */
  readMs: number;
  /** From the data in hand to the DOM built. */
  renderMs: number;
  /** The goals and findings, computed after the first render. */
  auditMs: number;
}

/** Open an extension page `times` times and read its own marks (tagwatch:query → :data → :rendered → :audited). */
export async function firstRender(ext: Extension, path: string, times = 5): Promise<FirstRender> {
  const reads: number[] = [];
  const renders: number[] = [];
  const audits: number[] = [];
  for (let i = 0; i < times; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/${path}`);
    await page.waitForFunction(() => performance.getEntriesByName('tagwatch:audited').length > 0, undefined, {
      timeout: 60_000,
    });
    const marks = await page.evaluate(() =>
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
    await page.close();
  }
  return { readMs: median(reads), renderMs: median(renders), auditMs: median(audits) };
}

export interface PanelRenderFigures {
  hits: number;
  sidePanel: FirstRender;
  devtools: FirstRender;
}

/** Both panels opened on a page of `n` hits: first render, medians of five openings. */
export async function benchPanelRender(n = 5_000): Promise<PanelRenderFigures> {
  const ext = await launchExtension();
  try {
    const tabId = 99_999;
    const hits = await seedHits(ext, n, tabId);
    return {
      hits,
      sidePanel: await firstRender(ext, `sidepanel.html?tabId=${tabId}&view=hits`),
      devtools: await firstRender(ext, `devtools-panel.html?tabId=${tabId}`),
    };
  } finally {
    await ext.close();
  }
}

/** Record, in the panel, when each row of a measured hit enters the DOM and when the next frame after it starts. */
async function watchRows(panel: Page, prefix: string): Promise<void> {
  await panel.evaluate((p) => {
    const seen: Record<string, { dom: number; frame?: number }> = {};
    Object.assign(window, { benchSeen: seen });
    new MutationObserver((records) => {
      const now = Date.now();
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          for (const row of [node, ...node.querySelectorAll<HTMLElement>('[data-testid=hit-row]')]) {
            const name = row.dataset?.event;
            if (row.dataset?.testid !== 'hit-row' || !name?.startsWith(p) || seen[name]) continue;
            const entry: { dom: number; frame?: number } = { dom: now };
            seen[name] = entry;
            requestAnimationFrame(() => (entry.frame = Date.now()));
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }, prefix);
}

async function latencies(
  page: Page,
  panel: Page,
  prefix: string,
  count: number,
): Promise<{ dom: number[]; frame: number[]; missing: number }> {
  await panel
    .waitForFunction(
      ({ p, c }) =>
        Object.keys((window as unknown as { benchSeen: Record<string, unknown> }).benchSeen).filter((k) =>
          k.startsWith(p),
        ).length >= c,
      { p: prefix, c: count },
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  const sent = await page.evaluate(() => (window as unknown as { benchSent: Record<string, number> }).benchSent);
  const seen = await panel.evaluate(
    () => (window as unknown as { benchSeen: Record<string, { dom: number; frame?: number }> }).benchSeen,
  );
  const dom: number[] = [];
  const frame: number[] = [];
  let missing = 0;
  for (const [name, at] of Object.entries(sent)) {
    if (!name.startsWith(prefix)) continue;
    const s = seen[name];
    if (!s) {
      missing++;
      continue;
    }
    dom.push(s.dom - at);
    if (s.frame !== undefined) frame.push(s.frame - at);
  }
  return { dom, frame, missing };
}

export interface LatencyFigures {
  hits: number;
  medianMs: number;
  p90Ms: number;
  /** To the first animation frame after the row entered the DOM: when it can be on screen. */
  medianFrameMs: number;
  missing: number;
}

function summarise(r: { dom: number[]; frame: number[]; missing: number }): LatencyFigures {
  const sorted = [...r.dom].sort((a, b) => a - b);
  return {
    hits: r.dom.length,
    medianMs: median(r.dom),
    p90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? NaN,
    medianFrameMs: median(r.frame),
    missing: r.missing,
  };
}

export interface LatencyScenarios {
  /** A quiet page, the panel open on it. */
  quiet: LatencyFigures;
  /** The page already holds 5,000 hits and sends 50 more a second around the measured ones. */
  busy: LatencyFigures;
  /** Hits sent while the page is still loading (the worker holds its settled notices then). */
  loading: LatencyFigures;
}

/** Hit-to-screen in the DevTools panel: the page sends a hit, the panel's row for it appears. */
export async function benchHitToScreen(measured = 40): Promise<LatencyScenarios> {
  const site = await serveSite();
  const ext = await launchExtension();
  try {
    await installed(ext);
    // `filter`: the developer narrows the busy stream to their event, as they would; unfiltered, a measured row
    // can be pushed out of view by newer ones before it is ever drawn (only the rows in view are rendered).
    const run = async (
      query: string,
      prefix: string,
      setup: (page: Page, tabId: number) => Promise<void>,
      drive: (page: Page) => Promise<void>,
      filter = false,
    ) => {
      const page = await ext.open(`${site.origin}/panels/bench.html?${query}`);
      const tabId = await ext.tabIdOf(page);
      await setup(page, tabId);
      const panel = await ext.context.newPage();
      await panel.setViewportSize({ width: 1000, height: 400 });
      await panel.goto(`chrome-extension://${ext.id}/devtools-panel.html?tabId=${tabId}`);
      await panel.waitForSelector('[data-testid=hit-stream]', { timeout: 60_000 }).catch(() => undefined);
      if (filter) await panel.getByTestId('filter-text').fill(prefix);
      // Measured once the panel shows the page (its first audit done) and the stream has run a second on top:
      // the user opens the panel, then works. The catch-up right after opening is its first render's figure.
      await panel
        .waitForFunction(() => performance.getEntriesByName('tagwatch:audited').length > 0, undefined, {
          timeout: 60_000,
        })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1_000));
      await watchRows(panel, prefix);
      await drive(page);
      // The filter is saved for the user: the next scenario starts unfiltered.
      if (filter) await panel.getByTestId('filter-text').fill('');
      const result = summarise(await latencies(page, panel, prefix, measured));
      await Promise.all([page.close(), panel.close()]);
      return result;
    };
    const sendMeasured = async (page: Page, prefix: string) => {
      for (let i = 0; i < measured; i++) {
        await page.evaluate(
          (name) => (window as unknown as { benchHit: (n: string) => void }).benchHit(name),
          `${prefix}${i}`,
        );
        // 100–250 ms apart: each hit is its own, not part of a burst.
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 150));
      }
    };
    const quiet = await run(
      'quiet',
      'quiet_',
      async () => undefined,
      (page) => sendMeasured(page, 'quiet_'),
    );
    const busy = await run(
      'busy',
      'busy_',
      async (page, tabId) => {
        // 5,000 hits of this page before the measured ones: from its start to now.
        const session = await currentSession(ext, tabId);
        await seedHits(
          ext,
          5_000,
          tabId,
          session.id,
          session.startedAt,
          Math.max(0.1, (Date.now() - session.startedAt) / 5_000),
        );
        await page.evaluate(() => (window as unknown as { benchNoise: (n: number) => void }).benchNoise(50));
      },
      async (page) => {
        await sendMeasured(page, 'busy_');
        await page.evaluate(() => (window as unknown as { benchNoise: (n: number) => void }).benchNoise(0));
      },
      true,
    );
    // The panel opens on the tab first, then the tab loads the page that sends hits while loading.
    const loadingPage = await ext.open(`${site.origin}/panels/bench.html?before-loading`);
    const tabId = await ext.tabIdOf(loadingPage);
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 1000, height: 400 });
    await panel.goto(`chrome-extension://${ext.id}/devtools-panel.html?tabId=${tabId}`);
    await panel.waitForSelector('[data-testid=hit-stream]', { timeout: 60_000 }).catch(() => undefined);
    await watchRows(panel, 'loading_');
    await loadingPage.goto(`${site.origin}/panels/bench.html?loading=${measured}`, { waitUntil: 'commit' });
    await loadingPage.waitForFunction(
      (c) => Object.keys((window as unknown as { benchSent: Record<string, number> }).benchSent).length >= c,
      measured,
      { timeout: 60_000 },
    );
    const loading = summarise(await latencies(loadingPage, panel, 'loading_', measured));
    await Promise.all([loadingPage.close(), panel.close()]);
    return { quiet, busy, loading };
  } finally {
    await ext.close();
    await site.close();
  }
}

type Line = (label: string, value: string, target?: string) => void;

/** The panels' section of `npm run bench`; also `npx tsx scripts/bench/panels.ts` alone (after a build). */
export async function printPanelBench(line: Line): Promise<void> {
  const r = await benchPanelRender();
  console.log(
    `\nSide panel and DevTools panel on a page of ${r.hits.toLocaleString()} hits (Chromium, median of 5 openings)`,
  );
  for (const [name, f] of [
    ['side panel', r.sidePanel],
    ['DevTools', r.devtools],
  ] as const) {
    line(`${name}: IndexedDB read`, `${f.readMs.toFixed(0)} ms`);
    line(`${name}: first render (data → DOM built)`, `${f.renderMs.toFixed(0)} ms`, '(target < 150 ms)');
    line(`${name}: goals after the render (in a worker)`, `${f.auditMs.toFixed(0)} ms`);
  }
  const l = await benchHitToScreen();
  console.log('\nHit-to-screen in the DevTools panel (page sends a hit → its row in the DOM; Chromium)');
  for (const [name, f] of [
    ['quiet page', l.quiet],
    ['busy page (5,000 hits + 50/s), filtered', l.busy],
    ['sent while the page loads', l.loading],
  ] as const) {
    line(`${name}: median (p90)`, `${f.medianMs.toFixed(0)} ms (${f.p90Ms.toFixed(0)})`, '(target median < 100 ms)');
    line(
      `${name}: to next frame, median`,
      `${f.medianFrameMs.toFixed(0)} ms`,
      f.missing > 0 ? `(${f.missing} of ${f.hits + f.missing} never shown)` : `(${f.hits} hits)`,
    );
  }
}

if (process.argv[1]?.endsWith('panels.ts')) {
  await printPanelBench((label, value, target = '') =>
    console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${target}`),
  );
}
