import type { Page } from 'playwright-core';
import { HOLD_MAX } from '../lib/page/signals';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../lib/goals/types';
import {
  launchExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  usePlans,
  type Extension,
  type Site,
} from './harness';

// A page can forge the page hooks' messages (it shares postMessage with them) and can do strange things to its
// own dataLayer. The extension must neither break the page nor be broken or flooded by it
// (e2e/site/goals/hostile.js holds what the page does).

interface Firing {
  goalId: string;
  tabId: number;
  at: number;
  detail?: Record<string, string>;
}
interface Signal {
  tabId: number;
  kind: string;
  event?: string;
  data?: string;
}

let ext: Extension;
let site: Site;
const pages: Page[] = [];

/** The content script's limit on what it relays from the page: 20 a second, bursts of HOLD_MAX (200). */
const RATE = 20;
// The burst is what the hooks may hold while a page loads (HOLD_MAX): handed over at once when the content script comes.
const BURST = HOLD_MAX;

const HOSTILE_GOALS: Goal[] = [
  { id: 'buy_click', name: 'Buy now', trigger: { kind: 'click', selector: '.buy-now' } },
  { id: 'forged', name: 'Forged event', trigger: { kind: 'datalayer_event', event: 'forged_event' } },
  { id: 'real', name: 'Real event', trigger: { kind: 'datalayer_event', event: 'real_event' } },
  { id: 'evil_route', name: 'Forged route', trigger: { kind: 'page_view', url: '*evil.example*' } },
  { id: 'landing', name: 'Landing', trigger: { kind: 'page_view', url: '*/goals/hostile.html*' } },
  ...['cyclic_event', 'huge_event', 'angry_event', 'own_push_event', 'proto_patched_event', 'odd_prototype_event'].map(
    (event): Goal => ({ id: event, name: event, trigger: { kind: 'datalayer_event', event } }),
  ),
];

beforeAll(async () => {
  site = await serveSite();
  ext = await launchExtension();
  await routeVendors(ext.context);
  const plan: Plan = { version: 1, name: 'Hostile page', goals: HOSTILE_GOALS };
  await usePlans(ext, [plan]);
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

async function openHostile(): Promise<{ page: Page; tabId: number }> {
  const page = await ext.open(`${site.origin}/goals/hostile.html`);
  pages.push(page);
  return { page, tabId: await ext.tabIdOf(page) };
}

const firingsOf = async (tabId: number) => (await readStore<Firing>(ext, 'firings')).filter((f) => f.tabId === tabId);
const signalsOf = async (tabId: number) => (await readStore<Signal>(ext, 'signals')).filter((s) => s.tabId === tabId);
const count = (all: Array<{ goalId: string }>, goalId: string) => all.filter((f) => f.goalId === goalId).length;

describe('a hostile page', () => {
  it('cannot crash the content script or flood the worker with forged, malformed and huge messages', async () => {
    const opened = Date.now();
    const { page, tabId } = await openHostile();
    await settle(
      () => firingsOf(tabId),
      (all) => count(all, 'landing') === 1,
    );

    const flood = await page.evaluate(() =>
      (
        window as unknown as { floodForgedSignals: (ms: number, min: number) => Promise<{ sent: number; ms: number }> }
      ).floodForgedSignals(1_500, 10_001),
    );
    expect(flood.sent).toBeGreaterThan(10_000);

    // The page still works, and so do the DOM triggers.
    await page.click('#buy');
    await page.locator('#status', { hasText: 'Bought' }).waitFor();
    await settle(
      () => firingsOf(tabId),
      (all) => count(all, 'buy_click') === 1,
    );

    // Once the flood is over the page's own events get through again (the bucket refills at 20 a second).
    const recovered = await settle(
      async () => {
        await page.evaluate(() =>
          (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'real_event' }),
        );
        return firingsOf(tabId);
      },
      (all) => count(all, 'real') > 0,
    );
    expect(count(recovered, 'real')).toBeGreaterThan(0);

    // What the worker stored is bounded by the rate limit over the page's whole life, whatever was sent.
    const elapsedSeconds = (Date.now() - opened) / 1000;
    const allowed = BURST + RATE * elapsedSeconds;
    const signals = await signalsOf(tabId);
    const firings = await firingsOf(tabId);
    const forgedSignals = signals.filter((s) => s.event === 'forged_event').length;
    // The well-formed forgeries are claims the content script cannot tell from the hooks': some pass, few.
    expect(forgedSignals).toBeGreaterThan(BURST / 2);
    expect(signals.length).toBeLessThanOrEqual(allowed);
    expect(count(firings, 'forged')).toBe(forgedSignals);
    expect(firings.length).toBeLessThanOrEqual(allowed + 2);
    // Nothing over the caps was stored, and the forged route change changed nothing.
    expect(signals.every((s) => (s.event ?? '').length <= 200 && (s.data ?? '').length <= 4096)).toBe(true);
    expect(count(firings, 'evil_route')).toBe(0);
    expect(count(firings, 'landing')).toBe(1);
  });

  it('names its page with at most 300 characters of a megabyte title, and keeps working', async () => {
    const { page, tabId } = await openHostile();
    // A route change makes the content script say the title again (a second later).
    await page.evaluate(() => {
      document.title = `Hostile ${'H'.repeat(1_000_000)}`;
      history.pushState({}, '', '?retitled');
    });
    const sessions = await settle(
      async () =>
        (await readStore<{ tabId: number; title?: string }>(ext, 'sessions')).filter((s) => s.tabId === tabId),
      (all) => all.some((s) => s.title?.startsWith('Hostile HHH')),
    );
    expect(sessions.map((s) => s.title?.length ?? 0).every((n) => n <= 300)).toBe(true);
    await page.click('#buy');
    await page.locator('#status', { hasText: 'Bought' }).waitFor();
  });

  it('keeps computing after pushing huge and cyclic objects to its dataLayer, and each event is still reported', async () => {
    const { page, tabId } = await openHostile();
    const result = await page.evaluate(() =>
      (
        window as unknown as {
          pushMonsters: () => { lengths: number[]; total: number; stillCyclic: boolean; blobLength: number };
        }
      ).pushMonsters(),
    );
    // What the page's own code computes right after the pushes, and what push returned to it.
    expect(result).toEqual({ lengths: [1, 2, 3], total: 9_900_000, stillCyclic: true, blobLength: 4 * 1024 * 1024 });

    const fired = await settle(
      () => firingsOf(tabId),
      (all) => ['cyclic_event', 'huge_event', 'angry_event'].every((id) => count(all, id) === 1),
    );
    expect(['cyclic_event', 'huge_event', 'angry_event'].map((id) => count(fired, id))).toEqual([1, 1, 1]);
    // The developer's view of the event is a bounded snapshot.
    const signals = await signalsOf(tabId);
    const cyclic = signals.find((s) => s.event === 'cyclic_event')!;
    const huge = signals.find((s) => s.event === 'huge_event')!;
    expect(cyclic.data).toContain('[cycle]');
    expect(huge.data!.length).toBeLessThanOrEqual(2049);
    expect(signals.find((s) => s.event === 'angry_event')!.data).toContain('[unreadable]');
  });

  it("still reports events through the page's own dataLayer.push, and hands the page that function's return value", async () => {
    const { page, tabId } = await openHostile();
    const returned = await page.evaluate(() => (window as unknown as { ownPush: () => unknown }).ownPush());
    expect(returned).toBe('queued by the page');
    expect(await page.evaluate(() => (window as unknown as { ownPushCalls: string[] }).ownPushCalls)).toEqual([
      'own_push_event',
    ]);
    // The click after the push marks the end: the push's firings are stored by the time the click's is.
    await page.click('#buy');
    const fired = await settle(
      () => firingsOf(tabId),
      (all) => count(all, 'buy_click') === 1,
    );
    expect(count(fired, 'own_push_event')).toBe(1);
  });

  it('lets the page patch Array.prototype.push and redefine window.dataLayer without an error', async () => {
    const { page, tabId } = await openHostile();
    const { errors, results } = await page.evaluate(() =>
      (window as unknown as { tamper: () => { errors: string[]; results: Record<string, unknown> } }).tamper(),
    );
    expect(errors).toEqual([]);
    // The page's patched Array.prototype.push runs for its dataLayer too, as it would without the extension.
    expect(results.patchArrayPush).toEqual({ length: 1, protoPushes: 2, plain: 3 });
    expect(results.defineValue).toBe(2);
    expect(results.defineAccessor).toBe(2);
    expect(results.oddPrototype).toBe(1);

    await page.click('#buy');
    const fired = await settle(
      () => firingsOf(tabId),
      (all) => count(all, 'buy_click') === 1,
    );
    expect(count(fired, 'proto_patched_event')).toBe(1);
  });
});
