import { describe, expect, it } from 'vitest';
import { reconcile } from '../audit/reconcile';
import { firing, hit, newsletter, purchase, T0 } from '../audit/testing';
import type { Goal } from '../goals/types';
import type { StoredFiring } from '../store/types';
import { foldedGoalsLine, goalsHeadline, goalViews, type GoalView } from './goals';

const addToCart: Goal = {
  id: 'add_to_cart',
  name: 'Add to cart',
  trigger: { kind: 'click', selector: '.add-to-cart' },
  expect: [
    { vendor: 'ga4', event: 'add_to_cart' },
    { vendor: 'meta-pixel', event: 'AddToCart' },
  ],
};
const download: Goal = {
  id: 'download',
  name: 'Care guide download',
  trigger: { kind: 'download' },
  expect: [{ vendor: 'ga4', event: 'file_download' }],
};
const scroll: Goal = { id: 'scroll', name: 'Read to the end', trigger: { kind: 'scroll_depth', percent: 75 } };

const clickOn = (goalId: string, at: number) =>
  firing(goalId, at, {
    trigger: 'click',
    element: { tag: 'button', id: 'add-to-cart', text: 'Add to cart', selector: 'button#add-to-cart' },
  });

function views(goals: Goal[], firings: StoredFiring[], hits: ReturnType<typeof hit>[]): GoalView[] {
  return goalViews(reconcile(goals, firings, hits), hits);
}

describe('goalViews', () => {
  it("lists the goals that fired first, in the order they fired, then those that did not, in the plan's order", () => {
    const list = views(
      [scroll, newsletter, addToCart, purchase],
      [clickOn('add_to_cart', T0), firing('newsletter_signup', T0 + 10_000)],
      [],
    );
    expect(list.map((v) => [v.id, v.fired, v.firedWords])).toEqual([
      ['add_to_cart', 1, 'fired 1×'],
      ['newsletter_signup', 1, 'fired 1×'],
      ['scroll', 0, 'not triggered yet'],
      ['purchase', 0, 'not triggered yet'],
    ]);
    expect(foldedGoalsLine(list)).toBe('2 goals not triggered on this page');
  });

  it('shows a goal whose action another goal owns after the goals that judge, with no verdict of its own', () => {
    const caption: Goal = {
      ...addToCart,
      id: 'caption',
      name: 'Add to cart (caption)',
      trigger: { kind: 'click', text: 'Add to cart' },
    };
    const list = views(
      [caption, addToCart, purchase],
      [clickOn('caption', T0), clickOn('add_to_cart', T0 + 1)],
      [hit('ga4', 'add_to_cart', T0 + 20)],
    );
    expect(list.map((v) => [v.id, v.state, v.firedWords])).toEqual([
      ['add_to_cart', 'problem', 'fired 1×'],
      ['caption', 'owned', 'matched 1× — counted under “Add to cart”'],
      ['purchase', 'not_triggered', 'not triggered yet'],
    ]);
    expect(list[0]!.firings[0]!.alsoMatched).toEqual(['Add to cart (caption)']);
    expect(list[1]!.firings[0]).toMatchObject({ ownedBy: 'Add to cart', tags: [] });
    expect(goalsHeadline(list)).toBe('1 goal fired · 1 with tags missing');
  });

  it.each<[string, Parameters<typeof hit>[], GoalView['state'], string[]]>([
    [
      'every tag sent',
      [
        ['ga4', 'add_to_cart', T0 + 20],
        ['meta-pixel', 'AddToCart', T0 + 30],
      ],
      'tracked',
      ['sent', 'sent'],
    ],
    ['Meta forgotten', [['ga4', 'add_to_cart', T0 + 20]], 'problem', ['sent', 'missing']],
    [
      'GA4 blocked',
      [
        ['ga4', 'add_to_cart', T0 + 20, { status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' }],
        ['meta-pixel', 'AddToCart', T0 + 30],
      ],
      'problem',
      ['blocked', 'sent'],
    ],
    [
      'Meta answered 500',
      [
        ['ga4', 'add_to_cart', T0 + 20],
        ['meta-pixel', 'AddToCart', T0 + 30, { status: 'failed', statusCode: 500 }],
      ],
      'problem',
      ['sent', 'failed'],
    ],
  ])('a goal with %s', (_, hitArgs, state, statuses) => {
    const [view] = views(
      [addToCart],
      [clickOn('add_to_cart', T0)],
      hitArgs.map((a) => hit(...a)),
    );
    expect(view!.state).toBe(state);
    expect(view!.tags.map((t) => t.status)).toEqual(statuses);
    expect(view!.firings[0]!.tags.map((t) => t.status)).toEqual(statuses);
  });

  it('shows the worst status on the row when firings disagree, and how many were sent', () => {
    const [view] = views(
      [addToCart],
      [clickOn('add_to_cart', T0), clickOn('add_to_cart', T0 + 20_000)],
      [
        hit('ga4', 'add_to_cart', T0 + 10),
        hit('ga4', 'add_to_cart', T0 + 20_010),
        hit('meta-pixel', 'AddToCart', T0 + 20),
      ],
    );
    expect(view!.tags.map((t) => [t.vendorName, t.symbol, t.words])).toEqual([
      ['Google Analytics 4', '✓', 'sent'],
      ['Meta Pixel', '✗', 'missing (1 of 2 sent)'],
    ]);
    expect(view!.firedWords).toBe('fired 2×');
  });

  it('gives a goal that did not fire its expected tags, waiting', () => {
    const [view] = views([newsletter], [], []);
    expect(view!.state).toBe('not_triggered');
    expect(view!.tags.map((t) => [t.vendor, t.event, t.status, t.symbol, t.words])).toEqual([
      ['ga4', 'sign_up', 'not_triggered', '–', 'not triggered'],
      ['meta-pixel', 'Lead', 'not_triggered', '–', 'not triggered'],
    ]);
  });

  it('says what happened to each tag of a firing in plain words', () => {
    const sent = hit('ga4', 'add_to_cart', T0 + 320, { id: 'ga' });
    const [view] = views([addToCart], [clickOn('add_to_cart', T0)], [sent, hit('meta-pixel', 'PageView', T0 + 100)]);
    const [ga4, meta] = view!.firings[0]!.tags;
    expect(ga4).toMatchObject({
      status: 'sent',
      hitId: 'ga',
      hit: sent,
      hitShown: true,
      sentence: 'Google Analytics 4 sent add_to_cart 0.3 s after the click.',
    });
    expect(meta).toMatchObject({
      status: 'missing',
      sentence: 'Meta Pixel did not send AddToCart within 5 s of the click.',
      hint: 'Seen from Meta Pixel in that window: PageView.',
      hitShown: false,
    });
    expect(meta!.hitId).toBeUndefined();
  });

  it.each<[string, Parameters<typeof hit>[3], string]>([
    [
      'blocked',
      { status: 'blocked', statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' },
      'Google Analytics 4 tried to send file_download, but the request was blocked before it reached Google (net::ERR_BLOCKED_BY_CLIENT): ' +
        "an ad blocker, the browser's privacy settings or another extension stopped it.",
    ],
    [
      'failed',
      { status: 'failed', statusCode: 503 },
      'Google Analytics 4 sent file_download, but the request failed (HTTP 503): Google did not record it.',
    ],
  ])('explains a %s tag', (_, over, sentence) => {
    const [view] = views(
      [download],
      [firing('download', T0, { trigger: 'download' })],
      [hit('ga4', 'file_download', T0 + 5, over)],
    );
    expect(view!.firings[0]!.tags[0]!.sentence).toBe(sentence);
  });

  it('knows which hits the Hits view lists: an unload beacon is on the next page', () => {
    const beacon = hit('ga4', 'sign_up', T0 + 300, { id: 'b', sessionId: 's2' });
    const result = reconcile([newsletter], [firing('newsletter_signup', T0)], [beacon]);
    const [view] = goalViews(result, [beacon], new Set());
    expect(view!.firings[0]!.tags[0]).toMatchObject({ status: 'sent', hitId: 'b', hitShown: false, hit: beacon });
  });

  it('says a hit sent with the click is with it, not 0 s after', () => {
    const [view] = views(
      [addToCart],
      [clickOn('add_to_cart', T0)],
      [hit('ga4', 'add_to_cart', T0 - 3), hit('meta-pixel', 'AddToCart', T0 - 700)],
    );
    expect(view!.firings[0]!.tags.map((t) => t.sentence)).toEqual([
      'Google Analytics 4 sent add_to_cart with the click.',
      'Meta Pixel sent AddToCart 0.7 s before the click.',
    ]);
  });
});

describe('goalsHeadline', () => {
  const v = (fired: number, state: GoalView['state']) => ({ fired, state }) as GoalView;
  it.each<[GoalView[], string]>([
    [[], ''],
    [[v(0, 'not_triggered'), v(0, 'not_triggered')], 'None of the 2 goals for this page fired yet.'],
    [[v(1, 'tracked'), v(0, 'not_triggered')], '1 goal fired · 1 fully tracked'],
    [
      [v(1, 'tracked'), v(2, 'problem'), v(1, 'no_tags'), v(1, 'owned'), v(0, 'not_triggered')],
      '3 goals fired · 1 fully tracked · 1 with tags missing',
    ],
    [[v(1, 'problem')], '1 goal fired · 1 with tags missing'],
  ])('%#', (list, want) => expect(goalsHeadline(list)).toBe(want));
});
