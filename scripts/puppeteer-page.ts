import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, KeyInput, Page } from 'puppeteer-core';
import type { TestFrame, TestLocator, TestPage } from './test-page';

// The end-to-end tests' page API (scripts/test-page.ts) over a puppeteer page, for Firefox over WebDriver BiDi.
// Locators behave as the tests rely on Playwright's doing: resolved afresh at each call, actions wait for a
// match, clicks and keys are real input events (BiDi input actions), not element.click().

/** One step of a locator chain, resolved inside the page (see `resolveSteps`). */
type Step =
  | { css: string; hasText?: { source: string; flags: string } | string }
  | { role: string; name?: { source: string; flags: string } | string }
  | { nth: number }
  | { filter: { source: string; flags: string } | string };

const WAIT_MS = 30_000;
const POLL_MS = 50;

/**
 * Runs in the page: the elements a chain of steps selects. Self-contained (no closure), as it is serialised.
 * Text and names match as Playwright's do: a string is a case-insensitive substring, a RegExp is tested.
 */
function resolveSteps(steps: Step[]): Element[] {
  const matches = (text: string, want: { source: string; flags: string } | string): boolean =>
    typeof want === 'string'
      ? text.replace(/\s+/g, ' ').toLowerCase().includes(want.toLowerCase())
      : new RegExp(want.source, want.flags).test(text.replace(/\s+/g, ' ').trim());
  const IMPLICIT: Record<string, string> = {
    button: 'button, input[type=button], input[type=submit], input[type=reset], summary',
    link: 'a[href], area[href]',
    checkbox: 'input[type=checkbox]',
    textbox:
      'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=search], input[type=url], textarea',
    heading: 'h1, h2, h3, h4, h5, h6',
    tab: '[role=tab]',
  };
  // CSS that pierces open shadow roots, as Playwright's does: `host inner` also finds `inner` in host's shadow tree.
  const deep = (root: Element | Document | ShadowRoot, selector: string): Element[] => {
    const out = [...root.querySelectorAll(selector)];
    const [head, ...rest] = selector.trim().split(/\s+(?![^[(]*[\])])/);
    for (const el of root.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      out.push(...deep(el.shadowRoot, selector));
      if (rest.length && head && el.matches(head)) out.push(...deep(el.shadowRoot, rest.join(' ')));
    }
    return out;
  };
  const nameOf = (el: Element): string =>
    el.getAttribute('aria-label') ?? (el.textContent || el.getAttribute('title') || '');
  let current: Array<Element | Document> = [document];
  for (const step of steps) {
    if ('nth' in step) {
      const i = step.nth < 0 ? current.length + step.nth : step.nth;
      current = current[i] ? [current[i]] : [];
      continue;
    }
    if ('filter' in step) {
      const want = step.filter;
      current = current.filter((el) => matches(el.textContent ?? '', want));
      continue;
    }
    const next = new Set<Element>();
    for (const root of current) {
      if ('css' in step) {
        for (const el of deep(root, step.css))
          if (!step.hasText || matches(el.textContent ?? '', step.hasText)) next.add(el);
      } else {
        const candidates = root.querySelectorAll(
          `[role=${step.role}], ${IMPLICIT[step.role] ?? `[role=${step.role}]`}`,
        );
        for (const el of candidates) {
          const explicit = el.getAttribute('role');
          if (explicit && explicit !== step.role) continue;
          if (!step.name || matches(nameOf(el), step.name)) next.add(el);
        }
      }
    }
    current = [...next];
  }
  return current.filter((n): n is Element => n instanceof Element);
}

/** Runs in the page: whether an element is visible as Playwright means it (a box, not visibility:hidden). */
function isVisible(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/**
 * Runs in the page: '' when the element stays put for two frames and is what a click at its centre hits, else
 * why not. Scrolled to the middle of its scroller when something else is there (a sticky header over it), as
 * Playwright tries other scroll positions.
 */
async function readyForClick(el: Element): Promise<string> {
  const before = el.getBoundingClientRect();
  if (before.bottom < 0 || before.right < 0 || before.top > innerHeight || before.left > innerWidth)
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  // Two frames; a tab in the background draws none, so a tenth of a second stands in for them there.
  await new Promise((r) => {
    requestAnimationFrame(() => requestAnimationFrame(r));
    setTimeout(r, 100);
  });
  const after = el.getBoundingClientRect();
  if (box.x !== after.x || box.y !== after.y || box.width !== after.width || box.height !== after.height)
    return 'it moved';
  // Inside a shadow root the hit test answers with the host: the element's own place is all there is to check.
  if (el.getRootNode() !== document) return '';
  const hit = document.elementFromPoint(after.x + after.width / 2, after.y + after.height / 2);
  if (hit && (hit === el || el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el))) return '';
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  return `${hit ? `<${hit.tagName.toLowerCase()} class="${hit.className}">` : 'nothing'} is under its centre`;
}

const textPattern = (t: string | RegExp): { source: string; flags: string } | string =>
  typeof t === 'string' ? t : { source: t.source, flags: t.flags };

let uploads: string | undefined;
/** The files the tests choose in file inputs: one folder for the test process, removed when it exits. */
function uploadsDir(): string {
  if (!uploads) {
    const dir = mkdtempSync(join(tmpdir(), 'tagwatch-upload-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    uploads = dir;
  }
  return uploads;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Playwright's key names where puppeteer's differ ("Control+V" is a chord in both). */
async function pressKeys(
  press: (key: KeyInput) => Promise<void>,
  down: (key: KeyInput) => Promise<void>,
  up: (key: KeyInput) => Promise<void>,
  key: string,
): Promise<void> {
  const parts = key.split('+') as KeyInput[];
  const last = parts.pop()!;
  for (const mod of parts) await down(mod);
  await press(last);
  for (const mod of parts.reverse()) await up(mod);
}

class PuppeteerLocator implements TestLocator {
  constructor(
    private readonly frame: () => Promise<Frame>,
    private readonly page: Page,
    private readonly steps: Step[],
  ) {}

  private with(step: Step): PuppeteerLocator {
    return new PuppeteerLocator(this.frame, this.page, [...this.steps, step]);
  }

  locator(selector: string, options?: { hasText?: string | RegExp }): TestLocator {
    return this.with({
      css: selector,
      ...(options?.hasText !== undefined ? { hasText: textPattern(options.hasText) } : {}),
    });
  }
  getByTestId(testId: string): TestLocator {
    return this.with({ css: `[data-testid=${JSON.stringify(testId)}]` });
  }
  getByRole(role: string, options?: { name?: string | RegExp }): TestLocator {
    return this.with({ role, ...(options?.name !== undefined ? { name: textPattern(options.name) } : {}) });
  }
  filter(options: { hasText: string | RegExp }): TestLocator {
    return this.with({ filter: textPattern(options.hasText) });
  }
  first(): TestLocator {
    return this.with({ nth: 0 });
  }
  nth(index: number): TestLocator {
    return this.with({ nth: index });
  }

  /** Every element the chain selects now. */
  private async all(): Promise<ElementHandle<Element>[]> {
    const frame = await this.frame();
    const list = await frame.evaluateHandle(resolveSteps, this.steps);
    const props = await list.getProperties();
    await list.dispose();
    const out: ElementHandle<Element>[] = [];
    for (const handle of props.values()) {
      const el = handle.asElement() as ElementHandle<Element> | null;
      if (el) out.push(el);
      else await handle.dispose();
    }
    return out;
  }

  /** The first element the chain selects, waited for (visible, for actions) as Playwright's actions wait. */
  private async one(state: 'attached' | 'visible' = 'attached', timeout = WAIT_MS): Promise<ElementHandle<Element>> {
    const start = Date.now();
    for (;;) {
      const all = await this.all().catch(() => [] as ElementHandle<Element>[]);
      for (const el of all) {
        if (state === 'attached' || (await el.evaluate(isVisible).catch(() => false))) {
          for (const other of all) if (other !== el) void other.dispose();
          return el;
        }
      }
      for (const el of all) void el.dispose();
      if (Date.now() - start > timeout)
        throw new Error(`No ${state} element for ${JSON.stringify(this.steps)} within ${timeout} ms.`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Click as Playwright's actionability checks do: once the element is visible, has kept its place for two
   * frames and is the one under its centre. A click at the place an element had before the page moved it
   * (a view that draws its header as its data arrives) lands on whatever took that place.
   */
  async click(): Promise<void> {
    const start = Date.now();
    for (;;) {
      const el = await this.one('visible');
      const why = await el.evaluate(readyForClick).catch((e: unknown) => String(e));
      if (!why) {
        await el.click();
        return void el.dispose();
      }
      void el.dispose();
      if (Date.now() - start > WAIT_MS)
        throw new Error(`${JSON.stringify(this.steps)} could not be clicked within ${WAIT_MS} ms: ${why}.`);
      await sleep(POLL_MS);
    }
  }
  async fill(value: string): Promise<void> {
    const el = await this.one('visible');
    // As Playwright's fill: the field's text replaced, with input events, typed as a user would.
    await el.evaluate((e) => {
      if (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement) e.select();
    });
    await el.focus();
    await this.page.keyboard.press('Backspace');
    if (value) await el.type(value);
  }
  async press(key: string): Promise<void> {
    const el = await this.one('visible');
    await el.focus();
    const kb = this.page.keyboard;
    await pressKeys(
      (k) => kb.press(k),
      (k) => kb.down(k),
      (k) => kb.up(k),
      key,
    );
  }
  async focus(): Promise<void> {
    await (await this.one()).focus();
  }
  async selectOption(value: string): Promise<string[]> {
    return (await this.one('visible')).select(value);
  }
  async setInputFiles(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    // BiDi sets files by path: the file is written under its own name, and stays until the tests end, as the
    // page reads it from disk when it reads it (after the change event).
    const path = join(uploadsDir(), file.name);
    writeFileSync(path, file.buffer);
    const el = (await this.one()) as ElementHandle<HTMLInputElement>;
    await el.uploadFile(path);
  }
  async isChecked(): Promise<boolean> {
    return (await this.one()).evaluate((e) => (e as HTMLInputElement).checked);
  }
  async check(): Promise<void> {
    if (!(await this.isChecked())) await this.click();
    if (!(await this.isChecked())) throw new Error(`Clicking ${JSON.stringify(this.steps)} did not check it.`);
  }
  async scrollIntoViewIfNeeded(): Promise<void> {
    await (await this.one()).scrollIntoView();
  }
  async waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void> {
    const state = options?.state ?? 'visible';
    const timeout = options?.timeout ?? WAIT_MS;
    if (state === 'attached' || state === 'visible') return void (await this.one(state, timeout)).dispose();
    const start = Date.now();
    for (;;) {
      const all = await this.all().catch(() => [] as ElementHandle<Element>[]);
      let present = all.length > 0;
      if (present && state === 'hidden')
        present = (await Promise.all(all.map((el) => el.evaluate(isVisible).catch(() => false)))).some(Boolean);
      for (const el of all) void el.dispose();
      if (!present) return;
      if (Date.now() - start > timeout)
        throw new Error(
          `Elements for ${JSON.stringify(this.steps)} still ${state === 'hidden' ? 'visible' : 'attached'} after ${timeout} ms.`,
        );
      await sleep(POLL_MS);
    }
  }
  async textContent(): Promise<string | null> {
    return (await this.one()).evaluate((e) => e.textContent);
  }
  async getAttribute(name: string): Promise<string | null> {
    return (await this.one()).evaluate((e, n) => e.getAttribute(n), name);
  }
  async inputValue(): Promise<string> {
    return (await this.one()).evaluate((e) => (e as HTMLInputElement).value);
  }
  async count(): Promise<number> {
    const all = await this.all();
    for (const el of all) void el.dispose();
    return all.length;
  }
  async allTextContents(): Promise<string[]> {
    return this.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }
  // Playwright's signature (TestLocator); puppeteer serialises the function and its plain-data argument alike.
  evaluateAll = (async (fn: (elements: Element[], arg: unknown) => unknown, arg?: unknown): Promise<unknown> => {
    const frame = await this.frame();
    const list = await frame.evaluateHandle(resolveSteps, this.steps);
    try {
      return await list.evaluate(fn, arg);
    } finally {
      await list.dispose();
    }
  }) as TestLocator['evaluateAll'];
}

/** `pattern` as Playwright's URL globs read it: `**` any characters, `*` any but `/`. */
export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * A puppeteer page as a TestPage. `knownUrl`: the URL of an extension page this adapter navigated to — BiDi
 * reports no navigation into moz-extension:// (the page's own URL stays the web page it left), though
 * scripts then run in the extension page.
 */
export class PuppeteerPage implements TestPage {
  knownUrl: string | undefined;
  constructor(readonly page: Page) {}

  private main = async () => this.page.mainFrame();
  private root(): PuppeteerLocator {
    return new PuppeteerLocator(this.main, this.page, []);
  }

  url(): string {
    return this.knownUrl ?? this.page.url();
  }
  async goto(url: string): Promise<{ headers: () => Record<string, string> } | null> {
    this.knownUrl = undefined;
    const response = await this.page.goto(url);
    return response ? { headers: () => response.headers() } : null;
  }
  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
  async reload(): Promise<void> {
    if (!this.knownUrl) return void (await this.page.reload());
    // An extension page: BiDi does not see it (see knownUrl), so the reload is the page's own, and done once a
    // mark set before it is gone and the new document has loaded.
    await this.page.evaluate(() => {
      Object.assign(window, { tagwatchBeforeReload: true });
      location.reload();
    });
    const start = Date.now();
    for (;;) {
      const fresh = await this.page
        .evaluate(() => !('tagwatchBeforeReload' in window) && document.readyState === 'complete')
        .catch(() => false);
      if (fresh) return;
      if (Date.now() - start > WAIT_MS) throw new Error(`${this.knownUrl} did not reload within ${WAIT_MS} ms.`);
      await sleep(POLL_MS);
    }
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  click(selector: string): Promise<void> {
    return this.root().locator(selector).click();
  }
  fill(selector: string, value: string): Promise<void> {
    return this.root().locator(selector).fill(value);
  }
  press(selector: string, key: string): Promise<void> {
    return this.root().locator(selector).press(key);
  }
  focus(selector: string): Promise<void> {
    return this.root().locator(selector).focus();
  }
  inputValue(selector: string): Promise<string> {
    return this.root().locator(selector).inputValue();
  }
  locator(selector: string, options?: { hasText?: string | RegExp }): TestLocator {
    return this.root().locator(selector, options);
  }
  getByTestId(testId: string): TestLocator {
    return this.root().getByTestId(testId);
  }
  frameLocator(selector: string): TestFrame {
    const frame = async (): Promise<Frame> => {
      const start = Date.now();
      for (;;) {
        const el = await this.page.$(selector);
        const inner = await el?.contentFrame();
        if (inner) return inner;
        if (Date.now() - start > WAIT_MS) throw new Error(`No frame ${selector} within ${WAIT_MS} ms.`);
        await sleep(POLL_MS);
      }
    };
    return { locator: (s) => new PuppeteerLocator(frame, this.page, [{ css: s }]) };
  }
  // Playwright's signatures (TestPage); puppeteer serialises the function and its plain-data argument alike.
  evaluate = ((fn: (arg: unknown) => unknown, arg?: unknown) => this.page.evaluate(fn, arg)) as TestPage['evaluate'];
  async waitForURL(url: string): Promise<void> {
    const want = globToRegExp(url);
    const start = Date.now();
    for (;;) {
      const href = await this.page
        .evaluate(() => (document.readyState === 'loading' ? '' : location.href))
        .catch(() => '');
      if (want.test(href)) return;
      if (Date.now() - start > WAIT_MS)
        throw new Error(`The page did not reach ${url} within ${WAIT_MS} ms (at ${href || this.page.url()}).`);
      await sleep(POLL_MS);
    }
  }
  async waitForFunction(fn: () => unknown, _arg: null, options?: { timeout?: number }): Promise<unknown> {
    return this.page.waitForFunction(fn, { timeout: options?.timeout ?? WAIT_MS, polling: 100 });
  }
  async waitForTimeout(ms: number): Promise<void> {
    await sleep(ms);
  }
  async setViewportSize(size: { width: number; height: number }): Promise<void> {
    try {
      await this.page.setViewport(size);
    } catch (error) {
      // Puppeteer sends BiDi's emulation.setScreenOrientationOverride beside the viewport, and Firefox ESR 140 does
      // not know it (ESR 153 does). The viewport command itself went through.
      if (!/setScreenOrientationOverride/.test(String(error))) throw error;
    }
  }
  /**
   * Firefox ESR over BiDi cannot override prefers-color-scheme (emulation.setMediaFeaturesOverride reads it from
   * Firefox 159; puppeteer's emulateMediaFeatures is CDP-only): the scheme the page already has is accepted,
   * another one refused, so that no test takes a light page for a dark one.
   */
  async emulateMedia(options: { colorScheme: 'light' | 'dark' }): Promise<void> {
    const scheme = options.colorScheme;
    const already = await this.page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
    if (!already)
      throw new Error(`Firefox over WebDriver BiDi cannot switch this page to the ${scheme} colour scheme.`);
  }
  screenshot(options: { path: string }): Promise<unknown> {
    return this.page.screenshot({ path: options.path as `${string}.png` });
  }
  get mouse(): TestPage['mouse'] {
    const mouse = this.page.mouse;
    return {
      move: (x, y) => mouse.move(x, y),
      wheel: (deltaX, deltaY) => mouse.wheel({ deltaX, deltaY }),
    };
  }
  get keyboard(): TestPage['keyboard'] {
    const kb = this.page.keyboard;
    return {
      press: (key) =>
        pressKeys(
          (k) => kb.press(k),
          (k) => kb.down(k),
          (k) => kb.up(k),
          key,
        ),
    };
  }
}
