// The page and element API the end-to-end tests use, in both browsers: the part of Playwright's Page and
// Locator they call. Chromium's pages are Playwright's own (which satisfy these types); Firefox's are
// scripts/puppeteer-page.ts over WebDriver BiDi. A test that needs more adds it here and to that adapter.

import type { Locator, Page } from 'playwright-core';

export interface TestLocator {
  locator(selector: string, options?: { hasText?: string | RegExp }): TestLocator;
  getByTestId(testId: string): TestLocator;
  getByRole(
    role: 'button' | 'link' | 'checkbox' | 'textbox' | 'heading' | 'tab',
    options?: { name?: string | RegExp },
  ): TestLocator;
  /** The elements of this locator whose text matches. */
  filter(options: { hasText: string | RegExp }): TestLocator;
  first(): TestLocator;
  nth(index: number): TestLocator;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  press(key: string): Promise<void>;
  focus(): Promise<void>;
  selectOption(value: string): Promise<unknown>;
  /** A file chosen in a file input, as a user picks one. */
  setInputFiles(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
  isChecked(): Promise<boolean>;
  check(): Promise<void>;
  scrollIntoViewIfNeeded(): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  count(): Promise<number>;
  allTextContents(): Promise<string[]>;
  /** Playwright's own signature: its typing of the argument passed into the page (Unboxed) is the contract. */
  evaluateAll: Locator['evaluateAll'];
}

export interface TestFrame {
  locator(selector: string): TestLocator;
}

export interface TestPage {
  url(): string;
  goto(url: string): Promise<{ headers(): Record<string, string> } | null>;
  close(): Promise<void>;
  /** Reload the page and wait for it to load. */
  reload(): Promise<unknown>;
  /** Make the page's tab the active one, as a user who clicks on it. */
  bringToFront(): Promise<void>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  press(selector: string, key: string): Promise<void>;
  focus(selector: string): Promise<void>;
  inputValue(selector: string): Promise<string>;
  locator(selector: string, options?: { hasText?: string | RegExp }): TestLocator;
  getByTestId(testId: string): TestLocator;
  frameLocator(selector: string): TestFrame;
  evaluate: Page['evaluate'];
  waitForURL(url: string): Promise<void>;
  waitForFunction(fn: () => unknown, arg: null, options?: { timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  emulateMedia(options: { colorScheme: 'light' | 'dark' }): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<void>; wheel(deltaX: number, deltaY: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
}
