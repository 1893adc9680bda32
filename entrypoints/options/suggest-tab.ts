import browser from 'webextension-polyfill';
import type { Goal } from '@/lib/goals/types';
import { acceptSuggestions } from '@/lib/plans/suggestions';
import { isValidSelector } from './selector';

// Suggestions for a tab: the suggest script (entrypoints/injected-suggest.ts) runs in the tab and returns goals.
// Needs the "scripting" permission (MV3) and host access to the tab (<all_urls>).

export interface WebTab {
  id: number;
  title: string;
  url: string;
}

/** The open http(s) tabs, the ones suggestions can be made for. */
export async function webTabs(): Promise<WebTab[]> {
  const tabs = await browser.tabs.query({});
  return tabs
    .filter((t): t is typeof t & { id: number; url: string } => t.id !== undefined && /^https?:/.test(t.url ?? ''))
    .map((t) => ({ id: t.id, url: t.url, title: t.title || t.url }));
}

/**
 * The goals suggested for the page in `tabId` (top frame), each valid per the plan schema. Throws with a
 * message for people when the page cannot be read (a browser page, a closed tab, a missing permission).
 */
export async function suggestForTab(tabId: number): Promise<Goal[]> {
  try {
    if (browser.scripting) {
      const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/injected-suggest.js'] });
      return acceptSuggestions(first?.result, { isValidSelector });
    }
    // Firefox without the scripting API (MV2 before 102): the older call returns the same value.
    const [result] = await browser.tabs.executeScript(tabId, { file: '/injected-suggest.js' });
    return acceptSuggestions(result, { isValidSelector });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `Could not read the page in that tab (${why}). Reload the tab and try again; browser pages and the web store cannot be read.`,
    );
  }
}
