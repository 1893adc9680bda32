import { describe, expect, it } from 'vitest';
import { libraryGoal } from '../goals/library';
import type { ElementInfo, Goal, Trigger } from '../goals/types';
import type { StoredFiring } from '../store/types';
import { explicitness, groupActions, selectorScore, type GoalOrigin } from './actions';
import { reconcile } from './reconcile';
import { firing, hit, T0 } from './testing';

// One action, one goal: which firings are one visitor action, and which goal owns it.

const goal = (
  id: string,
  trigger: Trigger,
  expect: Goal['expect'] = [{ vendor: 'ga4', event: 'add_to_cart' }],
): Goal => ({ id, name: id, trigger, expect });
const button: ElementInfo = {
  tag: 'button',
  id: 'add-to-cart',
  classes: ['add-to-cart'],
  text: 'Add to cart',
  selector: 'button#add-to-cart',
};
const click = (goalId: string, at: number, element: ElementInfo = button) =>
  firing(goalId, at, { id: `${goalId}@${at}`, trigger: 'click', element });
const submit = (goalId: string, at: number, element: ElementInfo) =>
  firing(goalId, at, { id: `${goalId}@${at}`, trigger: 'form_submit', element });
const pushed = (goalId: string, at: number, event: string) =>
  firing(goalId, at, {
    id: `${goalId}@${at}`,
    trigger: 'datalayer_event',
    element: undefined,
    detail: { event, source: 'dataLayer' },
  });
const contactForm: ElementInfo = {
  tag: 'form',
  id: 'contact',
  text: 'Call me back',
  selector: 'form#contact',
  fields: ['email', 'tel'],
};
const newsletterForm: ElementInfo = {
  tag: 'form',
  id: 'newsletter',
  text: 'Subscribe',
  selector: 'form#newsletter',
  fields: ['email'],
};

/** `owner: other, other` for each action, in time order. */
function owners(goals: Goal[], firings: StoredFiring[], origins?: Map<string, GoalOrigin>): string[] {
  return groupActions(goals, firings, origins).map((a) =>
    [a.owner.goal.id, ...a.others.map((o) => o.goal.id)].join(' > '),
  );
}

describe('selectorScore and explicitness', () => {
  it.each<[string, number]>([
    ['form#newsletter', 3],
    ['#subscribe', 3],
    ['.add-to-cart', 2],
    ['[name=add-to-cart], .add-to-cart', 2],
    ['form[action*="/cart/add"]', 2],
    ['form:not(:has(input[type=password], input[type=tel], textarea))', 1],
    ['form:not(.checkout):not([action*=checkout])', 1],
    ['button', 1],
  ])('%s scores %i', (selector, want) => expect(selectorScore(selector)).toBe(want));

  it.each<[string, Trigger, number]>([
    ['a caption', { kind: 'click', text: 'Add to cart' }, 1],
    ['a class', { kind: 'click', selector: '.add-to-cart' }, 2],
    ['an id', { kind: 'click', selector: '#buy' }, 3],
    ['a form by a field only', { kind: 'form_submit', hasField: 'email' }, 0],
    ['a named dataLayer event', { kind: 'datalayer_event', event: 'add_to_cart' }, 2],
    ['any download', { kind: 'download' }, 1],
    ['PDF downloads', { kind: 'download', extensions: ['pdf'] }, 2],
  ])('%s', (_, trigger, want) => expect(explicitness(trigger)).toBe(want));
});

describe('groupActions: who owns an action', () => {
  it.each<[string, Goal[], StoredFiring[], string[], Map<string, GoalOrigin>?]>([
    [
      'overlapping selectors on one click: the id beats the class',
      [
        goal('by_class', { kind: 'click', selector: '.add-to-cart' }),
        goal('by_id', { kind: 'click', selector: '#add-to-cart' }),
      ],
      [click('by_class', T0), click('by_id', T0 + 1)],
      ['by_id > by_class'],
    ],
    [
      'an explicit selector beats a caption (heuristic), whatever the plan order',
      [
        goal('caption', { kind: 'click', text: 'Add to cart' }),
        goal('selector', { kind: 'click', selector: '.add-to-cart' }),
      ],
      [click('caption', T0), click('selector', T0)],
      ['selector > caption'],
    ],
    [
      'a selector with a caption beats the same selector alone',
      [
        goal('plain', { kind: 'click', selector: '.add-to-cart' }),
        goal('worded', { kind: 'click', selector: '.add-to-cart', text: 'Add' }),
      ],
      [click('plain', T0), click('worded', T0)],
      ['worded > plain'],
    ],
    [
      'a form asking for a phone beats one asking for an email',
      [
        goal('email', { kind: 'form_submit', hasField: 'email' }, [{ vendor: 'meta-pixel', event: 'Lead' }]),
        goal('phone', { kind: 'form_submit', hasField: 'tel' }, [{ vendor: 'meta-pixel', event: 'Contact' }]),
      ],
      [submit('email', T0, contactForm), submit('phone', T0, contactForm)],
      ['phone > email'],
    ],
    [
      'a goal that expects tags beats one that only logs',
      [
        goal('logged', { kind: 'click', selector: '#add-to-cart' }, []),
        goal('checked', { kind: 'click', text: 'Add to cart' }),
      ],
      [click('logged', T0), click('checked', T0)],
      ['checked > logged'],
    ],
    [
      "a plan's own goal beats a shipped one, even with a weaker trigger",
      [
        libraryGoal('add_to_cart'),
        goal('mine', { kind: 'click', text: 'Add to cart' }, [{ vendor: 'ga4', event: 'add_to_cart' }]),
      ],
      [click('add_to_cart', T0), click('mine', T0)],
      ['mine > add_to_cart'],
    ],
    [
      "a per-site plan's goal beats a general plan's",
      [goal('general', { kind: 'click', selector: '#add-to-cart' }), goal('site', { kind: 'click', text: 'Add' })],
      [click('general', T0), click('site', T0)],
      ['site > general'],
      new Map<string, GoalOrigin>([
        ['general', 'own'],
        ['site', 'site'],
      ]),
    ],
    [
      'a tie goes to the earlier goal of the plan',
      [goal('first', { kind: 'click', selector: '.a' }), goal('second', { kind: 'click', selector: '.b' })],
      [click('second', T0), click('first', T0 + 2)],
      ['first > second'],
    ],
  ])('%s', (_, goals, firings, want, origins) => expect(owners(goals, firings, origins)).toEqual(want));

  it('owns the three default add-to-cart goals of one click, the dataLayer push of its handler included', () => {
    const goals = [libraryGoal('add_to_cart'), libraryGoal('add_to_cart_text'), libraryGoal('add_to_cart_event')];
    const firings = [
      click('add_to_cart_text', T0),
      click('add_to_cart', T0),
      pushed('add_to_cart_event', T0 + 4, 'add_to_cart'),
    ];
    expect(owners(goals, firings)).toEqual(['add_to_cart > add_to_cart_event > add_to_cart_text']);
  });

  it.each<[string, StoredFiring[], string[]]>([
    ['two clicks 1 s apart are two actions', [click('a', T0), click('a', T0 + 1000)], ['a', 'a']],
    [
      'a goal firing twice within a few ms (a double click) is two actions',
      [click('a', T0), click('a', T0 + 40)],
      ['a', 'a'],
    ],
    [
      'two submits of two forms 0.4 s apart are two actions',
      [submit('a', T0, newsletterForm), submit('b', T0 + 400, contactForm)],
      ['a', 'b'],
    ],
    [
      'two forms submitted at once are two actions',
      [submit('a', T0, newsletterForm), submit('b', T0 + 1, contactForm)],
      ['a', 'b'],
    ],
    [
      'the same click in two tabs is two actions',
      [click('a', T0), { ...click('b', T0), id: 'other-tab', tabId: 2 }],
      ['a', 'b'],
    ],
    [
      'a dataLayer event with no tag in common stays apart',
      [click('a', T0), pushed('logged', T0 + 5, 'add_to_cart')],
      ['a', 'logged'],
    ],
    [
      'a dataLayer event 3 s later is another action',
      [click('a', T0), pushed('dl', T0 + 3000, 'add_to_cart')],
      ['a', 'dl'],
    ],
  ])('%s', (_, firings, want) => {
    const goals = [
      goal('a', { kind: 'click', selector: '.a' }),
      goal('b', { kind: 'form_submit', selector: '#b' }),
      goal('dl', { kind: 'datalayer_event', event: 'add_to_cart' }),
      goal('logged', { kind: 'datalayer_event', event: 'add_to_cart' }, []),
    ];
    expect(owners(goals, firings)).toEqual(want);
  });

  it('links each dataLayer push to the nearest click, not to every click in reach', () => {
    const goals = [
      goal('a', { kind: 'click', selector: '.a' }),
      goal('dl', { kind: 'datalayer_event', event: 'add_to_cart' }),
    ];
    const firings = [
      click('a', T0),
      pushed('dl', T0 + 8, 'add_to_cart'),
      click('a', T0 + 1500),
      pushed('dl', T0 + 1507, 'add_to_cart'),
    ];
    expect(owners(goals, firings)).toEqual(['a > dl', 'a > dl']);
  });

  it('leaves out firings of goals not in force', () =>
    expect(owners([goal('a', { kind: 'click', selector: '.a' })], [click('gone', T0)])).toEqual([]));
});

describe('reconcile with ownership', () => {
  const meta = (id: string, trigger: Trigger, event: string): Goal => ({
    id,
    name: id,
    trigger,
    expect: [{ vendor: 'meta-pixel', event }],
  });

  it('gives one verdict per action: the owner judges, the others say who owns it', () => {
    const goals = [libraryGoal('add_to_cart'), libraryGoal('add_to_cart_text'), libraryGoal('add_to_cart_event')];
    const results = reconcile(
      goals,
      [click('add_to_cart', T0), click('add_to_cart_text', T0), pushed('add_to_cart_event', T0 + 3, 'add_to_cart')],
      [hit('ga4', 'add_to_cart', T0 + 20)],
    );
    const [owner, text, event] = results;
    expect(owner!.firings[0]!.tags.map((t) => t.status)).toEqual(['sent', 'missing']);
    expect(owner!.firings[0]!.alsoMatched.map((m) => m.goal.id)).toEqual(['add_to_cart_event', 'add_to_cart_text']);
    for (const r of [text!, event!]) {
      expect(r.fired).toBe(1);
      expect(r.firings[0]!.tags).toEqual([]);
      expect(r.firings[0]!.ownedBy?.goal.id).toBe('add_to_cart');
    }
  });

  it("does not call the contact form's submit a newsletter signup without Lead (the README demo's false alarm)", () => {
    const newsletter = libraryGoal('newsletter_signup');
    const contact = libraryGoal('contact_request');
    // What the content script reports for the contact form: the shipped newsletter goal does not match a form with a phone field.
    const results = reconcile(
      [newsletter, contact],
      [submit('newsletter_signup', T0, newsletterForm), submit('contact_request', T0 + 400, contactForm)],
      [
        hit('ga4', 'generate_lead', T0 + 10, { id: 'g1' }),
        hit('meta-pixel', 'Lead', T0 + 12, { id: 'm1' }),
        hit('ga4', 'generate_lead', T0 + 410, { id: 'g2' }),
        hit('meta-pixel', 'Contact', T0 + 412, { id: 'm2' }),
      ],
    );
    expect(results.map((r) => r.firings.map((f) => f.tags.map((t) => `${t.status}:${t.hitId}`).join(' ')))).toEqual([
      ['sent:g1 sent:m1'],
      ['sent:g2 sent:m2'],
    ]);
  });

  it.each<[string, number, number, string, string]>([
    ['each of two close submits gets its own generate_lead', T0 + 10, T0 + 410, 'sent:a', 'sent:b'],
    ["one hit after the second submit is the second's; the first says so", T0 + 420, Number.NaN, 'missing', 'sent:a'],
    ["one hit right after the first submit is the first's", T0 + 30, Number.NaN, 'sent:a', 'missing'],
  ])('two actions 0.4 s apart: %s', (_, first, second, wantA, wantB) => {
    const a = meta('news', { kind: 'form_submit', selector: '#newsletter' }, 'Lead');
    const b = meta('contact', { kind: 'form_submit', selector: '#contact' }, 'Lead');
    const hits = [
      hit('meta-pixel', 'Lead', first, { id: 'a' }),
      ...(Number.isNaN(second) ? [] : [hit('meta-pixel', 'Lead', second, { id: 'b' })]),
    ];
    const results = reconcile(
      [a, b],
      [submit('news', T0, newsletterForm), submit('contact', T0 + 400, contactForm)],
      hits,
    );
    const status = (i: number) =>
      results[i]!.firings[0]!.tags.map((t) => (t.hitId ? `${t.status}:${t.hitId}` : t.status)).join(' ');
    expect([status(0), status(1)]).toEqual([wantA, wantB]);
    const missingOne = results.flatMap((r) => r.firings.flatMap((f) => f.tags)).find((t) => t.status === 'missing');
    if (missingOne)
      expect(missingOne.hint).toMatch(
        /counts for “(news|contact)” on the “(Subscribe|Call me back)” form .*nearer in time/,
      );
  });
});

describe('observations numbered by the content script', () => {
  const guide: ElementInfo = { tag: 'a', id: 'care-guide', text: 'Care guide (PDF)', selector: 'a#care-guide' };
  const goals = [
    goal('cart', { kind: 'click', selector: '#add-to-cart' }),
    goal('guide', { kind: 'download' }, [{ vendor: 'ga4', event: 'file_download' }]),
    goal('cart_caption', { kind: 'click', text: 'Add to cart' }),
  ];
  const numbered = (f: StoredFiring, observation: number): StoredFiring => ({ ...f, observation });

  it('keeps two clicks apart that a busy renderer dispatched within a millisecond', () => {
    const firings = [numbered(click('cart', T0), 1), numbered(click('guide', T0 + 1, guide), 2)];
    expect(owners(goals, firings)).toEqual(['cart', 'guide']);
  });

  it('still makes one action of the goals one click matched', () => {
    const firings = [numbered(click('cart', T0), 3), numbered(click('cart_caption', T0 + 2), 3)];
    expect(owners(goals, firings)).toEqual(['cart > cart_caption']);
  });

  it('goes by time for firings stored before they were numbered', () => {
    const firings = [click('cart', T0), click('guide', T0 + 1, guide)];
    expect(owners(goals, firings)).toHaveLength(1);
  });
});
