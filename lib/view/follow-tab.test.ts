import { describe, expect, it } from 'vitest';
import { follows, initialTab } from './follow-tab';

const tabs = [
  { id: 1, windowId: 10, active: false, lastAccessed: 100 },
  { id: 2, windowId: 10, active: true, lastAccessed: 300 },
  { id: 3, windowId: 20, active: true, lastAccessed: 200 },
];

describe('the tab the side panel shows', () => {
  it("in the browser's side panel: the active tab of its window", () => {
    expect(initialTab(tabs, { windowId: 10 })).toBe(2);
    expect(initialTab(tabs, { windowId: 20 })).toBe(3);
  });

  it('as a page in a tab: the tab the user was on before opening it', () => {
    const withSelf = [
      ...tabs.map((t) => ({ ...t, active: false })),
      { id: 9, windowId: 10, active: true, lastAccessed: 400 },
    ];
    expect(initialTab(withSelf, { tabId: 9, windowId: 10 })).toBe(2);
  });

  it('has none to show in an empty window', () => expect(initialTab([], { windowId: 10 })).toBeUndefined());

  it.each([
    ['a tab of its window', { tabId: 1, windowId: 10 }, { windowId: 10 }, true],
    ['a tab of another window: that window has its own panel', { tabId: 3, windowId: 20 }, { windowId: 10 }, false],
    ['as a page: any tab the user switches to', { tabId: 3, windowId: 20 }, { tabId: 9, windowId: 10 }, true],
    ['as a page: not itself', { tabId: 9, windowId: 10 }, { tabId: 9, windowId: 10 }, false],
  ])('follows %s', (_, activated, self, want) => expect(follows(activated, self)).toBe(want));
});
