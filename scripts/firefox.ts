import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { NoBrowserError, stubAnswer, type RouteOptions, type TestExtension, type VendorLog } from './browser';
import { PuppeteerPage } from './puppeteer-page';

// The extension in Firefox for the end-to-end tests: Debian's firefox-esr driven by puppeteer over WebDriver
// BiDi, the extension installed as a temporary add-on. Behind the same TestExtension as Chromium's.

/** The e2e build: the store build plus web-accessible popup, options and side panel pages (see wxt.config.ts). */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2-e2e');
/** The add-on id the manifest declares (browser_specific_settings.gecko.id). */
const ADDON_ID = 'tagwatch@tagwatch.dev';
/** Pinned through `extensions.webextensions.uuids`, so the extension's origin is known before it installs. */
const UUID = '7a6e2c1d-5b3f-4e8a-9c0d-1f2e3a4b5c6d';
export const FIREFOX_ORIGIN = `moz-extension://${UUID}`;

/** The Firefox to drive: $FIREFOX_PATH, else Debian's firefox-esr, else a system firefox. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new NoBrowserError('No Firefox found. Install one (apt-get install firefox-esr) or set FIREFOX_PATH.');
  return found;
}

/** A blank web page on localhost: extension pages are opened from it (BiDi will not navigate to moz-extension://). */
async function serveBlank(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Tagwatch test launcher</title>'),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** CORS headers for a stubbed answer: Chromium's interception adds them itself, Firefox's does not. */
function corsHeaders(req: HTTPRequest): Record<string, string> {
  const origin = req.headers().origin;
  return origin
    ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' }
    : { 'access-control-allow-origin': '*' };
}

async function answer(req: HTTPRequest, page: Page, opts: RouteOptions, log: VendorLog): Promise<void> {
  const body = req.hasPostData() ? await req.fetchPostData().catch(() => undefined) : undefined;
  const topLevelNavigation = req.isNavigationRequest() && req.frame() === page.mainFrame();
  const result = stubAnswer(
    {
      url: req.url(),
      method: req.method(),
      body: body === undefined ? null : Buffer.from(body, 'utf8'),
      topLevelNavigation,
    },
    opts,
    log,
  );
  switch (result.kind) {
    case 'pass':
      return req.continue();
    case 'abort':
      return req.abort('blockedbyclient');
    case 'fulfill':
      return req.respond({
        status: result.status,
        headers: corsHeaders(req),
        body: result.body,
        ...(result.contentType ? { contentType: result.contentType } : {}),
      });
  }
}

/** Launch headless Firefox ESR with the e2e build installed as a temporary add-on. */
export async function launchFirefoxExtension(extensionDir = FIREFOX_EXTENSION_DIR): Promise<TestExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox test build at ${extensionDir}. Run \`npx wxt build -b firefox --mode e2e\` first.`);
  }
  const blank = await serveBlank();
  // The downloads folder: a link with `download` saves there without asking, and the tests read the file.
  const downloads = mkdtempSync(join(tmpdir(), 'tagwatch-firefox-downloads-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
  } catch (error) {
    await blank.close();
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
  await browser.installExtension(extensionDir);

  let routes: { opts: RouteOptions; log: VendorLog } | undefined;
  const routed = new WeakSet<Page>();
  /** Vendor routes on one page; Firefox's interception is per page, so each page the tests see gets it. */
  const route = async (page: Page): Promise<void> => {
    if (!routes || routed.has(page)) return;
    routed.add(page);
    const { opts, log } = routes;
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      void answer(req, page, opts, log).catch(() => undefined);
    });
  };
  // Pages the pages open (target=_blank, window.open) are routed too, as soon as they appear.
  browser.on('targetcreated', (target) => {
    void target
      .page()
      .then((page) => page && route(page))
      .catch(() => undefined);
  });

  const newPage = async (): Promise<PuppeteerPage> => {
    const page = await browser.newPage();
    await route(page);
    return new PuppeteerPage(page);
  };
  /** An extension page in a tab: opened from the blank web page, then waited for until it has loaded. */
  const openExtensionPage = async (path: string, page?: PuppeteerPage): Promise<PuppeteerPage> => {
    const tab = page ?? (await newPage());
    const url = `${FIREFOX_ORIGIN}/${path}`;
    await tab.goto(blank.url);
    await tab.page.evaluate((u) => {
      location.href = u;
    }, url);
    tab.knownUrl = url;
    const start = Date.now();
    for (;;) {
      const here = await tab.page
        .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
        .catch(() => '');
      if (here === url) return tab;
      if (Date.now() - start > 15_000) throw new Error(`Firefox did not open ${url} (at ${here || tab.page.url()}).`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  let probe: PuppeteerPage | undefined;

  const ext: TestExtension = {
    browser: 'firefox',
    origin: FIREFOX_ORIGIN,
    newPage,
    async open(url) {
      const page = await newPage();
      await page.goto(url);
      return page;
    },
    async tabIdOf(page) {
      return ext.inExtension(async (u) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url === u);
        if (!tab?.id) throw new Error(`no tab with url ${u}`);
        return tab.id;
      }, page.url());
    },
    popup: (tabId) => openExtensionPage(`popup.html?tabId=${tabId}`),
    optionsPage: () => openExtensionPage('options.html'),
    sidePanel: () => openExtensionPage('sidepanel.html'),
    openSidePanels: () =>
      ext.inExtension(async () => {
        const sidebar = (browser as unknown as { sidebarAction: { isOpen: (d: object) => Promise<boolean> } })
          .sidebarAction;
        return (await sidebar.isOpen({})) ? 1 : 0;
      }, null),
    async closeSidePanels() {
      // sidebarAction.close() answers user input only: a button in an extension page, clicked by BiDi input.
      probe ??= await openExtensionPage('popup.html?tabId=-1');
      await probe.bringToFront();
      await probe.page.evaluate(() => {
        const button = document.createElement('button');
        button.id = 'tagwatch-test-close-sidebar';
        button.textContent = 'Close the sidebar';
        button.style.cssText = 'position:fixed;inset:0 auto auto 0;z-index:2147483647;width:240px;height:48px';
        const api = (browser as unknown as { sidebarAction: { close: () => Promise<void> } }).sidebarAction;
        button.addEventListener('click', () => {
          void api.close().finally(() => button.remove());
        });
        document.body.append(button);
      });
      await probe.click('#tagwatch-test-close-sidebar');
      await probe.locator('#tagwatch-test-close-sidebar').waitFor({ state: 'detached' });
      if ((await ext.openSidePanels()) !== 0) throw new Error('The Firefox sidebar did not close.');
    },
    async download(_page, click) {
      const before = new Set(readdirSync(downloads));
      await click();
      // Firefox writes `name.part` beside an empty `name`, then moves the one onto the other.
      const start = Date.now();
      for (;;) {
        const names = readdirSync(downloads);
        const name = names.find(
          (n) =>
            !before.has(n) &&
            !n.endsWith('.part') &&
            !names.includes(`${n}.part`) &&
            statSync(join(downloads, n)).size > 0,
        );
        if (name) {
          const path = join(downloads, name);
          const text = readFileSync(path, 'utf8');
          // Gone once read: the next file of the same name keeps its name instead of becoming `name(1)`.
          rmSync(path);
          return { name, text };
        }
        if (Date.now() - start > 15_000)
          throw new Error(
            `Firefox saved no file in ${downloads} within 15 s of the click (there: ${names.join(', ') || 'nothing'}).`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
      probe ??= await openExtensionPage('popup.html?tabId=-1');
      // The tests' functions speak `chrome.*` with promises, as Chromium's MV3 does: in Firefox that is the
      // `browser` namespace, and MV2's toolbar API is `browserAction`. Sent as source, run in the extension page.
      const source = `(async () => {
        const chrome = new Proxy(browser, { get: (api, key) => (key === 'action' ? api.action ?? api.browserAction : api[key]) });
        return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'});
      })()`;
      return (await probe.page.evaluate(source)) as T;
    },
    async routeVendors(opts = {}) {
      const log: VendorLog = { requests: [], passed: [] };
      routes = { opts, log };
      for (const page of await browser.pages()) await route(page);
      return log;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await blank.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
  return ext;
}
