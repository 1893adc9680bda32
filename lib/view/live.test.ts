import { describe, expect, it } from 'vitest';
import type { TabTail } from '../store/queries';
import type { StoredFiring } from '../store/types';
import { hit, pageEvent, PAGE_START, session } from './fixtures';
import { applyTail, dropBefore, emptyTabData, firstAtOrAfter, pageData, requiredFrom, type TabData } from './live';

const at = (ms: number) => PAGE_START + ms;
const firing = (id: string, ms: number, sessionId = 's1'): StoredFiring => ({
  id,
  sessionId,
  tabId: 7,
  frameId: 0,
  goalId: 'cart',
  goalName: 'Cart',
  trigger: 'click',
  at: at(ms),
  url: 'https://shop.example/',
});
const tail = (since: number, over: Partial<TabTail> = {}): TabTail => ({
  since,
  sessions: [session()],
  hits: [],
  firings: [],
  signals: [],
  cookies: [],
  ...over,
});

describe('applyTail', () => {
  const held = (): TabData => ({
    ...emptyTabData(7),
    sessions: [session()],
    hits: [
      hit({ vendor: 'ga4', id: 'a', at: at(10) }),
      hit({ vendor: 'ga4', id: 'b', at: at(20), status: 'pending' }),
      hit({ vendor: 'ga4', id: 'c', at: at(30) }),
    ],
    signals: [pageEvent({ event: 'view_item', id: 'e1', at: at(15) })],
    firings: [firing('f1', 25)],
  });

  it("replaces what it held from the notice's time on with what was read: new, changed and deleted records", () => {
    const next = applyTail(
      held(),
      tail(at(20), {
        // b answered, c was replaced (a resource-timing witness became the browser's report), d is new.
        hits: [
          hit({ vendor: 'ga4', id: 'b', at: at(20), status: 'sent' }),
          hit({ vendor: 'ga4', id: 'c2', at: at(30) }),
          hit({ vendor: 'ga4', id: 'd', at: at(40) }),
        ],
        firings: [firing('f1', 25), firing('f2', 41)],
      }),
    );
    expect(next.hits.map((h) => `${h.id}:${h.status}`)).toEqual(['a:sent', 'b:sent', 'c2:sent', 'd:sent']);
    expect(next.signals.map((e) => e.id)).toEqual(['e1']); // before the notice's time: kept as held
    expect(next.firings.map((f) => f.id)).toEqual(['f1', 'f2']);
  });

  it('reads everything again after a clear, and only the pages after a title change', () => {
    expect(applyTail(held(), tail(-Infinity)).hits).toEqual([]);
    const titled = applyTail(held(), tail(Infinity, { sessions: [session({ title: 'Cart' })] }));
    expect(titled.sessions[0]!.title).toBe('Cart');
    expect(titled.hits).toHaveLength(3);
  });

  it('keeps out what came before the part of the tab the view holds', () => {
    const data = { ...emptyTabData(7, at(100)), sessions: [session()] };
    const next = applyTail(
      data,
      tail(-Infinity, {
        hits: [hit({ vendor: 'ga4', id: 'old', at: at(50) }), hit({ vendor: 'ga4', id: 'new', at: at(150) })],
      }),
    );
    expect(next.hits.map((h) => h.id)).toEqual(['new']);
  });
});

it.each([
  [[], 5, 0],
  [[1, 2, 2, 3], 2, 1],
  [[1, 2, 2, 3], 4, 4],
  [[1, 2, 2, 3], 0, 0],
])('firstAtOrAfter(%j, %d) = %d', (ats, t, want) =>
  expect(
    firstAtOrAfter(
      ats.map((a) => ({ at: a })),
      t,
    ),
  ).toBe(want),
);

describe('pageData', () => {
  const before = session({ id: 's1', startedAt: at(0) });
  const now = session({ id: 's2', url: 'https://shop.example/thanks', startedAt: at(60_000) });
  const data: TabData = {
    ...emptyTabData(7),
    sessions: [now, before],
    hits: [
      hit({ vendor: 'meta-pixel', id: 'pv1', sessionId: 's1', at: at(100) }),
      hit({ vendor: 'meta-pixel', id: 'lead', sessionId: 's1', at: at(60_010) }), // the unload beacon of the first page
      hit({ vendor: 'meta-pixel', id: 'pv2', sessionId: 's2', at: at(60_100) }),
      hit({ vendor: 'meta-pixel', id: 'late', sessionId: 's2', at: at(75_000) }),
    ],
    signals: [pageEvent({ event: 'sign_up', id: 'e1', sessionId: 's1', at: at(50) })],
    firings: [firing('f1', 59_000, 's1')],
  };

  it("shows the tab's current page unless another was picked", () => {
    const page = pageData(data, undefined);
    expect([page.session?.id, page.currentSessionId]).toEqual(['s2', 's2']);
    expect(page.hits.map((h) => h.id)).toEqual(['pv2', 'late']);
    expect(page.signals).toEqual([]);
    // From 2 s before the page: the first page's unload beacon is in this page's audit too.
    expect(page.auditHits.map((h) => h.id)).toEqual(['lead', 'pv2', 'late']);
  });

  it("reconciles an earlier page with the tab's hits up to 10 s into the next one", () => {
    const page = pageData(data, 's1');
    expect(page.session?.id).toBe('s1');
    expect(page.hits.map((h) => h.id)).toEqual(['pv1', 'lead']);
    expect(page.auditHits.map((h) => h.id)).toEqual(['pv1', 'lead', 'pv2']);
    expect(page.signals.map((e) => e.id)).toEqual(['e1']);
    expect(page.firings.map((f) => f.id)).toEqual(['f1']);
  });

  it('falls back to the current page when the picked one is gone, and is empty for a tab with no page', () => {
    expect(pageData(data, 'pruned').session?.id).toBe('s2');
    expect(pageData(emptyTabData(9), undefined)).toEqual({
      tabId: 9,
      sessions: [],
      hits: [],
      signals: [],
      firings: [],
      auditHits: [],
      cookies: [],
    });
  });
});

describe('requiredFrom', () => {
  const pages = [
    session({ id: 'c', startedAt: at(20_000) }),
    session({ id: 'b', startedAt: at(10_000) }),
    session({ id: 'a', startedAt: at(0) }),
  ];
  it.each([
    ['the popup: the current page, 2 s before it', 'page', undefined, true, at(18_000)],
    ['the popup on a page the user picked', 'page', 'b', true, at(8_000)],
    ['the DevTools log: the oldest page kept', 'log', undefined, true, at(-2_000)],
    ['the DevTools log without preserving it: the current page', 'log', undefined, false, at(18_000)],
  ] as const)('%s', (_, scope, chosen, preserve, want) =>
    expect(requiredFrom(pages, scope, chosen, preserve)).toBe(want),
  );
  it('reads everything of a tab with no page yet', () =>
    expect(requiredFrom([], 'page', undefined, true)).toBe(-Infinity));
});

it('drops what came before a later start, and keeps the data as it is for an earlier one', () => {
  const data: TabData = {
    ...emptyTabData(7, at(0)),
    hits: [hit({ vendor: 'ga4', id: 'a', at: at(10) }), hit({ vendor: 'ga4', id: 'b', at: at(30) })],
  };
  const later = dropBefore(data, at(20));
  expect([later.from, later.hits.map((h) => h.id)]).toEqual([at(20), ['b']]);
  expect(dropBefore(data, at(-5))).toBe(data);
});
