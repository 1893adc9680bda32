import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import type { TabRecords } from '../lib/audit/audit-tab';
import type { Plan } from '../lib/goals/types';
import type { CustomEndpoint } from '../lib/tags';
import { stubReason, type StubReason } from '../lib/tags/stub';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';

// The browser plumbing shared by the audit command and the end-to-end tests: the built extension in the
// system Chromium, a static site on localhost, and vendor hosts answered locally when asked to (webRequest
// sees routed requests as real ones).

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const SITE_DIR = resolve('e2e/site');

export class NoBrowserError extends Error {}

/** The browser to drive: the one asked for, else $CHROMIUM_PATH, else the system Chromium or Chrome. */
export function chromiumPath(explicit?: string): string {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new NoBrowserError(`No browser at ${explicit}. Pass --browser with the path of a Chromium or Chrome executable.`);
    return explicit;
  }
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new NoBrowserError('No Chromium found. Install one (apt-get install chromium) or pass --browser /path/to/chrome.');
  return found;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mp4': 'video/mp4', '.webm': 'video/webm', '.pdf': 'application/pdf', '.css': 'text/css', '.json': 'application/json' };

export interface Site {
  origin: string;
  /** A second origin on the same server (127.0.0.1 vs localhost) for cross-origin frames and outbound links. */
  otherOrigin: string;
  close: () => Promise<void>;
}

/** Serve e2e/site on a free port. `/slow` never answers (a hanging page); `/echo` answers any POST with 204. */
export async function serveSite(dir = SITE_DIR): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/slow') return; // never answered
    // A first-party tag endpoint (server-side tagging): answered here, without the test's routing.
    if (url.pathname === '/g/collect') return void res.writeHead(204).end();
    if (req.method === 'POST') {
      req.resume();
      req.on('end', () => res.writeHead(url.pathname.startsWith('/form-target') ? 303 : 204, { Location: '/thanks.html' }).end());
      return;
    }
    let path = join(dir, decodeURIComponent(url.pathname));
    if (!path.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(path) && !extname(path)) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end('not found');
    const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (url.pathname.includes('csp')) headers['content-security-policy'] = "default-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'";
    res.writeHead(200, headers).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://localhost:${port}`,
    otherOrigin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface VendorLog {
  /** Every request the routes answered locally, in order: nothing in it left the machine. */
  requests: Array<{ url: string; method: string; body: string | null; reason: StubReason | 'blocked' | 'failed' }>;
  /** Every request the routes let through (to the site under audit, or anywhere that is not a tag), in order. */
  passed: Array<{ url: string; method: string }>;
}

export interface RouteOptions {
  /** URL substrings to fail as if an ad blocker stopped them. */
  block?: string[];
  /** URL substrings to answer with HTTP 500. */
  fail?: string[];
  /** The user's custom endpoints: their requests are tag hits too. */
  endpoints?: readonly CustomEndpoint[];
}

/** The page a tab was opened at: a vendor's own site audited on purpose is loaded, not stubbed. */
function isTopLevelNavigation(route: Route): boolean {
  const req = route.request();
  if (!req.isNavigationRequest()) return false;
  try {
    const frame = req.frame();
    return frame.parentFrame() === null;
  } catch {
    return false; // a service worker's request has no frame
  }
}

/**
 * Answer locally every request Tagwatch decodes as a tag hit, and every request to a vendor's registry host
 * (lib/tags/stub.ts decides): scripts get an empty script, other GETs a 1×1 gif, POSTs an empty 200. First-party
 * collectors are answered too, so an unresolvable sGTM host counts as sent and no test traffic reaches production
 * analytics. Everything else goes on (`fallback`: to a route the caller set, else the network).
 */
export async function routeVendors(context: BrowserContext, opts: RouteOptions = {}): Promise<VendorLog> {
  const log: VendorLog = { requests: [], passed: [] };
  const handler = async (route: Route) => {
    const req = route.request();
    const url = req.url();
    const method = req.method();
    const body = req.postDataBuffer();
    const reason = isTopLevelNavigation(route) ? undefined : stubReason({ url, method, body }, opts.endpoints);
    if (!reason) {
      log.passed.push({ url, method });
      return route.fallback();
    }
    const blocked = opts.block?.some((s) => url.includes(s));
    const failed = !blocked && opts.fail?.some((s) => url.includes(s));
    log.requests.push({ url, method, body: req.postData(), reason: blocked ? 'blocked' : failed ? 'failed' : reason });
    if (blocked) return route.abort('blockedbyclient');
    if (failed) return route.fulfill({ status: 500, body: 'error' });
    if (req.resourceType() === 'script' || /\.js(\?|$)|\/gtag\/js|\/gtm\.js|\/signals\/config\//.test(url)) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* vendor library stand-in */' });
    }
    // 200, not 204: SDKs that check for exactly 200 (posthog-js) would send the batch again.
    if (method === 'POST') return route.fulfill({ status: 200, body: '' });
    return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
  };
  await context.route(() => true, handler);
  return log;
}

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  /** Open a page and wait for it to load. */
  open: (url: string) => Promise<Page>;
  /** The extension's tab id for a page (matched by URL). */
  tabIdOf: (page: Page) => Promise<number>;
  /** The popup for a tab, opened as a page (`popup.html?tabId=N`). */
  popup: (tabId: number) => Promise<Page>;
  /** Run a function in an extension page (chrome.* APIs, the extension's IndexedDB). */
  inExtension: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>;
  /** Stop the extension's service worker, as Chrome does when it idles. */
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
}

/** The platform token Chrome's reduced user agent reports (frozen per OS since Chrome 110, whatever the CPU). */
const UA_PLATFORM: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'X11; Linux x86_64', darwin: 'Macintosh; Intel Mac OS X 10_15_7', win32: 'Windows NT 10.0; Win64; x64',
};

/**
 * The user agent the stock browser of this version sends. Headless Chromium says `HeadlessChrome/156.0.0.0`, and
 * vendors drop such visitors as bots (PostHog's default filter does): an audit must look like a visitor.
 * `versionText` is what `chromium --version` prints ("Chromium 156.0.8078.114 built on Debian…").
 */
export function stockUserAgent(versionText: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const major = /(\d+)\.\d+\.\d+\.\d+/.exec(versionText)?.[1];
  if (!major) return undefined;
  return `Mozilla/5.0 (${UA_PLATFORM[platform] ?? UA_PLATFORM.linux}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

const userAgents = new Map<string, string | undefined>();
/** The stock user agent of the browser at `path`, asked once per path; undefined when it cannot say its version. */
function userAgentOf(path: string): string | undefined {
  if (!userAgents.has(path)) {
    let version = '';
    try {
      version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      // No version: the browser's own user agent is used.
    }
    userAgents.set(path, stockUserAgent(version));
  }
  return userAgents.get(path);
}

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
];

/** Temporary profiles of browsers still open: the audit command removes them on Ctrl-C as well. */
export const liveProfiles = new Set<string>();

/** Chromium (new headless) with a fresh profile and, when given, one unpacked extension loaded. */
export async function launchChromium(extensionDir?: string, browser?: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'tagwatch-e2e-'));
  const executablePath = chromiumPath(browser);
  const userAgent = userAgentOf(executablePath);
  liveProfiles.add(userDataDir);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: false,
      // `--enable-automation` sets navigator.webdriver, which bot filters read as loudly as the user agent.
      ignoreDefaultArgs: ['--enable-automation'],
      args: [
        ...CHROMIUM_ARGS,
        // A flag, not Playwright's per-page override: workers and the extension's own requests carry it too.
        ...(userAgent ? [`--user-agent=${userAgent}`] : []),
        '--disable-blink-features=AutomationControlled',
        ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ],
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    liveProfiles.delete(userDataDir);
    throw error;
  }
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
        liveProfiles.delete(userDataDir);
      }
    },
  };
}

/** Launch Chromium (new headless) with the built extension loaded. */
export async function launchExtension(extensionDir = EXTENSION_DIR, browser?: string): Promise<Extension> {
  const { context, close } = await launchChromium(extensionDir, browser);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  // Queries run in an extension page, not in the worker: the worker may be stopped (on purpose, in a test),
  // and an extension page shares its IndexedDB and chrome.* APIs.
  let probe: Page | undefined;
  const probePage = async (): Promise<Page> => {
    if (probe && !probe.isClosed()) return probe;
    probe = await context.newPage();
    await probe.goto(`chrome-extension://${id}/popup.html?tabId=-1`);
    return probe;
  };
  const ext: Extension = {
    context,
    worker,
    id,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      return ext.inExtension(async (u) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url === u);
        if (!tab?.id) throw new Error(`no tab with url ${u}`);
        return tab.id;
      }, url);
    },
    async popup(tabId) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      return page;
    },
    async inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
      // Playwright's own typing of evaluate's argument is looser than ours; the call is the same.
      const page = await probePage();
      return page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown);
    },
    async stopWorker() {
      // Chrome's own idle stop, forced through the DevTools protocol; resolved once Chrome reports it stopped.
      const page = await probePage();
      const cdp = await context.newCDPSession(page);
      const status = new Map<string, string>();
      const stopped = new Set<string>();
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions) {
          if (!v.scriptURL.startsWith(`chrome-extension://${id}/`)) continue;
          status.set(v.versionId, v.runningStatus);
          if (v.runningStatus === 'stopped') stopped.add(v.versionId);
        }
      });
      await cdp.send('ServiceWorker.enable');
      const start = Date.now();
      while (status.size === 0 && Date.now() - start < 5_000) await new Promise((r) => setTimeout(r, 50));
      for (const versionId of status.keys()) await cdp.send('ServiceWorker.stopWorker', { versionId });
      // Stopped once is enough: the next event may already have started it again.
      while (stopped.size < status.size && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 20));
      await cdp.detach();
      if (status.size === 0 || stopped.size < status.size) throw new Error('The service worker did not stop within 30 s.');
    },
    close,
  };
  return ext;
}

/** Everything the extension's IndexedDB holds in one store, read inside the worker. */
export async function readStore<T = Record<string, unknown>>(ext: Extension, store: 'hits' | 'sessions' | 'firings' | 'signals'): Promise<T[]> {
  return ext.inExtension(
    (name) =>
      new Promise<T[]>((ok, fail) => {
        const open = indexedDB.open('tagwatch');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            ok(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
    store,
  );
}

/**
 * Read until `done` says the result is complete or the time runs out, then return the last read: the test's
 * assertions then show what was there instead of a bare timeout.
 */
export async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Everything the extension recorded for one tab, read from its IndexedDB through the tab-time indexes. */
export async function tabRecords(ext: Extension, tabId: number): Promise<TabRecords> {
  return ext.inExtension(
    (tab) =>
      new Promise<TabRecords>((ok, fail) => {
        const open = indexedDB.open('tagwatch');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['sessions', 'hits', 'firings', 'signals']);
          const range = IDBKeyRange.bound([tab, -Infinity], [tab, Infinity]);
          const out: Record<string, unknown[]> = {};
          for (const name of ['sessions', 'hits', 'firings', 'signals']) {
            const req = tx.objectStore(name).index('byTab').getAll(range);
            req.onsuccess = () => {
              out[name] = req.result as unknown[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            ok(out as unknown as TabRecords);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    tabId,
  );
}

/** The worker seeds the default plan on install: until it has, a plan set from outside may be overwritten. */
export async function waitForSeededPlans(ext: Extension): Promise<void> {
  await settle(
    () => ext.inExtension(async () => Array.isArray((await chrome.storage.local.get('plans')).plans), null),
    (seeded) => seeded,
  );
}

/** Put `plans` in force, after the install seed, so the seed cannot land after and overwrite them. */
export async function usePlans(ext: Extension, plans: readonly Plan[]): Promise<void> {
  await waitForSeededPlans(ext);
  await ext.inExtension((p) => chrome.storage.local.set({ plans: p }), plans);
}
