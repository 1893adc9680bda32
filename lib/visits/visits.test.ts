import { describe, expect, it } from 'vitest';
import type { PageSession } from '../store/types';
import { groupVisits, VISIT_IDLE_MS, visitOfTab, visitPage, type Opener } from './visits';

const MIN = 60_000;
const s = (
  id: string,
  tabId: number,
  startedAt: number,
  url = `https://shop.example/${id}`,
  navAt?: number,
): PageSession => ({
  id,
  tabId,
  url,
  startedAt,
  navigations: navAt === undefined ? [] : [{ at: navAt, url: `${url}#x`, kind: 'history' }],
});
const shape = (sessions: PageSession[], openers: Opener[] = []) =>
  groupVisits(sessions, openers).map((v) => ({ id: v.id, tabs: v.tabIds, pages: v.sessions.map((p) => p.id) }));

describe('groupVisits', () => {
  it.each<[string, PageSession[], Opener[], Array<{ id: string; tabs: number[]; pages: string[] }>]>([
    [
      'one tab, pages minutes apart: one visit',
      [s('a', 1, 0), s('b', 1, 5 * MIN), s('c', 1, 20 * MIN)],
      [],
      [{ id: 'a', tabs: [1], pages: ['a', 'b', 'c'] }],
    ],
    [
      'idle 30 minutes: a new visit',
      [s('a', 1, 0), s('b', 1, 31 * MIN)],
      [],
      [
        { id: 'a', tabs: [1], pages: ['a'] },
        { id: 'b', tabs: [1], pages: ['b'] },
      ],
    ],
    [
      'an SPA route change keeps the visit alive',
      [s('a', 1, 0, 'https://shop.example/', 25 * MIN), s('b', 1, 50 * MIN)],
      [],
      [{ id: 'a', tabs: [1], pages: ['a', 'b'] }],
    ],
    [
      'a tab opened from the visit continues it; its later pages too',
      [s('a', 1, 0), s('b', 2, MIN), s('c', 2, 2 * MIN), s('d', 1, 3 * MIN)],
      [{ tabId: 2, openerTabId: 1, at: MIN - 10 }],
      [{ id: 'a', tabs: [1, 2], pages: ['a', 'b', 'c', 'd'] }],
    ],
    [
      'an extension page is no page of a visit, and the tab it opens starts its own',
      [s('p', 1, 0, 'chrome-extension://abc/popup.html'), s('a', 2, MIN)],
      [{ tabId: 2, openerTabId: 1, at: MIN }],
      [{ id: 'a', tabs: [2], pages: ['a'] }],
    ],
    [
      'a tab opened on a blank page that never shows the site is no tab of the visit',
      [s('a', 1, 0), s('blank', 2, MIN, 'about:blank')],
      [{ tabId: 2, openerTabId: 1, at: MIN }],
      [{ id: 'a', tabs: [1], pages: ['a', 'blank'] }],
    ],
    [
      'a tab opened by no one is another visit, even at the same time',
      [s('a', 1, 0), s('b', 2, MIN)],
      [],
      [
        { id: 'a', tabs: [1], pages: ['a'] },
        { id: 'b', tabs: [2], pages: ['b'] },
      ],
    ],
    [
      'a tab opened from a visit idle for 30 minutes starts its own',
      [s('a', 1, 0), s('b', 2, 40 * MIN)],
      [{ tabId: 2, openerTabId: 1, at: 40 * MIN }],
      [
        { id: 'a', tabs: [1], pages: ['a'] },
        { id: 'b', tabs: [2], pages: ['b'] },
      ],
    ],
  ])('%s', (_, sessions, openers, want) => expect(shape(sessions, openers)).toEqual(want));

  it('keeps the idle limit as given', () => expect(VISIT_IDLE_MS).toBe(30 * MIN));
});

describe('visitOfTab and visitPage', () => {
  const visits = groupVisits(
    [s('blank', 2, MIN, 'about:blank'), s('a', 1, 0), s('b', 2, MIN + 5), s('x', 1, 90 * MIN)],
    [{ tabId: 2, openerTabId: 1, at: MIN }],
  );
  it('finds the visit of the tab’s latest page', () => {
    expect(visitOfTab(visits, 2)?.id).toBe('a');
    expect(visitOfTab(visits, 1)?.id).toBe('x');
    expect(visitOfTab(visits, 9)).toBeUndefined();
  });
  it('names a visit by its first real page', () => expect(visitPage(visits[0]!)?.id).toBe('a'));
});
