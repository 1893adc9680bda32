import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import type { TabRecords } from '../lib/audit/audit-tab';
import type { Plan } from '../lib/goals/types';
import type { PageSession } from '../lib/store/types';
import { groupVisits, visitOfTab, type Opener } from '../lib/visits/visits';
import type { CustomEndpoint } from '../lib/tags';
import { stubReason, type StubReason } from '../lib/tags/stub';
import type { TestPage } from './test-page';
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
    if (!existsSync(explicit))
      throw new NoBrowserError(
        `No browser at ${explicit}. Pass --browser with the path of a Chromium or Chrome executable.`,
      );
    return explicit;
  }
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new NoBrowserError(
      'No Chromium found. Install one (apt-get install chromium) or pass --browser /path/to/chrome.',
    );
  return found;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
  '.css': 'text/css',
  '.json': 'application/json',
};

export interface Site {
  origin: string;
  /** A second origin on the same server (127.0.0.1 vs localhost) for cross-origin frames and outbound links. */
  otherOrigin: string;
  close: () => Promise<void>;
}

/**
 * Serve e2e/site on a free port. `/slow` never answers (a hanging page); `/late?ms=N` answers a GIF after N ms (at
 * most 10 s: a page still loading); a POST is answered with 204 (`/form-target`: 303 to /thanks.html), `?delay=N` ms
 * later.
 */
export async function serveSite(dir = SITE_DIR): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/slow') return; // never answered
    if (url.pathname === '/late') {
      const ms = Math.min(10_000, Number(url.searchParams.get('ms')) || 0);
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif' }).end(GIF), ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    // A first-party tag endpoint (server-side tagging): answered here, without the test's routing.
    if (url.pathname === '/g/collect') return void res.writeHead(204).end();
    if (req.method === 'POST') {
      req.resume();
      // `?delay=N`: answered N ms later (at most 5 s), as a real form handler takes its time.
      const delay = Math.min(5_000, Number(url.searchParams.get('delay')) || 0);
      req.on('end', () =>
        setTimeout(
          () => res.writeHead(url.pathname.startsWith('/form-target') ? 303 : 204, { Location: '/thanks.html' }).end(),
          delay,
        ),
      );
      return;
    }
    let path = join(dir, decodeURIComponent(url.pathname));
    if (!path.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(path) && !extname(path)) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end('not found');
    const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (url.pathname.includes('csp'))
      headers['content-security-policy'] = "default-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'";
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

/** What the vendor routes do with one request (shared by Chromium's context.route and Firefox's interception). */
export type StubAnswer =
  | { kind: 'pass' }
  | { kind: 'abort' }
  | { kind: 'fulfill'; status: number; contentType?: string; body: string | Buffer };

export interface StubRequest {
  url: string;
  method: string;
  body: Buffer | null;
  /** The page the tab was opened at: a vendor's own site audited on purpose is loaded, not stubbed. */
  topLevelNavigation: boolean;
  /** A script, where the browser says so (Firefox over BiDi does not: the URL decides). */
  script?: boolean;
}

/**
 * Answer locally every request Tagwatch decodes as a tag hit, and every request to a vendor's registry host
 * (lib/tags/stub.ts decides): scripts get an empty script, other GETs a 1×1 gif, POSTs an empty 200. First-party
 * collectors are answered too, so an unresolvable sGTM host counts as sent and no test traffic reaches production
 * analytics. Everything else goes on. Each answered request goes in `log.requests`, each passed one in `log.passed`.
 */
export function stubAnswer(req: StubRequest, opts: RouteOptions, log: VendorLog): StubAnswer {
  const { url, method, body } = req;
  const reason = req.topLevelNavigation ? undefined : stubReason({ url, method, body }, opts.endpoints);
  if (!reason) {
    log.passed.push({ url, method });
    return { kind: 'pass' };
  }
  const blocked = opts.block?.some((s) => url.includes(s));
  const failed = !blocked && opts.fail?.some((s) => url.includes(s));
  log.requests.push({
    url,
    method,
    body: body ? body.toString('utf8') : null,
    reason: blocked ? 'blocked' : failed ? 'failed' : reason,
  });
  if (blocked) return { kind: 'abort' };
  if (failed) return { kind: 'fulfill', status: 500, body: 'error' };
  if (req.script || /\.js(\?|$)|\/gtag\/js|\/gtm\.js|\/signals\/config\//.test(url)) {
    return { kind: 'fulfill', status: 200, contentType: 'text/javascript', body: '/* vendor library stand-in */' };
  }
  // 200, not 204: SDKs that check for exactly 200 (posthog-js) would send the batch again.
  if (method === 'POST') return { kind: 'fulfill', status: 200, body: '' };
  return { kind: 'fulfill', status: 200, contentType: 'image/gif', body: GIF };
}

/** stubAnswer for every request of a Chromium context (`fallback`: to a route the caller set, else the network). */
export async function routeVendors(
  target: BrowserContext | TestExtension,
  opts: RouteOptions = {},
): Promise<VendorLog> {
  if (!('route' in target)) return target.routeVendors(opts);
  const context = target;
  const log: VendorLog = { requests: [], passed: [] };
  const handler = async (route: Route) => {
    const req = route.request();
    const answer = stubAnswer(
      {
        url: req.url(),
        method: req.method(),
        body: req.postDataBuffer(),
        topLevelNavigation: isTopLevelNavigation(route),
        script: req.resourceType() === 'script',
      },
      opts,
      log,
    );
    switch (answer.kind) {
      case 'pass':
        return route.fallback();
      case 'abort':
        return route.abort('blockedbyclient');
      case 'fulfill':
        return route.fulfill({
          status: answer.status,
          body: answer.body,
          ...(answer.contentType ? { contentType: answer.contentType } : {}),
        });
    }
  };
  await context.route(() => true, handler);
  return log;
}

/**
 * The extension under test, in either browser (Chromium: `launchExtension` here; Firefox: scripts/firefox.ts),
 * with the page API of scripts/test-page.ts.
 */
export interface TestExtension {
  browser: 'chromium' | 'firefox';
  /** The extension's origin: `chrome-extension://ID` or `moz-extension://UUID`. */
  origin: string;
  /** Open a page and wait for it to load. */
  open: (url: string) => Promise<TestPage>;
  /** A blank tab, routed as every other. */
  newPage: () => Promise<TestPage>;
  /** The extension's tab id for a page (matched by URL). */
  tabIdOf: (page: { url: () => string }) => Promise<number>;
  /** The popup for a tab, opened as a page (`popup.html?tabId=N`). */
  popup: (tabId: number) => Promise<TestPage>;
  /** The options page, opened in a tab. */
  optionsPage: () => Promise<TestPage>;
  /** The side panel's page (Chrome's side panel, Firefox's sidebar), opened in a tab of its own. */
  sidePanel: () => Promise<TestPage>;
  /**
   * How many of the browser's own side panels (not tabs) show the extension's panel: Chromium lists each as a
   * target; Firefox says whether the sidebar of the current window is the extension's and open.
   */
  openSidePanels: () => Promise<number>;
  /**
   * Close the browser's side panel as a user does, where the browser opened it by itself: Firefox opens an
   * add-on's sidebar when it installs it. Undefined in Chromium, which opens none unasked.
   */
  closeSidePanels?: () => Promise<void>;
  /**
   * The file a click saves: its name and its text, read from the file the browser wrote to the downloads
   * folder (Chromium: Playwright's download; Firefox: a downloads folder of the test's own, set by prefs).
   */
  download: (page: TestPage, click: () => Promise<void>) => Promise<DownloadedFile>;
  /**
   * Run a function in an extension page (the extension's IndexedDB, and its APIs as `chrome.*`: in Firefox
   * `chrome` is the promise-based `browser` there, with MV2's `browserAction` as `action`).
   */
  inExtension: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>;
  /** Answer vendor requests locally (see stubAnswer). */
  routeVendors: (opts?: RouteOptions) => Promise<VendorLog>;
  /** Stop the extension's service worker, as Chrome does when it idles. Undefined where there is none (Firefox MV2). */
  stopWorker?: () => Promise<void>;
  close: () => Promise<void>;
}

export interface DownloadedFile {
  /** The file name the page suggested. */
  name: string;
  text: string;
}

/** The extension in Chromium, driven by Playwright: its context and service worker too. */
export interface Extension extends TestExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  open: (url: string) => Promise<Page>;
  newPage: () => Promise<Page>;
  popup: (tabId: number) => Promise<Page>;
  optionsPage: () => Promise<Page>;
  sidePanel: () => Promise<Page>;
  stopWorker: () => Promise<void>;
}

/** The platform token Chrome's reduced user agent reports (frozen per OS since Chrome 110, whatever the CPU). */
const UA_PLATFORM: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'X11; Linux x86_64',
  darwin: 'Macintosh; Intel Mac OS X 10_15_7',
  win32: 'Windows NT 10.0; Win64; x64',
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
      version = execFileSync(path, ['--version'], {
        encoding: 'utf8',
        timeout: 10_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // No version: the browser's own user agent is used.
    }
    userAgents.set(path, stockUserAgent(version));
  }
  return userAgents.get(path);
}

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** Temporary profiles of browsers still open: the audit command removes them on Ctrl-C as well. */
export const liveProfiles = new Set<string>();

let launchesStopped = false;
let playwrightHandlesSignals = true;
/**
 * The audit command handles Ctrl-C itself (scripts/audit/cleanup.ts): Playwright's own handlers would exit the
 * process at once, before the browser has closed and its profile is removed.
 */
export function handleSignalsOurselves(): void {
  playwrightHandlesSignals = false;
}
/** After Ctrl-C: a crawl worker cut short must not start one more browser while the others are being removed. */
export function stopLaunches(): void {
  launchesStopped = true;
}

/** Chromium (new headless) with a fresh profile and, when given, one unpacked extension loaded. */
export async function launchChromium(
  extensionDir?: string,
  browser?: string,
  /** More command-line switches (the page-load bench resolves vendor hosts to a local server). */
  extraArgs: readonly string[] = [],
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
  }
  if (launchesStopped) throw new Error('Interrupted: no new browser is started while closing.');
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
      handleSIGINT: playwrightHandlesSignals,
      handleSIGTERM: playwrightHandlesSignals,
      handleSIGHUP: playwrightHandlesSignals,
      args: [
        ...CHROMIUM_ARGS,
        // A flag, not Playwright's per-page override: workers and the extension's own requests carry it too.
        ...(userAgent ? [`--user-agent=${userAgent}`] : []),
        '--disable-blink-features=AutomationControlled',
        ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
        ...extraArgs,
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

/**
 * Until the worker's listeners are in place. The browser reports a worker as soon as it starts; its webRequest
 * listeners exist once its first turn has run and the browser has them. A page opened before that is not seen:
 * on a cold first launch (the first e2e file of a clean run) a page's beacons went unrecorded, known only from
 * its resource timing. An evaluation runs after that first turn; the extension API round trips after it let the
 * browser take the registrations the turn sent.
 */
async function workerReady(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    for (let i = 0; i < 50 && !api.webRequest.onBeforeRequest.hasListeners(); i++)
      await new Promise((ok) => setTimeout(ok, 20));
    await api.storage.local.get(null);
    await api.storage.local.get(null);
  });
}

/** Launch Chromium (new headless) with the built extension loaded. */
export async function launchExtension(extensionDir = EXTENSION_DIR, browser?: string): Promise<Extension> {
  const { context, close } = await launchChromium(extensionDir, browser);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await workerReady(worker);
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
    browser: 'chromium',
    origin: `chrome-extension://${id}`,
    context,
    worker,
    id,
    newPage: () => context.newPage(),
    routeVendors: (opts) => routeVendors(context, opts),
    async optionsPage() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/options.html`);
      return page;
    },
    async sidePanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/sidepanel.html`);
      return page;
    },
    async openSidePanels() {
      const cdp = await context.newCDPSession(await probePage());
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        return targetInfos.filter((t) => t.url === `chrome-extension://${id}/sidepanel.html`).length;
      } finally {
        await cdp.detach();
      }
    },
    async download(page, click) {
      // Chromium's pages here are Playwright's own (launchExtension opens them), which TestPage only narrows.
      const [file] = await Promise.all([(page as Page).waitForEvent('download'), click()]);
      const path = await file.path();
      return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
    },
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
      if (status.size === 0 || stopped.size < status.size)
        throw new Error('The service worker did not stop within 30 s.');
    },
    close,
  };
  return ext;
}

/** Everything the extension's IndexedDB holds in one store, read inside the worker. */
export async function readStore<T = Record<string, unknown>>(
  ext: Pick<TestExtension, 'inExtension'>,
  store: 'hits' | 'sessions' | 'firings' | 'signals' | 'cookies' | 'openers',
): Promise<T[]> {
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
export async function tabRecords(ext: Pick<TestExtension, 'inExtension'>, tabId: number): Promise<TabRecords> {
  return ext.inExtension(
    (tab) =>
      new Promise<TabRecords>((ok, fail) => {
        const open = indexedDB.open('tagwatch');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['sessions', 'hits', 'firings', 'signals', 'cookies'].filter((n) =>
            db.objectStoreNames.contains(n),
          );
          const tx = db.transaction(names);
          const range = IDBKeyRange.bound([tab, -Infinity], [tab, Infinity]);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
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

/**
 * Everything the extension recorded for the visit tab `tabId` is in (lib/visits): its pages in this tab and in the
 * tabs it opened. The tab's own records when Tagwatch has no page of it yet.
 */
export async function visitRecords(ext: Pick<TestExtension, 'inExtension'>, tabId: number): Promise<TabRecords> {
  const [sessions, openers] = await Promise.all([
    readStore<PageSession>(ext, 'sessions'),
    readStore<Opener>(ext, 'openers').catch(() => [] as Opener[]),
  ]);
  const visit = visitOfTab(groupVisits(sessions, openers), tabId);
  if (!visit) return tabRecords(ext, tabId);
  const ids = new Set(visit.sessions.map((s) => s.id));
  const per = await Promise.all(visit.tabIds.map((t) => tabRecords(ext, t)));
  const mine = <T extends { sessionId: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).filter((r) => ids.has(r.sessionId));
  return {
    sessions: [...visit.sessions],
    hits: per.flatMap((r) => mine(r.hits)),
    firings: per.flatMap((r) => mine(r.firings)),
    signals: per.flatMap((r) => mine(r.signals)),
    cookies: per.flatMap((r) => mine(r.cookies)),
  };
}

/** The worker seeds the default plan on install: until it has, a plan set from outside may be overwritten. */
export async function waitForSeededPlans(ext: Pick<TestExtension, 'inExtension'>): Promise<void> {
  await settle(
    () => ext.inExtension(async () => Array.isArray((await chrome.storage.local.get('plans')).plans), null),
    (seeded) => seeded,
  );
}

/** Put `plans` in force, after the install seed, so the seed cannot land after and overwrite them. */
export async function usePlans(ext: Pick<TestExtension, 'inExtension'>, plans: readonly Plan[]): Promise<void> {
  await waitForSeededPlans(ext);
  await ext.inExtension((p) => chrome.storage.local.set({ plans: p }), plans);
}
