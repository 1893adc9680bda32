import type { Page } from 'playwright-core';
import { consentSelectors, type ConsentChoice } from '../../lib/audit/cmp-buttons';
import { resolveGoto, type Journey } from '../../lib/audit/journey';
import { isHtmlContentType } from '../../lib/crawl/url';
import type { Extension } from '../browser';

/** What happened to one audited target: its tab (to read what Tagwatch recorded) or why it could not run. */
export type PageRun =
  /** The page stays open for the caller to read (its tab's records, its links); the caller closes it. */
  | {
      ok: true;
      target: string;
      tabId: number;
      url: string;
      title: string;
      missingGoals: string[];
      page: Page;
      /** Tabs the journey went on in (opened by a click), to close with the page. */
      opened: Page[];
    }
  /** transient: worth another try (a timeout, a dropped connection, HTTP 5xx or 429) · notPage: not HTML. */
  | { ok: false; target: string; error: string; transient: boolean; notPage: boolean };

export interface RunOptions {
  settleMs: number;
  timeoutMs: number;
  /** Resolves a relative `goto`. */
  base?: string;
  /** Has goal `id` fired in this tab? (read from the extension's IndexedDB) */
  goalFired: (tabId: number, goalId: string) => Promise<boolean>;
  /** A crawl loads pages only: a `goto` answered with something other than HTML stops the run as notPage. */
  htmlOnly?: boolean;
}

/** A crawl's link that led to a file, not a page. */
class NotAPage extends Error {}

let tabLock: Promise<unknown> = Promise.resolve();

/**
 * A new page and its extension tab id. Pages are opened one at a time under a lock so that the tab that
 * appeared is the page's, whatever the other workers are doing.
 */
export function openTab(ext: Extension): Promise<{ page: Page; tabId: number }> {
  const run = tabLock.then(async () => {
    const ids = async () => ext.inExtension(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1), null);
    const before = new Set(await ids());
    const page = await ext.context.newPage();
    for (let i = 0; i < 50; i++) {
      const fresh = (await ids()).filter((id) => !before.has(id));
      if (fresh.length === 1) return { page, tabId: fresh[0]! };
      await new Promise((r) => setTimeout(r, 20));
    }
    await page.close();
    throw new Error('Could not find the browser tab of a new page.');
  });
  tabLock = run.catch(() => undefined);
  return run;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s (the page hangs).`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** How long a consent step waits for the banner: CMPs draw it after their script and configuration load. */
const BANNER_WAIT_MS = 10_000;

/**
 * Click the banner's own Accept all / Reject all button: the journey's selector, or the first built-in CMP's
 * button that is visible in the page or one of its frames (some CMPs draw the banner in an iframe). CSS locators
 * pierce open shadow roots (Usercentrics).
 */
async function answerConsent(page: Page, choice: ConsentChoice, selector: string | undefined): Promise<void> {
  const candidates = consentSelectors(choice, selector);
  const deadline = Date.now() + BANNER_WAIT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      for (const { selector: css } of candidates) {
        const button = frame.locator(css).first();
        if (await button.isVisible().catch(() => false)) {
          await button.click({ timeout: 5_000 });
          // The CMP stores the answer and tells the page (Consent Mode update, TCF event): give its scripts a moment.
          await page.waitForTimeout(300);
          return;
        }
      }
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  const label = choice === 'accept' ? 'Accept all' : 'Reject all';
  throw new Error(
    selector
      ? `the consent step found no visible "${selector}" within ${BANNER_WAIT_MS / 1000} s: check the selector of the banner's ${label} button.`
      : `the consent step found no ${label} button of a known consent banner (${[...new Set(candidates.map((c) => c.cmp))].join(', ')}) within ` +
          `${BANNER_WAIT_MS / 1000} s: add "selector" with the CSS selector of the banner's ${label} button.`,
  );
}

async function runStep(
  page: Page,
  step: Journey[number],
  opts: RunOptions,
  tabId: number,
  missing: string[],
): Promise<Page> {
  if ('goto' in step) {
    const response = await page.goto(resolveGoto(step, opts.base), { waitUntil: 'load', timeout: opts.timeoutMs });
    if (response && response.status() >= 400) throw new Error(`${response.url()} answered HTTP ${response.status()}.`);
    if (opts.htmlOnly && response && !isHtmlContentType(response.headers()['content-type'])) {
      throw new NotAPage(
        `${response.url()} is not a web page (${response.headers()['content-type'] ?? 'no content type'}).`,
      );
    }
  } else if ('fill' in step) await page.fill(step.fill, step.value, { timeout: 10_000 });
  else if ('click' in step) {
    // A link that opens a new tab: the visitor goes on in that tab, and so does the journey.
    const newTab = await page
      .locator(step.click)
      .first()
      .evaluate(
        (el) => el.closest('a[target]:not([target="_self"]):not([target="_parent"]):not([target="_top"])') !== null,
        undefined,
        {
          timeout: 10_000,
        },
      )
      .catch(() => false);
    const popup = newTab ? page.waitForEvent('popup', { timeout: 10_000 }) : undefined;
    await page.click(step.click, { timeout: 10_000 });
    if (popup) {
      const opened = await popup;
      await opened.waitForLoadState('load', { timeout: opts.timeoutMs }).catch(() => undefined);
      return opened;
    }
  } else if ('submit' in step) {
    // requestSubmit: the form's own submit event and validation, as when a visitor presses its button.
    await page
      .locator(step.submit)
      .first()
      .evaluate((form) => (form as HTMLFormElement).requestSubmit(), undefined, { timeout: 10_000 });
    await page.waitForLoadState('load').catch(() => undefined);
  } else if ('play' in step) {
    await page
      .locator(step.play)
      .first()
      .evaluate((v) => (v as HTMLMediaElement).play().catch(() => undefined), undefined, { timeout: 10_000 });
  } else if ('scroll' in step) {
    await page.evaluate((percent) => {
      const el = document.scrollingElement ?? document.documentElement;
      window.scrollTo(0, ((el.scrollHeight - window.innerHeight) * percent) / 100);
    }, step.scroll);
  } else if ('wait' in step) await page.waitForTimeout(step.wait);
  else if ('consent' in step) await answerConsent(page, step.consent, step.selector);
  else if ('expectGoal' in step) {
    const deadline = Date.now() + 5_000;
    while (!(await opts.goalFired(tabId, step.expectGoal))) {
      if (Date.now() > deadline) {
        missing.push(step.expectGoal);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // expectFunnel is judged on the audit once the journey is over (scripts/audit/main.ts).
  return page;
}

/** Failures another try may cure: the page or the network was slow or briefly down, not wrong. */
export function isTransient(error: string): boolean {
  return /within \d+ s \(the page hangs\)|did not finish loading|ERR_(CONNECTION_(RESET|REFUSED|CLOSED|ABORTED|TIMED_OUT)|TIMED_OUT|NETWORK_CHANGED|EMPTY_RESPONSE|HTTP2_PROTOCOL_ERROR)|answered HTTP (5\d\d|429)/.test(
    error,
  );
}

/** Playwright's words for a page that failed, in the user's. */
function plainError(error: unknown, timeoutMs: number): string {
  const first = ((error as Error).message ?? String(error)).split('\n')[0] ?? '';
  if (/Timeout \d+ms exceeded/.test(first)) {
    return `it did not finish loading within ${Math.round(timeoutMs / 1000)} s (the page hangs). Try a larger --timeout if it is just slow.`;
  }
  const net = /net::(ERR_[A-Z_]+)/.exec(first)?.[1];
  if (net)
    return `the browser could not load it (${net}). Check the URL and that the site is reachable from this machine.`;
  return first.replace(/^page\.\w+: /, '');
}

/** Run a journey (or just load the URL) in a new page; a page that fails or hangs is reported, not thrown. */
export async function runPage(ext: Extension, target: string, journey: Journey, opts: RunOptions): Promise<PageRun> {
  let page: Page | undefined;
  try {
    const tab = await openTab(ext);
    page = tab.page;
    const missing: string[] = [];
    // The page the journey is on: a click can move it to a tab the page opened. The first tab stays the one the
    // records are read from (the visit follows the tabs it opened).
    let current = page;
    const opened: Page[] = [];
    await withTimeout(
      (async () => {
        for (const step of journey) {
          const next = await runStep(current, step, opts, tab.tabId, missing);
          if (next !== current) opened.push(next);
          current = next;
        }
      })(),
      opts.timeoutMs + journey.length * 1_000,
      target,
    );
    await current.waitForTimeout(opts.settleMs);
    return {
      ok: true,
      target,
      tabId: tab.tabId,
      url: tab.page.url(),
      title: await tab.page.title().catch(() => ''),
      missingGoals: missing,
      page,
      opened,
    };
  } catch (error) {
    await page?.close().catch(() => undefined);
    // Chromium downloads what it cannot show: a link to a file is not a page either.
    const notPage = error instanceof NotAPage || /Download is starting/.test(String((error as Error).message));
    const message = notPage
      ? `${target} is not a web page (the browser would download it).`
      : plainError(error, opts.timeoutMs);
    return {
      ok: false,
      target,
      error: error instanceof NotAPage ? error.message : message,
      transient: !notPage && isTransient(message),
      notPage,
    };
  }
}
