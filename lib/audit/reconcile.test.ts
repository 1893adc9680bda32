import { describe, expect, it } from 'vitest';
import type { Goal } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import { fullyTracked, reconcile, type TagStatus } from './reconcile';
import { firing, hit, newsletter, purchase, T0 } from './testing';

const lead: Goal = { ...newsletter, expect: [{ vendor: 'meta-pixel', event: 'Lead' }] };

/** The statuses of the single expected tag of `lead`, one per firing. */
function statuses(
  goal: Goal,
  firings: StoredFiring[],
  hits: StoredHit[],
  leadMs?: number,
): Array<[TagStatus, string | undefined]> {
  const [result] = reconcile([goal], firings, hits, leadMs === undefined ? {} : { leadMs });
  return result!.firings.map((f) => [f.tags[0]!.status, f.tags[0]!.hitId]);
}

describe('reconcile: one firing, one expected tag', () => {
  it.each<[string, StoredHit[], [TagStatus, string | undefined]]>([
    ['a hit right after the firing', [hit('meta-pixel', 'Lead', T0 + 40, { id: 'a' })], ['sent', 'a']],
    ['a hit at the very end of the window', [hit('meta-pixel', 'Lead', T0 + 5000, { id: 'a' })], ['sent', 'a']],
    ['a hit just after the window', [hit('meta-pixel', 'Lead', T0 + 5001, { id: 'a' })], ['missing', undefined]],
    ['a hit before the firing, within the lead', [hit('meta-pixel', 'Lead', T0 - 15, { id: 'a' })], ['sent', 'a']],
    ['a hit 2 s before: still within the lead', [hit('meta-pixel', 'Lead', T0 - 2000, { id: 'a' })], ['sent', 'a']],
    ['a hit too early', [hit('meta-pixel', 'Lead', T0 - 2001, { id: 'a' })], ['missing', undefined]],
    [
      'a pending hit (no answer yet) counts',
      [hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', status: 'pending', statusCode: undefined })],
      ['sent', 'a'],
    ],
    [
      'a hit of another tab is ignored',
      [hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', tabId: 2 })],
      ['missing', undefined],
    ],
    [
      'a hit of the next page session of the same tab counts',
      [hit('meta-pixel', 'Lead', T0 + 800, { id: 'a', sessionId: 's2' })],
      ['sent', 'a'],
    ],
    ['another event of the vendor', [hit('meta-pixel', 'PageView', T0 + 10)], ['missing', undefined]],
    ['the same event of another vendor', [hit('tiktok', 'Lead', T0 + 10)], ['missing', undefined]],
    [
      'a blocked hit',
      [
        hit('meta-pixel', 'Lead', T0 + 10, {
          id: 'a',
          status: 'blocked',
          statusCode: undefined,
          error: 'net::ERR_BLOCKED_BY_CLIENT',
        }),
      ],
      ['blocked', 'a'],
    ],
    [
      'a failed hit (HTTP 500)',
      [hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', status: 'failed', statusCode: 500 })],
      ['failed', 'a'],
    ],
    [
      'blocked, then a successful retry',
      [
        hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
        hit('meta-pixel', 'Lead', T0 + 1500, { id: 'b' }),
      ],
      ['sent', 'b'],
    ],
    [
      'failed, then a successful retry',
      [
        hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', status: 'failed', statusCode: 503 }),
        hit('meta-pixel', 'Lead', T0 + 900, { id: 'b' }),
      ],
      ['sent', 'b'],
    ],
    [
      'sent, then a blocked copy: still sent',
      [
        hit('meta-pixel', 'Lead', T0 + 10, { id: 'a' }),
        hit('meta-pixel', 'Lead', T0 + 20, { id: 'b', status: 'blocked' }),
      ],
      ['sent', 'a'],
    ],
    [
      'hits out of time order in the input',
      [hit('meta-pixel', 'Lead', T0 + 3000, { id: 'late' }), hit('meta-pixel', 'Lead', T0 + 100, { id: 'early' })],
      ['sent', 'early'],
    ],
  ])('%s', (_, hits, want) => expect(statuses(lead, [firing(lead.id, T0)], hits)).toEqual([want]));

  it.each<[string, number | undefined, number, TagStatus]>([
    ['default lead is 2 s', undefined, T0 - 1999, 'sent'],
    ['a custom lead of 0: nothing before the firing', 0, T0 - 1, 'missing'],
    ['a custom lead of 5 s', 5000, T0 - 4500, 'sent'],
    ['a nonsense lead falls back to 2 s', -1, T0 - 1500, 'sent'],
  ])('%s', (_, leadMs, at, want) =>
    expect(statuses(lead, [firing(lead.id, T0)], [hit('meta-pixel', 'Lead', at)], leadMs)[0]![0]).toBe(want),
  );

  it.each<[string, number | undefined, number, TagStatus]>([
    ['the default window is 5 s', undefined, T0 + 5000, 'sent'],
    ['the default window is 5 s, not more', undefined, T0 + 5001, 'missing'],
    ['a goal window of 10 s', 10_000, T0 + 9000, 'sent'],
    ['a goal window of 1 s', 1000, T0 + 1200, 'missing'],
  ])('%s', (_, windowMs, at, want) => {
    const goal: Goal = { ...lead, windowMs };
    expect(statuses(goal, [firing(goal.id, T0)], [hit('meta-pixel', 'Lead', at)])[0]![0]).toBe(want);
  });
});

describe('reconcile: several firings', () => {
  it.each<[string, number[], StoredHit[], Array<[TagStatus, string | undefined]>]>([
    [
      'two firings close together, one hit: it counts for the nearer one',
      [T0, T0 + 1000],
      [hit('meta-pixel', 'Lead', T0 + 1100, { id: 'a' })],
      [
        ['missing', undefined],
        ['sent', 'a'],
      ],
    ],
    [
      'one hit between two firings, nearer the first',
      [T0, T0 + 1000],
      [hit('meta-pixel', 'Lead', T0 + 400, { id: 'a' })],
      [
        ['sent', 'a'],
        ['missing', undefined],
      ],
    ],
    [
      'one hit sent just before the second firing: the second (tags fire on the click first)',
      [T0, T0 + 1000],
      [hit('meta-pixel', 'Lead', T0 + 990, { id: 'a' })],
      [
        ['missing', undefined],
        ['sent', 'a'],
      ],
    ],
    [
      'the nearer firing gives way when the other has no other hit',
      [T0, T0 + 3000],
      [hit('meta-pixel', 'Lead', T0 + 2900, { id: 'a' }), hit('meta-pixel', 'Lead', T0 + 7500, { id: 'b' })],
      [
        ['sent', 'a'],
        ['sent', 'b'],
      ],
    ],
    [
      'two firings, two hits: one each, earliest to earliest',
      [T0, T0 + 1000],
      [hit('meta-pixel', 'Lead', T0 + 1200, { id: 'b' }), hit('meta-pixel', 'Lead', T0 + 300, { id: 'a' })],
      [
        ['sent', 'a'],
        ['sent', 'b'],
      ],
    ],
    [
      'a hit only the second can use is left for it',
      [T0, T0 + 4000],
      [hit('meta-pixel', 'Lead', T0 + 100, { id: 'a' }), hit('meta-pixel', 'Lead', T0 + 8000, { id: 'b' })],
      [
        ['sent', 'a'],
        ['sent', 'b'],
      ],
    ],
    [
      'firings given out of order are reported in time order',
      [T0 + 1000, T0],
      [hit('meta-pixel', 'Lead', T0 + 50, { id: 'a' })],
      [
        ['sent', 'a'],
        ['missing', undefined],
      ],
    ],
    [
      'one blocked hit for two firings: the second is missing',
      [T0, T0 + 500],
      [hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', status: 'blocked' })],
      [
        ['blocked', 'a'],
        ['missing', undefined],
      ],
    ],
    [
      'a retried hit does not leave its blocked try to the next firing',
      [T0, T0 + 500],
      [
        hit('meta-pixel', 'Lead', T0 + 10, { id: 'a', status: 'blocked' }),
        hit('meta-pixel', 'Lead', T0 + 20, { id: 'b' }),
      ],
      [
        ['sent', 'b'],
        ['missing', undefined],
      ],
    ],
    [
      "firings in two tabs each use their own tab's hit",
      [T0, T0],
      [hit('meta-pixel', 'Lead', T0 + 10, { id: 'a' })],
      [
        ['sent', 'a'],
        ['missing', undefined],
      ],
    ],
  ])('%s', (_, times, hits, want) => {
    const firings = times.map((at, i) =>
      firing(lead.id, at, { id: `f${i}`, tabId: _.includes('two tabs') ? i + 1 : 1 }),
    );
    expect(statuses(lead, firings, hits)).toEqual(want);
  });

  it('gives one hit to one action: two goals on two actions do not share it', () => {
    const a: Goal = { ...lead, id: 'a' };
    const b: Goal = { ...lead, id: 'b', trigger: { kind: 'click', text: 'Subscribe' } };
    // More than LINK_MS apart: two actions, though both goals expect Lead.
    const click = firing('b', T0 + 2500, {
      trigger: 'click',
      element: { tag: 'button', text: 'Subscribe', selector: 'button.subscribe' },
    });
    const results = reconcile([a, b], [firing('a', T0), click], [hit('meta-pixel', 'Lead', T0 + 2550, { id: 'x' })]);
    expect(results.map((r) => r.firings[0]!.tags[0]!.status)).toEqual(['missing', 'sent']);
    expect(results[0]!.firings[0]!.tags[0]!.countedFor).toMatchObject({ goal: { id: 'b' }, hitId: 'x' });
  });

  it('lets two expected tags of one goal use the same hit', () => {
    const goal: Goal = {
      ...lead,
      expect: [
        { vendor: 'meta-pixel', event: 'Lead' },
        { vendor: 'meta-pixel', event: 'Lead', account: '111' },
      ],
    };
    const [result] = reconcile(
      [goal],
      [firing(goal.id, T0)],
      [hit('meta-pixel', 'Lead', T0 + 50, { id: 'x', account: '111' })],
    );
    expect(result!.firings[0]!.tags.map((t) => t.hitId)).toEqual(['x', 'x']);
  });
});

describe('reconcile: the plan', () => {
  it('gives one result per goal, fired or not, in the plan order, and ignores firings of other goals', () => {
    const results = reconcile([newsletter, purchase], [firing('purchase', T0), firing('not_in_plan', T0)], []);
    expect(results.map((r) => [r.goal.id, r.fired])).toEqual([
      ['newsletter_signup', 0],
      ['purchase', 1],
    ]);
    expect(results[0]!.firings).toEqual([]);
  });

  it('reports every expected tag of a firing in the plan order', () => {
    const [result] = reconcile(
      [newsletter],
      [firing(newsletter.id, T0)],
      [hit('meta-pixel', 'Lead', T0 + 10, { id: 'm' })],
    );
    expect(result!.firings[0]!.tags.map((t) => [t.expected.vendor, t.status, t.hitId])).toEqual([
      ['ga4', 'missing', undefined],
      ['meta-pixel', 'sent', 'm'],
    ]);
  });

  it('checks the params the plan asks for', () => {
    const hits = [
      hit('ga4', 'purchase', T0 + 10, { id: 'usd', params: { currency: 'USD', transaction_id: 'T-1' } }),
      hit('ga4', 'purchase', T0 + 20, { id: 'eur', params: { currency: 'EUR', transaction_id: 'T-1' } }),
    ];
    expect(statuses(purchase, [firing('purchase', T0)], hits)).toEqual([['sent', 'eur']]);
  });

  it('logs a goal with no expected tags', () => {
    const goal: Goal = { ...newsletter, expect: undefined };
    const [result] = reconcile([goal], [firing(goal.id, T0)], []);
    expect(result!.firings[0]!.tags).toEqual([]);
    expect(fullyTracked(result!)).toBe(true);
  });

  it.each<[string, StoredHit[], boolean]>([
    ['all sent', [hit('ga4', 'sign_up', T0), hit('meta-pixel', 'Lead', T0)], true],
    ['one missing', [hit('ga4', 'sign_up', T0)], false],
  ])('fullyTracked: %s', (_, hits, want) => {
    const [result] = reconcile([newsletter], [firing(newsletter.id, T0)], hits);
    expect(fullyTracked(result!)).toBe(want);
  });

  it('does not call a goal that did not fire fully tracked', () => {
    expect(fullyTracked(reconcile([newsletter], [], [])[0]!)).toBe(false);
  });
});

describe('reconcile: reasons', () => {
  function reason(goal: Goal, firings: StoredFiring[], hits: StoredHit[], which = 0): string | undefined {
    const [result] = reconcile([goal], firings, hits);
    return result!.firings[which]!.tags[0]!.reason;
  }

  it.each<[string, StoredHit[], string]>([
    [
      'other events of the vendor in the window',
      [
        hit('meta-pixel', 'PageView', T0 + 10),
        hit('meta-pixel', 'PageView', T0 + 20),
        hit('meta-pixel', 'ViewContent', T0 + 30),
      ],
      'No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. Seen from Meta Pixel in that window: PageView, ViewContent.',
    ],
    [
      'nothing from the vendor in the window',
      [hit('meta-pixel', 'PageView', T0 - 60_000)],
      'No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. Nothing from Meta Pixel in that window.',
    ],
    [
      'nothing from the vendor in the tab',
      [hit('meta-pixel', 'Lead', T0, { tabId: 9 })],
      'No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. No Meta Pixel hit at all in this tab: is the tag installed and allowed to run?',
    ],
    [
      'a slow tag',
      [hit('meta-pixel', 'Lead', T0 + 7200)],
      "No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. A matching hit came 7.2 s after the submit, outside the window: if the tag is just slow, raise the goal's windowMs.",
    ],
    [
      'an early tag',
      [hit('meta-pixel', 'Lead', T0 - 30_000)],
      'No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. A matching hit came 30 s before the submit, too early to belong to it.',
    ],
  ])('missing: %s', (_, hits, want) => expect(reason(lead, [firing(lead.id, T0)], hits)).toBe(want));

  it('says which detail of the right event is wrong', () => {
    const pushed = firing('purchase', T0, {
      trigger: 'datalayer_event',
      element: undefined,
      detail: { event: 'purchase' },
    });
    expect(
      reason(
        purchase,
        [pushed],
        [hit('ga4', 'purchase', T0 + 5, { params: { currency: 'USD', transaction_id: 'T-1' } })],
      ),
    ).toBe(
      'No Google Analytics 4 hit with event purchase (currency = EUR, transaction_id matching /^T-/) between 2 s before and 10 s after ' +
        'the dataLayer event “purchase”. Google Analytics 4 sent purchase (currency is "USD", expected "EUR") in that window.',
    );
  });

  it('says which action the only hit went to, and why', () => {
    const other = firing(lead.id, T0 + 1200, {
      element: { tag: 'form', id: 'contact', text: 'Call me back', selector: 'form#contact' },
    });
    expect(
      reason(
        lead,
        [firing(lead.id, T0, { element: { tag: 'form', text: 'Subscribe', selector: 'form#newsletter' } }), other],
        [hit('meta-pixel', 'Lead', T0 + 1300)],
        0,
      ),
    ).toBe(
      'No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. The matching Meta Pixel hit in that window counts for ' +
        '“Newsletter signup” on the “Call me back” form (1.2 s later), nearer in time: each action needs its own hit.',
    );
  });

  it.each<[string, Partial<StoredHit>, string]>([
    [
      'blocked by an extension',
      { status: 'blocked', statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' },
      'The Meta Pixel request was blocked: net::ERR_BLOCKED_BY_CLIENT',
    ],
    [
      'blocked, no detail',
      { status: 'blocked', statusCode: undefined },
      'The Meta Pixel request was blocked by the browser or an extension',
    ],
    ['HTTP error', { status: 'failed', statusCode: 500 }, 'The Meta Pixel request failed: HTTP 500'],
    [
      'unreachable',
      { status: 'failed', statusCode: undefined, error: 'net::ERR_NAME_NOT_RESOLVED' },
      'The Meta Pixel request failed: net::ERR_NAME_NOT_RESOLVED',
    ],
  ])('%s', (_, over, want) =>
    expect(reason(lead, [firing(lead.id, T0)], [hit('meta-pixel', 'Lead', T0 + 10, over)])).toBe(want),
  );

  it('gives no reason for a sent tag', () => {
    expect(reason(lead, [firing(lead.id, T0)], [hit('meta-pixel', 'Lead', T0 + 10)])).toBeUndefined();
  });
});
