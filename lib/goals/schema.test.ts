import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from './default-plan';
import { parsePlan, parsePlanText } from './schema';

const KINDS =
  'form_submit, click, video, datalayer_event, page_view, scroll_depth, download, outbound_click, site_search, element_visible, time_on_page';
const VENDORS =
  'ga4, universal-analytics, gtm, google-ads, floodlight, meta-pixel, linkedin, tiktok, pinterest, snapchat, x, microsoft-uet, reddit, quora, criteo, adobe-analytics, segment, mixpanel, amplitude, heap, hotjar, matomo, plausible, posthog, snowplow, klaviyo, hubspot, rudderstack, tealium, clarity, ' +
  'adobe-web-sdk, adobe-target, adobe-launch, adobe-dtm, adobe-audience-manager, adobe-ecid, adobe-heartbeat, at-internet, comscore, parsely, webtrends, piwik-pro, piwik-pro-tag-manager, ensighten, mparticle, lytics, fullstory, crazy-egg, glassbox, medallia-dxa, indicative, split, optimizely, dynamic-yield, omniconvert, ' +
  '6sense, demandbase, merkury, braze, brevo, invoca, vibes, amazon-ads, the-trade-desk, adform, outbrain, teads, rtb-house, zemanta, sojern, seznam-sklik, spotify-pixel, taboola, yahoo-ads, customer-io, vwo, intercom';

/** A plan of one goal; `goal` is merged over a valid click goal. */
const withGoal = (goal: Record<string, unknown>): unknown => ({
  version: 1,
  name: 'Test',
  goals: [{ id: 'g', trigger: { kind: 'click', selector: '.cta' }, ...goal }],
});
const withTrigger = (trigger: unknown): unknown => withGoal({ trigger });
const withExpect = (...expect: unknown[]): unknown => withGoal({ expect });

describe('parsePlan refuses', () => {
  it.each<[string, unknown, string[]]>([
    // the plan itself
    ['a string', 'plan', ['plan: expected an object like {"version": 1, "name": "…", "goals": […]} (got "plan")']],
    ['null', null, ['plan: expected an object like {"version": 1, "name": "…", "goals": […]} (got null)']],
    [
      'a bare list of goals',
      [],
      ['plan: expected an object like {"version": 1, "goals": […]}, not a list (put the goals in "goals")'],
    ],
    ['an empty object', {}, ['version: expected 1', 'goals: missing — add "goals": [ … ], the list of goals']],
    ['another version', { version: 2, goals: [] }, ['version: expected 1']],
    ['the version as a string', { version: '1', goals: [] }, ['version: expected 1']],
    ['goals that are not a list', { version: 1, goals: {} }, ['goals: expected a list of goals (got {})']],
    [
      'an unknown plan key',
      { version: 1, goals: [], goal: [] },
      ['goal: unknown key (allowed: version, name, goals, scope, funnels) — did you mean "goals"?'],
    ],
    [
      'an empty plan scope',
      { version: 1, goals: [], scope: [] },
      ['scope: expected at least one URL pattern; remove "scope" to apply everywhere'],
    ],
    [
      'a bad regex in the plan scope',
      { version: 1, goals: [], scope: ['/shop(/'] },
      ['scope[0]: invalid regex /shop(/ (Unterminated group); fix it, or write a glob like "*/checkout*"'],
    ],
    ['an empty plan name', { version: 1, name: ' ', goals: [] }, ['name: expected a plan name, not an empty string']],

    // goals
    [
      'a goal that is not an object',
      { version: 1, goals: ['newsletter'] },
      [
        'goals[0]: expected an object like {"id": "newsletter_signup", "trigger": {…}, "expect": […]} (got "newsletter")',
      ],
    ],
    [
      'a goal without id',
      { version: 1, goals: [{ trigger: { kind: 'click', text: 'Buy' } }] },
      ['goals[0].id: missing — every goal needs a unique "id"'],
    ],
    [
      'an empty id',
      withGoal({ id: '  ' }),
      ['goals[0].id: expected a goal id like "newsletter_signup", not an empty string'],
    ],
    ['a numeric id', withGoal({ id: 7 }), ['goals[0].id: expected a goal id like "newsletter_signup" (got 7)']],
    [
      'a goal without trigger',
      { version: 1, goals: [{ id: 'g' }] },
      ['goals[0].trigger: missing — what makes the goal happen, e.g. {"kind": "form_submit", "hasField": "email"}'],
    ],
    [
      'an unknown category',
      withGoal({ category: 'conversion' }),
      [
        'goals[0].category: unknown category "conversion" (expected one of engagement, navigation, interaction, trust, macro)',
      ],
    ],
    [
      'an unknown site kind',
      withGoal({ siteKinds: ['shop', 'blog'] }),
      ['goals[0].siteKinds[1]: unknown site kind "blog" (expected one of shop, lead_gen, content)'],
    ],
    [
      'a goal key typo',
      withGoal({ categroy: 'trust' }),
      [
        'goals[0].categroy: unknown key (allowed: id, name, category, trigger, expect, windowMs, scope, siteKinds) — did you mean "category"?',
      ],
    ],
    [
      'windowMs below 0',
      withGoal({ windowMs: -1 }),
      ['goals[0].windowMs: expected a number of milliseconds from 0 to 600000 (got -1)'],
    ],
    [
      'windowMs above ten minutes',
      withGoal({ windowMs: 600_001 }),
      ['goals[0].windowMs: expected a number of milliseconds from 0 to 600000 (got 600001)'],
    ],
    [
      'windowMs as text',
      withGoal({ windowMs: '5000' }),
      ['goals[0].windowMs: expected a number of milliseconds from 0 to 600000 (got "5000")'],
    ],
    [
      'a goal scope that is a string',
      withGoal({ scope: '*/shop/*' }),
      [
        'goals[0].scope: expected a list of URL patterns or origins like ["https://shop.example", "*/checkout*"] (got "*/shop/*")',
      ],
    ],
    [
      'expect that is not a list',
      withGoal({ expect: { vendor: 'ga4' } }),
      ['goals[0].expect: expected a list of tags like [{"vendor": "ga4", "event": "sign_up"}] (got {"vendor":"ga4"})'],
    ],
    [
      'duplicate ids',
      {
        version: 1,
        goals: [0, 1, 2, 3]
          .map((i) => ({ id: i === 3 ? 'newsletter' : `g${i}`, trigger: { kind: 'click', text: 'x' } }))
          .map((g, i) => (i === 1 ? { ...g, id: 'newsletter' } : g)),
      },
      ['goals[3].id: duplicate id "newsletter" (goals[1] has it too; ids must be unique)'],
    ],
    [
      'duplicate ids differing in spaces',
      {
        version: 1,
        goals: [
          { id: 'a', trigger: { kind: 'click', text: 'x' } },
          { id: ' a ', trigger: { kind: 'click', text: 'x' } },
        ],
      },
      ['goals[1].id: duplicate id "a" (goals[0] has it too; ids must be unique)'],
    ],

    // triggers
    [
      'a misspelled kind',
      withTrigger({ kind: 'sumbit' }),
      [`goals[0].trigger.kind: unknown kind "sumbit" (expected one of ${KINDS}) — did you mean "form_submit"?`],
    ],
    [
      'an alias of a kind',
      withTrigger({ kind: 'pageview', url: '*' }),
      [`goals[0].trigger.kind: unknown kind "pageview" (expected one of ${KINDS}) — did you mean "page_view"?`],
    ],
    [
      'an unknown kind',
      withTrigger({ kind: 'hover' }),
      [`goals[0].trigger.kind: unknown kind "hover" (expected one of ${KINDS})`],
    ],
    [
      'no kind',
      withTrigger({ selector: 'form' }),
      [`goals[0].trigger.kind: missing — name the kind (one of ${KINDS})`],
    ],
    [
      'a trigger that is a string',
      withTrigger('click'),
      ['goals[0].trigger: expected an object like {"kind": "click", "selector": ".cta"} (got "click")'],
    ],
    [
      'a trigger key typo',
      withTrigger({ kind: 'form_submit', hasFeild: 'email' }),
      [
        'goals[0].trigger.hasFeild: unknown key for form_submit (allowed: kind, selector, hasField) — did you mean "hasField"?',
      ],
    ],
    [
      'a key of another kind',
      withTrigger({ kind: 'click', selector: 'a', url: '*' }),
      ['goals[0].trigger.url: unknown key for click (allowed: kind, selector, text)'],
    ],
    [
      'click without selector or text',
      withTrigger({ kind: 'click' }),
      ['goals[0].trigger: click needs "selector" or "text"'],
    ],
    [
      'click with empty text',
      withTrigger({ kind: 'click', text: '' }),
      ['goals[0].trigger.text: expected the text of the button or link, not an empty string'],
    ],
    [
      'video without action',
      withTrigger({ kind: 'video' }),
      ['goals[0].trigger.action: video needs "action" (one of play, progress, complete)'],
    ],
    [
      'video with an unknown action',
      withTrigger({ kind: 'video', action: 'start' }),
      ['goals[0].trigger.action: unknown action "start" (expected one of play, progress, complete)'],
    ],
    [
      'video percent on play',
      withTrigger({ kind: 'video', action: 'play', percent: 50 }),
      ['goals[0].trigger: "percent" only applies to video "action": "progress"'],
    ],
    [
      'video percent above 100',
      withTrigger({ kind: 'video', action: 'progress', percent: 150 }),
      ['goals[0].trigger.percent: expected a number from 1 to 100 (got 150)'],
    ],
    [
      'datalayer_event without event',
      withTrigger({ kind: 'datalayer_event' }),
      [
        'goals[0].trigger.event: datalayer_event needs "event" (the event name pushed to the dataLayer, e.g. "add_to_cart")',
      ],
    ],
    [
      'page_view without url',
      withTrigger({ kind: 'page_view' }),
      ['goals[0].trigger.url: page_view needs "url" (a glob like "*/thank-you*" or a /regex/)'],
    ],
    [
      'page_view with a bad regex',
      withTrigger({ kind: 'page_view', url: '/thank(you/' }),
      [
        'goals[0].trigger.url: invalid regex /thank(you/ (Unterminated group); fix it, or write a glob like "*/checkout*"',
      ],
    ],
    [
      'page_view with bad regex flags',
      withTrigger({ kind: 'page_view', url: '/thank/ii' }),
      [
        'goals[0].trigger.url: invalid regex /thank/ii (Invalid flags supplied to RegExp constructor \'ii\'); fix it, or write a glob like "*/checkout*"',
      ],
    ],
    [
      'scroll_depth without percent',
      withTrigger({ kind: 'scroll_depth' }),
      ['goals[0].trigger.percent: scroll_depth needs "percent" (1 to 100)'],
    ],
    [
      'scroll_depth 0',
      withTrigger({ kind: 'scroll_depth', percent: 0 }),
      ['goals[0].trigger.percent: expected a number from 1 to 100 (got 0)'],
    ],
    [
      'scroll_depth 101',
      withTrigger({ kind: 'scroll_depth', percent: 101 }),
      ['goals[0].trigger.percent: expected a number from 1 to 100 (got 101)'],
    ],
    [
      'scroll_depth as text',
      withTrigger({ kind: 'scroll_depth', percent: '75%' }),
      ['goals[0].trigger.percent: expected a number from 1 to 100 (got "75%")'],
    ],
    [
      'time_on_page without seconds',
      withTrigger({ kind: 'time_on_page' }),
      ['goals[0].trigger.seconds: time_on_page needs "seconds" (greater than 0)'],
    ],
    [
      'time_on_page 0 seconds',
      withTrigger({ kind: 'time_on_page', seconds: 0 }),
      ['goals[0].trigger.seconds: expected a number of seconds greater than 0 (got 0)'],
    ],
    [
      'element_visible without selector',
      withTrigger({ kind: 'element_visible' }),
      ['goals[0].trigger.selector: element_visible needs "selector" (the element to watch, e.g. "#reviews")'],
    ],
    [
      'download with an empty list',
      withTrigger({ kind: 'download', extensions: [] }),
      ['goals[0].trigger.extensions: expected at least one entry; remove the key to use the default'],
    ],
    [
      'download with a list of numbers',
      withTrigger({ kind: 'download', extensions: [1] }),
      ['goals[0].trigger.extensions[0]: expected a file extension (got 1)'],
    ],
    [
      'outbound_click hosts as a string',
      withTrigger({ kind: 'outbound_click', hosts: 'partner.example' }),
      ['goals[0].trigger.hosts: expected a list like ["partner.example"] (got "partner.example")'],
    ],
    [
      'site_search with an empty param',
      withTrigger({ kind: 'site_search', param: '' }),
      ['goals[0].trigger.param: expected a query parameter name (or several, comma-separated), not an empty string'],
    ],

    // expected tags
    [
      'an unknown vendor',
      withExpect({ vendor: 'ga4', event: 'sign_up' }, { vendor: 'facebook', event: 'Lead' }),
      [
        `goals[0].expect[1].vendor: unknown vendor "facebook" (expected one of ${VENDORS}) — did you mean "meta-pixel"?`,
      ],
    ],
    [
      'a near miss of a vendor',
      withExpect({ vendor: 'meta_pixl' }),
      [
        `goals[0].expect[0].vendor: unknown vendor "meta_pixl" (expected one of ${VENDORS}) — did you mean "meta-pixel"?`,
      ],
    ],
    [
      'no vendor',
      withExpect({ event: 'Lead' }),
      [`goals[0].expect[0].vendor: missing — name the vendor (one of ${VENDORS})`],
    ],
    [
      'an expect key typo',
      withExpect({ vendor: 'ga4', evnt: 'sign_up' }),
      ['goals[0].expect[0].evnt: unknown key (allowed: vendor, event, account, params) — did you mean "event"?'],
    ],
    [
      'params that are a list',
      withExpect({ vendor: 'ga4', params: ['value'] }),
      [
        'goals[0].expect[0].params: expected an object of parameter rules like {"currency": "EUR", "value": {"exists": true}} (got ["value"])',
      ],
    ],
    [
      'a bad regex in a param rule',
      withExpect({ vendor: 'ga4', params: { transaction_id: { regex: '^(T-' } } }),
      ['goals[0].expect[0].params.transaction_id.regex: invalid regex "^(T-" (Unterminated group)'],
    ],
    [
      'an unknown param rule',
      withExpect({ vendor: 'ga4', params: { value: { exist: true } } }),
      [
        'goals[0].expect[0].params.value: expected a value ("EUR"), {"exists": true}, {"regex": "^T-"} or {"equals": "…"} (got {"exist":true})',
      ],
    ],
    [
      'exists as a string',
      withExpect({ vendor: 'ga4', params: { value: { exists: 'yes' } } }),
      [
        'goals[0].expect[0].params.value: expected a value ("EUR"), {"exists": true}, {"regex": "^T-"} or {"equals": "…"} (got {"exists":"yes"})',
      ],
    ],
  ])('%s', (_, input, errors) => expect(parsePlan(input)).toEqual({ ok: false, errors }));

  it('reports every error at once, in the order of the goals', () => {
    const result = parsePlan({
      version: 1,
      goals: [
        { id: 'a', trigger: { kind: 'click', text: 'x' } },
        { id: 'a', trigger: { kind: 'scroll_depth', percent: 0 } },
        { id: 'b', trigger: { kind: 'click' }, expect: [{ vendor: 'fb' }] },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'goals[1].trigger.percent: expected a number from 1 to 100 (got 0)',
        'goals[1].id: duplicate id "a" (goals[0] has it too; ids must be unique)',
        'goals[2].trigger: click needs "selector" or "text"',
        `goals[2].expect[0].vendor: unknown vendor "fb" (expected one of ${VENDORS}) — did you mean "meta-pixel"?`,
      ],
    });
  });

  it('caps a flood of errors', () => {
    const goals = Array.from({ length: 80 }, (_, i) => ({ id: `g${i}`, trigger: { kind: 'nope' } }));
    const result = parsePlan({ version: 1, goals });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(51);
      expect(result.errors[50]).toBe('… and 30 more errors');
    }
  });

  it('checks selectors when given a checker', () => {
    const isValidSelector = (s: string): boolean => !s.includes('[[');
    expect(parsePlan(withTrigger({ kind: 'element_visible', selector: 'div[[x' }), { isValidSelector })).toEqual({
      ok: false,
      errors: ['goals[0].trigger.selector: invalid CSS selector "div[[x"'],
    });
    expect(parsePlan(withTrigger({ kind: 'element_visible', selector: 'div[[x' })).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (input) => void parsePlan(input)));
    fc.assert(fc.property(fc.jsonValue(), (input) => void parsePlan({ version: 1, goals: [input] })));
  });
});

describe('parsePlan accepts and normalises', () => {
  it('the example of DESIGN.md', () => {
    const plan = {
      version: 1,
      name: 'Shop micro-conversions',
      goals: [
        {
          id: 'newsletter_signup',
          name: 'Newsletter signup',
          category: 'interaction',
          trigger: { kind: 'form_submit', selector: 'form', hasField: 'email' },
          expect: [
            { vendor: 'ga4', event: 'sign_up' },
            { vendor: 'meta-pixel', event: 'Lead' },
          ],
          windowMs: 5000,
        },
      ],
    };
    expect(parsePlan(plan)).toEqual({ ok: true, plan });
  });

  it('a "$schema" key for editors, which the plan in force leaves out', () => {
    const goals = [{ id: 'g', name: 'g', trigger: { kind: 'click', text: 'Buy' } }];
    expect(parsePlan({ $schema: '../schemas/plan.v1.json', version: 1, name: 'P', goals })).toEqual({
      ok: true,
      plan: { version: 1, name: 'P', goals },
    });
    expect(parsePlan({ $schema: 7, version: 1, goals })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^\$schema: /)],
    });
  });

  it.each<[string, unknown, unknown]>([
    [
      'a goal name from its id',
      { id: 'g', trigger: { kind: 'click', text: 'Buy' } },
      { id: 'g', name: 'g', trigger: { kind: 'click', text: 'Buy' } },
    ],
    [
      'trimmed strings',
      { id: ' g ', name: ' G ', trigger: { kind: 'click', selector: ' .buy ' } },
      { id: 'g', name: 'G', trigger: { kind: 'click', selector: '.buy' } },
    ],
    [
      'extensions in lower case, without dots, once each',
      { id: 'g', trigger: { kind: 'download', extensions: ['.PDF', 'zip', 'pdf'] } },
      { id: 'g', name: 'g', trigger: { kind: 'download', extensions: ['pdf', 'zip'] } },
    ],
    [
      'hosts from URLs and wildcards',
      {
        id: 'g',
        trigger: { kind: 'outbound_click', hosts: ['https://Partner.example/path', '*.cdn.example', 'x.example:8080'] },
      },
      {
        id: 'g',
        name: 'g',
        trigger: { kind: 'outbound_click', hosts: ['partner.example', 'cdn.example', 'x.example'] },
      },
    ],
    [
      'numbers in param rules as text',
      {
        id: 'g',
        trigger: { kind: 'click', text: 'x' },
        expect: [
          {
            vendor: 'ga4',
            params: {
              value: 9.5,
              debug: true,
              currency: { equals: 'EUR' },
              tid: { regex: '^T-' },
              v: { exists: false },
            },
          },
        ],
      },
      {
        id: 'g',
        name: 'g',
        trigger: { kind: 'click', text: 'x' },
        expect: [
          {
            vendor: 'ga4',
            params: {
              value: '9.5',
              debug: 'true',
              currency: { equals: 'EUR' },
              tid: { regex: '^T-' },
              v: { exists: false },
            },
          },
        ],
      },
    ],
    [
      'windowMs 0',
      { id: 'g', trigger: { kind: 'time_on_page', seconds: 0.5 }, windowMs: 0 },
      { id: 'g', name: 'g', trigger: { kind: 'time_on_page', seconds: 0.5 }, windowMs: 0 },
    ],
    [
      'a video progress percent',
      { id: 'g', trigger: { kind: 'video', action: 'progress', percent: 25, selector: 'video' } },
      { id: 'g', name: 'g', trigger: { kind: 'video', action: 'progress', percent: 25, selector: 'video' } },
    ],
    [
      'scope with origins and regexes',
      { id: 'g', trigger: { kind: 'scroll_depth', percent: 100 }, scope: ['https://shop.example', '/\\/blog\\//i'] },
      {
        id: 'g',
        name: 'g',
        trigger: { kind: 'scroll_depth', percent: 100 },
        scope: ['https://shop.example', '/\\/blog\\//i'],
      },
    ],
  ])('%s', (_, goal, want) => {
    expect(parsePlan({ version: 1, goals: [goal] })).toEqual({
      ok: true,
      plan: { version: 1, name: 'Untitled plan', goals: [want] },
    });
  });

  it('the default plan, unchanged', () => expect(parsePlan(DEFAULT_PLAN)).toEqual({ ok: true, plan: DEFAULT_PLAN }));

  it('its own output, unchanged', () => {
    const once = parsePlan({ version: 1, goals: [{ id: ' a ', trigger: { kind: 'download', extensions: ['.PDF'] } }] });
    if (!once.ok) throw new Error(once.errors.join('\n'));
    expect(parsePlan(once.plan)).toEqual(once);
  });
});

describe('funnels', () => {
  const goal = (id: string) => ({ id, trigger: { kind: 'click', text: id } });
  const SHOP_GOALS = ['product_view', 'add_to_cart', 'add_to_cart_form', 'checkout', 'purchase'].map(goal);
  const withFunnels = (funnels: unknown): unknown => ({ version: 1, name: 'Shop', goals: SHOP_GOALS, funnels });

  it('are kept, a missing name taken from the id, a step that lists several goals kept as a list', () => {
    const result = parsePlan(
      withFunnels([
        { id: ' checkout ', steps: ['product_view', [' add_to_cart ', 'add_to_cart_form'], 'checkout', 'purchase'] },
      ]),
    );
    expect(result.ok && result.plan.funnels).toEqual([
      {
        id: 'checkout',
        name: 'checkout',
        steps: ['product_view', ['add_to_cart', 'add_to_cart_form'], 'checkout', 'purchase'],
      },
    ]);
  });

  it('a plan without funnels has none', () => {
    const result = parsePlan({ version: 1, goals: SHOP_GOALS });
    expect(result.ok && 'funnels' in result.plan).toBe(false);
  });

  it.each<[string, unknown, string[]]>([
    [
      'a misspelt goal',
      [{ id: 'c', steps: ['product_view', 'add_to_cart', 'chekout'] }],
      [
        'funnels[0].steps[2]: unknown goal "chekout" (the plan\'s goals: product_view, add_to_cart, add_to_cart_form, checkout, purchase) — did you mean "checkout"?',
      ],
    ],
    [
      'an unknown goal inside a step list',
      [{ id: 'c', steps: ['product_view', ['add_to_cart', 'add_to_basket']] }],
      [
        'funnels[0].steps[1][1]: unknown goal "add_to_basket" (the plan\'s goals: product_view, add_to_cart, add_to_cart_form, checkout, purchase)',
      ],
    ],
    [
      'a goal twice',
      [{ id: 'c', steps: ['add_to_cart', 'checkout', ['add_to_cart_form', 'add_to_cart']] }],
      ['funnels[0].steps[2][1]: goal "add_to_cart" is already in this funnel (steps[0]); each goal is one step'],
    ],
    [
      'one step only',
      [{ id: 'c', steps: ['purchase'] }],
      ['funnels[0].steps: expected at least two steps: a funnel is the path from one goal to another'],
    ],
    [
      'no steps',
      [{ id: 'c' }],
      [
        'funnels[0].steps: missing — the goal ids of the funnel, in order: "steps": ["product_view", "add_to_cart", "purchase"]',
      ],
    ],
    [
      'no id',
      [{ steps: ['checkout', 'purchase'] }],
      ['funnels[0].id: missing — every funnel needs a unique "id" (journeys name it in "expectFunnel")'],
    ],
    [
      'duplicate ids',
      [
        { id: 'c', steps: ['checkout', 'purchase'] },
        { id: 'c', steps: ['add_to_cart', 'purchase'] },
      ],
      ['funnels[1].id: duplicate id "c" (funnels[0] has it too; ids must be unique)'],
    ],
    [
      'a step that is a number',
      [{ id: 'c', steps: ['checkout', 3] }],
      [
        'funnels[0].steps[1]: expected a goal id like "add_to_cart", or a list of goals that are the same step like ["add_to_cart", "add_to_cart_form"] (got 3)',
      ],
    ],
    [
      'an empty step list',
      [{ id: 'c', steps: ['checkout', []] }],
      [
        'funnels[0].steps[1]: expected at least one goal id in the list; a step is a goal id, or a list of goals that are the same step',
      ],
    ],
    [
      'a key typo',
      [{ id: 'c', stpes: ['checkout', 'purchase'] }],
      [
        'funnels[0].steps: missing — the goal ids of the funnel, in order: "steps": ["product_view", "add_to_cart", "purchase"]',
        'funnels[0].stpes: unknown key (allowed: id, name, steps) — did you mean "steps"?',
      ],
    ],
    [
      'funnels that are not a list',
      { id: 'c' },
      [
        'funnels: expected a list of funnels like [{"id": "checkout", "steps": ["add_to_cart", "purchase"]}] (got {"id":"c"})',
      ],
    ],
  ])('refuse %s, naming the path', (_, funnels, errors) =>
    expect(parsePlan(withFunnels(funnels))).toEqual({ ok: false, errors }),
  );

  it("are checked against the plan's own goals only, after the goals' own errors", () => {
    const result = parsePlan({
      version: 1,
      goals: [{ id: 'a', trigger: { kind: 'sumbit' } }],
      funnels: [{ id: 'f', steps: ['a', 'b'] }],
    });
    expect(result.ok === false && result.errors.map((e) => e.split(':')[0])).toEqual([
      'goals[0].trigger.kind',
      'funnels[0].steps[1]',
    ]);
  });

  it('say so when the plan has no goals', () =>
    expect(parsePlan({ version: 1, goals: [], funnels: [{ id: 'f', steps: ['a', 'b'] }] })).toEqual({
      ok: false,
      errors: [
        'funnels[0].steps[0]: unknown goal "a" (the plan has no goals yet)',
        'funnels[0].steps[1]: unknown goal "b" (the plan has no goals yet)',
      ],
    }));

  it('never throw, whatever they are', () => {
    fc.assert(fc.property(fc.jsonValue(), (funnels) => void parsePlan(withFunnels(funnels))));
    fc.assert(fc.property(fc.jsonValue(), (steps) => void parsePlan(withFunnels([{ id: 'f', steps }]))));
  });
});

describe('parsePlanText', () => {
  it.each([
    [
      'a trailing comma',
      '{\n  "version": 1,\n  "goals": [\n    {"id": "a",}\n  ]\n}',
      "JSON syntax error at line 4, column 16: trailing comma before '}': remove it",
    ],
    [
      'a trailing comma in a list',
      '{"version": 1, "goals": [1,]}',
      "JSON syntax error at line 1, column 28: trailing comma before ']': remove it",
    ],
    [
      'single quotes',
      "{'version': 1}",
      'JSON syntax error at line 1, column 2: property names take double quotes, not single',
    ],
    [
      'a missing colon',
      '{\n"version" 1}',
      "JSON syntax error at line 2, column 11: expected ':' after the property name, found '1'",
    ],
    [
      'a missing comma',
      '{"version": 1\n "goals": []}',
      "JSON syntax error at line 2, column 2: expected ',' or '}' after a property value, found '\"'",
    ],
    ['a cut-off file', '{"version": 1, "goals": [', 'JSON syntax error at line 1, column 26: unexpected end of text'],
    [
      'an unterminated string',
      '{"version": 1, "name": "Shop\n}',
      'JSON syntax error at line 1, column 29: unterminated string (a closing " is missing)',
    ],
    [
      'a bare word',
      '{"version": one}',
      "JSON syntax error at line 1, column 13: unexpected 'o' where a value should be",
    ],
    [
      'text after the plan',
      '{"version": 1, "goals": []} x',
      "JSON syntax error at line 1, column 29: unexpected 'x' after the end of the JSON value",
    ],
    [
      'a comment',
      '{"version": 1, // v1\n"goals": []}',
      "JSON syntax error at line 1, column 16: expected a double-quoted property name, found '/'",
    ],
    ['a bad escape', '{"name": "a\\q"}', 'JSON syntax error at line 1, column 12: bad escape \\q in a string'],
  ])('locates %s', (_, text, error) => expect(parsePlanText(text)).toEqual({ ok: false, errors: [error] }));

  it.each(['', '  \n', '\uFEFF'])('says what to paste when the text is %j', (text) =>
    expect(parsePlanText(text)).toEqual({
      ok: false,
      errors: ['plan: the text is empty; paste a plan like {"version": 1, "name": "…", "goals": […]}'],
    }),
  );

  it('parses then validates', () => {
    expect(parsePlanText('\uFEFF{"version": 1, "goals": [{"id": "a", "trigger": {"kind": "sumbit"}}]}')).toEqual({
      ok: false,
      errors: [`goals[0].trigger.kind: unknown kind "sumbit" (expected one of ${KINDS}) — did you mean "form_submit"?`],
    });
    expect(parsePlanText(JSON.stringify(DEFAULT_PLAN, null, 2))).toEqual({ ok: true, plan: DEFAULT_PLAN });
  });

  it('finds an error wherever JSON.parse does', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '{', '\n'),
        (json, at, junk) => {
          const cut = at % (json.length + 1);
          const text = json.slice(0, cut) + junk + json.slice(cut);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const result = parsePlanText(text);
          if (!valid && text.trim() !== '')
            expect(result.ok === false && result.errors[0]!.startsWith('JSON syntax error at line ')).toBe(true);
        },
      ),
    );
  });
});
