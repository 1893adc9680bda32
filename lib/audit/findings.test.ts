import { describe, expect, it } from 'vitest';
import type { Goal } from '../goals/types';
import type { ConsentAnswer } from '../consent/answers';
import type { StoredCookie, StoredFiring, StoredHit } from '../store/types';
import { findings, piiInHit, type Finding, type FindingKind } from './findings';
import { reconcile } from './reconcile';
import { firing, hit, newsletter, purchase, T0 } from './testing';

const SHA = '0123456789abcdef'.repeat(4);
const ITEMS = { 'items.0.item_id': 'SKU1' };

function run(
  hits: StoredHit[],
  opts: { goals?: Goal[]; firings?: StoredFiring[]; consent?: ConsentAnswer[]; cookies?: StoredCookie[] } = {},
): Finding[] {
  const goals = opts.goals ?? [];
  const firings = opts.firings ?? [];
  const results = reconcile(goals, firings, hits);
  return findings({ goals, firings, hits, results, consent: opts.consent, cookies: opts.cookies, timeZone: 'UTC' });
}

function only(kind: FindingKind, list: Finding[]): Finding[] {
  return list.filter((f) => f.kind === kind);
}

describe('missing_tag', () => {
  const goals = [newsletter];
  const subscribe = { tag: 'form', id: 'newsletter', text: 'Subscribe', selector: 'form#newsletter' };
  const firings = [firing(newsletter.id, T0, { id: 'f1', element: subscribe })];

  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    ['all sent: no finding', [hit('ga4', 'sign_up', T0 + 5), hit('meta-pixel', 'Lead', T0 + 5)], []],
    [
      'one missing',
      [hit('ga4', 'sign_up', T0 + 5)],
      [
        {
          kind: 'missing_tag',
          severity: 'error',
          status: 'missing',
          goalId: 'newsletter_signup',
          goals: ['newsletter_signup'],
          firingId: 'f1',
          firingIds: ['f1'],
          vendor: 'meta-pixel',
          event: 'Lead',
          at: T0,
          element: 'the “Subscribe” form',
          occurrences: 1,
          outOf: 1,
          todo: 'Meta Pixel Lead is missing on the “Subscribe” form: add the Lead event to the Meta Pixel tag of that form.',
          message:
            'Meta Pixel Lead is missing on the “Subscribe” form: add the Lead event to the Meta Pixel tag of that form. ' +
            'No Meta Pixel hit at all in this tab: is the tag installed and allowed to run?',
        },
      ],
    ],
    [
      'blocked',
      [
        hit('ga4', 'sign_up', T0 + 5),
        hit('meta-pixel', 'Lead', T0 + 5, { id: 'blk', status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
      ],
      [
        {
          kind: 'missing_tag',
          severity: 'error',
          status: 'blocked',
          hitId: 'blk',
          message:
            'Meta Pixel Lead was blocked on the “Subscribe” form (net::ERR_BLOCKED_BY_CLIENT). ' +
            'Visitors with an ad blocker or strict privacy settings are not counted; if this is your own browser, check again with blockers off.',
        },
      ],
    ],
    [
      'failed',
      [
        hit('ga4', 'sign_up', T0 + 5, { id: 'bad', status: 'failed', statusCode: 503 }),
        hit('meta-pixel', 'Lead', T0 + 5),
      ],
      [
        {
          kind: 'missing_tag',
          status: 'failed',
          vendor: 'ga4',
          hitId: 'bad',
          message:
            'Google Analytics 4 sign_up was sent on the “Subscribe” form, but the request failed (HTTP 503): Google Analytics 4 did not record it. ' +
            "Check the tag's account and endpoint.",
        },
      ],
    ],
    ['both missing: one finding per tag', [], [{ vendor: 'ga4' }, { vendor: 'meta-pixel' }]],
  ])('%s', (_, hits, want) => {
    const got = only('missing_tag', run(hits, { goals, firings }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });

  it('keeps selectors and the window in the developer detail, out of the message', () => {
    const [f] = only(
      'missing_tag',
      run([hit('ga4', 'sign_up', T0 + 5), hit('meta-pixel', 'PageView', T0 + 5)], { goals, firings }),
    );
    expect(f!.message).not.toMatch(/form#newsletter|between 2 s before/);
    expect(f!.detail).toBe(
      'Goal “Newsletter signup” (a form with an email field is submitted; form matching form) fired at 07:40:00 on form#newsletter. ' +
        'No Meta Pixel hit with event Lead between 2 s before and 5 s after the submit. Seen from Meta Pixel in that window: PageView.',
    );
    expect(f).toMatchObject({ reason: expect.stringContaining('Seen from Meta Pixel in that window: PageView.') });
  });

  const lamp = (id: string, product: string) => ({
    tag: 'button',
    id,
    text: 'Add to cart',
    context: product,
    selector: `button#${id}`,
  });
  const cart: Goal = {
    id: 'add_to_cart',
    name: 'Add to cart',
    trigger: { kind: 'click', selector: '.add-to-cart' },
    expect: [{ vendor: 'meta-pixel', event: 'AddToCart' }],
  };
  const clicks = (products: string[]) =>
    products.map((p, i) =>
      firing(cart.id, T0 + i * 10_000, { id: `c${i}`, trigger: 'click', element: lamp(`b${i}`, p) }),
    );

  it.each<[string, string[], StoredHit[], Array<Partial<Finding>>]>([
    [
      'the same problem on three clicks is one finding, counting them',
      ['Desk lamp', 'Mug', 'Chair'],
      [],
      [
        {
          occurrences: 3,
          outOf: 3,
          firingIds: ['c0', 'c1', 'c2'],
          element: 'the “Add to cart” button of Desk lamp',
          message:
            'Meta Pixel AddToCart is missing on 3 of 3 clicks for “Add to cart” (the “Add to cart” button of Desk lamp, the “Add to cart” button of Mug ' +
            'and the “Add to cart” button of Chair): add the AddToCart event to the Meta Pixel tag that fires on those clicks.',
        },
      ],
    ],
    [
      'one click of three missing says so',
      ['Desk lamp', 'Mug', 'Chair'],
      [hit('meta-pixel', 'AddToCart', T0 + 30), hit('meta-pixel', 'AddToCart', T0 + 20_030)],
      [
        {
          occurrences: 1,
          outOf: 3,
          firingIds: ['c1'],
          message:
            'Meta Pixel AddToCart is missing on 1 of 3 clicks for “Add to cart” (the “Add to cart” button of Mug): add the AddToCart event to the Meta Pixel tag that fires on those clicks.',
        },
      ],
    ],
    [
      'a single click names its product',
      ['Desk lamp'],
      [],
      [
        {
          occurrences: 1,
          outOf: 1,
          message: expect.stringMatching(/^Meta Pixel AddToCart is missing on the “Add to cart” button of Desk lamp: /),
        },
      ],
    ],
  ])('%s', (_, products, hits, want) => {
    const got = only('missing_tag', run(hits, { goals: [cart], firings: clicks(products) }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });

  it('keeps the pages of a journey apart: the same problem on two pages is two findings', () => {
    const two = [
      firing(cart.id, T0, { id: 'p1', trigger: 'click', element: lamp('a', 'Desk lamp') }),
      firing(cart.id, T0 + 60_000, { id: 'p2', trigger: 'click', element: lamp('b', 'Mug'), sessionId: 's2' }),
    ];
    expect(
      only('missing_tag', run([], { goals: [cart], firings: two })).map((f) => f.kind === 'missing_tag' && f.firingIds),
    ).toEqual([['p1'], ['p2']]);
  });

  it('names every goal of the action once, not once per goal', () => {
    const caption: Goal = {
      ...cart,
      id: 'add_to_cart_text',
      name: 'Add to cart (caption)',
      trigger: { kind: 'click', text: 'Add to cart' },
    };
    const both = [
      firing(cart.id, T0, { id: 'sel', trigger: 'click', element: lamp('a', 'Desk lamp') }),
      firing(caption.id, T0 + 1, { id: 'txt', trigger: 'click', element: lamp('a', 'Desk lamp') }),
    ];
    const got = only('missing_tag', run([], { goals: [cart, caption], firings: both }));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ goalId: 'add_to_cart', goals: ['add_to_cart', 'add_to_cart_text'] });
    expect(got[0]!.message).toContain(
      'It concerns the goals “Add to cart” and “Add to cart (caption)”, which matched the same click.',
    );
  });

  it('never reports a tag missing when its hit was sent within the window', () => {
    const newsletterForm = firing(newsletter.id, T0, { id: 'n', element: subscribe });
    const contact: Goal = {
      ...newsletter,
      id: 'contact',
      name: 'Contact',
      trigger: { kind: 'form_submit', selector: '#contact', hasField: 'tel' },
    };
    const contactForm = firing(contact.id, T0 + 400, {
      id: 'c',
      element: { tag: 'form', id: 'contact', text: 'Call me back', selector: 'form#contact' },
    });
    const hits = [
      hit('ga4', 'sign_up', T0 + 10),
      hit('meta-pixel', 'Lead', T0 + 12),
      hit('ga4', 'sign_up', T0 + 410),
      hit('meta-pixel', 'Lead', T0 + 412),
    ];
    expect(
      only('missing_tag', run(hits, { goals: [newsletter, contact], firings: [newsletterForm, contactForm] })),
    ).toEqual([]);
  });
});

describe('duplicate_hit', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    [
      'the same event twice within 2 s',
      [hit('ga4', 'sign_up', T0, { id: 'a' }), hit('ga4', 'sign_up', T0 + 400, { id: 'b' })],
      [
        {
          kind: 'duplicate_hit',
          severity: 'warning',
          hitId: 'b',
          duplicateOf: 'a',
          vendor: 'ga4',
          event: 'sign_up',
          message:
            'Google Analytics 4 sent sign_up twice within 0.4 s at 07:40:00: reports will count it twice. Check that only one tag and one trigger send it.',
        },
      ],
    ],
    [
      '2 s apart exactly still counts',
      [hit('ga4', 'sign_up', T0), hit('ga4', 'sign_up', T0 + 2000)],
      [{ severity: 'warning' }],
    ],
    ['more than 2 s apart', [hit('ga4', 'sign_up', T0), hit('ga4', 'sign_up', T0 + 2001)], []],
    [
      'three in a row: one finding, counting the repeats, pointing at the first',
      [
        hit('ga4', 'sign_up', T0, { id: 'a' }),
        hit('ga4', 'sign_up', T0 + 1500, { id: 'b' }),
        hit('ga4', 'sign_up', T0 + 3000, { id: 'c' }),
      ],
      [
        {
          hitId: 'b',
          duplicateOf: 'a',
          occurrences: 2,
          message: expect.stringContaining('twice within 1.5 s (2 repeats on this page, first at 07:40:01)'),
        },
      ],
    ],
    [
      'repeats on two pages are two findings',
      [
        hit('ga4', 'sign_up', T0, { id: 'a' }),
        hit('ga4', 'sign_up', T0 + 100, { id: 'b' }),
        hit('ga4', 'sign_up', T0 + 60_000, { id: 'c', sessionId: 's2' }),
        hit('ga4', 'sign_up', T0 + 60_100, { id: 'd', sessionId: 's2' }),
      ],
      [{ hitId: 'b' }, { hitId: 'd' }],
    ],
    [
      'other accounts are other tags',
      [hit('ga4', 'sign_up', T0, { account: 'G-1' }), hit('ga4', 'sign_up', T0 + 10, { account: 'G-2' })],
      [],
    ],
    ['other tabs', [hit('ga4', 'sign_up', T0), hit('ga4', 'sign_up', T0 + 10, { tabId: 2 })], []],
    ['other events', [hit('ga4', 'sign_up', T0), hit('ga4', 'login', T0 + 10)], []],
    [
      'a blocked try and its retry are one',
      [hit('meta-pixel', 'Lead', T0, { status: 'blocked' }), hit('meta-pixel', 'Lead', T0 + 300)],
      [],
    ],
    [
      'library loads are not events',
      [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'library_load', T0 + 10)],
      [],
    ],
    [
      'SPA page views of two pages',
      [
        hit('ga4', 'page_view', T0, { params: { page_location: 'https://shop.example/' } }),
        hit('ga4', 'page_view', T0 + 300, { params: { page_location: 'https://shop.example/cart' } }),
      ],
      [],
    ],
    [
      'two lists shown at once',
      [
        hit('ga4', 'view_item_list', T0, { params: { item_list_id: 'home' } }),
        hit('ga4', 'view_item_list', T0 + 50, { params: { item_list_id: 'related' } }),
      ],
      [],
    ],
    [
      'the same page view twice',
      [
        hit('ga4', 'page_view', T0, { params: { page_location: 'https://shop.example/' } }),
        hit('ga4', 'page_view', T0 + 300, { params: { page_location: 'https://shop.example/' } }),
      ],
      [{ severity: 'warning' }],
    ],
    [
      'GA4 purchase twice with the same order',
      [
        hit('ga4', 'purchase', T0, { params: { transaction_id: 'T-1' } }),
        hit('ga4', 'purchase', T0 + 900, { params: { transaction_id: 'T-1' } }),
      ],
      [
        {
          severity: 'error',
          message:
            'Google Analytics 4 sent purchase twice within 0.9 s at 07:40:01 for order T-1: the conversion is counted twice, inflating conversions and revenue. Make the tag fire once per order.',
        },
      ],
    ],
    [
      'Meta Purchase twice without an order id',
      [hit('meta-pixel', 'Purchase', T0), hit('meta-pixel', 'Purchase', T0 + 100)],
      [{ severity: 'error', message: expect.stringContaining('with no transaction id') }],
    ],
    [
      'Ads conversion twice',
      [
        hit('google-ads', 'conversion', T0, { params: { endpoint: 'conversion' } }),
        hit('google-ads', 'conversion', T0 + 100, { params: { endpoint: 'conversion' } }),
      ],
      [{ severity: 'error' }],
    ],
    [
      'Ads conversion and its first-party copy',
      [
        hit('google-ads', 'conversion', T0, { params: { endpoint: 'conversion' } }),
        hit('google-ads', 'conversion', T0 + 100, { params: { endpoint: '1p-conversion' } }),
      ],
      [],
    ],
    [
      'impressions of two feature flags in one batch',
      [
        hit('split', 'impression', T0, { params: { feature_flag: 'a' } }),
        hit('split', 'impression', T0, { params: { feature_flag: 'b' } }),
      ],
      [],
    ],
    [
      'two media heartbeats at different playheads',
      [
        hit('adobe-heartbeat', 'ping', T0, { params: { playhead: '10' } }),
        hit('adobe-heartbeat', 'ping', T0 + 1000, { params: { playhead: '11' } }),
      ],
      [],
    ],
    [
      'two orders in a row',
      [
        hit('ga4', 'purchase', T0, { params: { transaction_id: 'T-1' } }),
        hit('ga4', 'purchase', T0 + 900, { params: { transaction_id: 'T-2' } }),
      ],
      [],
    ],
    [
      'one with an order id, one without',
      [hit('ga4', 'purchase', T0, { params: { transaction_id: 'T-1' } }), hit('ga4', 'purchase', T0 + 900)],
      [{ severity: 'error' }],
    ],
  ])('%s', (_, hits, want) => {
    const got = only('duplicate_hit', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('pii_in_hit', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    [
      'an email in the page URL',
      [
        hit('ga4', 'page_view', T0, {
          id: 'a',
          params: { page_location: 'https://shop.example/thanks?email=jane@example.com' },
        }),
      ],
      [
        {
          kind: 'pii_in_hit',
          severity: 'error',
          hitId: 'a',
          vendor: 'ga4',
          param: 'page_location',
          pii: 'email',
          encoding: 'raw',
          location: 'param',
          hits: 1,
          message:
            'Google Analytics 4 received an email address (j•••@example.com) in the page_location parameter at 07:40:00. Personal data must not reach Google Analytics 4: ' +
            'keep it out of page URLs and tag fields, or send it SHA-256 hashed where the vendor asks for it.',
        },
      ],
    ],
    [
      'the same leak on every hit of the page: one finding',
      [
        hit('ga4', 'page_view', T0, {
          id: 'a',
          params: { page_location: 'https://shop.example/?e=jane%40example.com' },
        }),
        hit('ga4', 'scroll', T0 + 10, {
          id: 'b',
          params: { page_location: 'https://shop.example/?e=jane%40example.com' },
        }),
      ],
      [
        {
          hitId: 'a',
          hits: 2,
          encoding: 'url-encoded',
          message: expect.stringContaining(
            'a URL-encoded email address (j•••@example.com) in the page_location parameter on 2 hits, first at 07:40:00',
          ),
        },
      ],
    ],
    [
      'a base64 email',
      [hit('meta-pixel', 'Lead', T0, { params: { state: btoa('jane@example.com') } })],
      [{ encoding: 'base64', message: expect.stringContaining('a base64-encoded email address') }],
    ],
    [
      'a phone number',
      [hit('meta-pixel', 'Lead', T0, { params: { lead_phone: '+44 20 7946 0958' } })],
      [{ pii: 'phone', param: 'lead_phone' }],
    ],
    [
      'a first name in clear',
      [hit('tiktok', 'SubmitForm', T0, { params: { 'context.user.first_name': 'Jane' } })],
      [
        {
          pii: 'personal_field',
          message: expect.stringContaining(
            'TikTok Pixel received a first name in clear (J•••) in the context.user.first_name parameter',
          ),
        },
      ],
    ],
    [
      'Meta hashed user data is fine',
      [hit('meta-pixel', 'Lead', T0, { params: { 'user_data.em': SHA, 'user_data.ph': SHA } })],
      [],
    ],
    [
      'ids and timestamps are fine',
      [
        hit('ga4', 'page_view', T0, {
          params: {
            client_id: '123456789.1763884800',
            session_id: '1763884800',
            timestamp: '1763884800123',
            _p: '1763884800123',
          },
        }),
      ],
      [],
    ],
    [
      'only in the request URL',
      [hit('snapchat', 'PAGE_VIEW', T0, { url: 'https://tr.snapchat.com/p?u_em=jane%40example.com', params: {} })],
      [{ location: 'url', param: 'u_em', message: expect.stringContaining('in the request URL (u_em)') }],
    ],
    [
      'in the URL and the params: reported once, on the param',
      [
        hit('ga4', 'page_view', T0, {
          url: 'https://www.google-analytics.com/g/collect?dl=https%3A%2F%2Fs.example%2F%3Fe%3Djane%40example.com',
          params: { page_location: 'https://s.example/?e=jane@example.com' },
        }),
      ],
      [{ location: 'param', param: 'page_location' }],
    ],
    ['consent params are skipped', [hit('ga4', 'page_view', T0, { params: { 'consent.ad_storage': 'granted' } })], []],
  ])('%s', (_, hits, want) => {
    const got = only('pii_in_hit', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });

  it('never copies the personal data into the finding', () => {
    const all = run([
      hit('ga4', 'page_view', T0, {
        params: {
          page_location: 'https://shop.example/?email=jane.doe@example.com&phone=%2B442079460958',
          first_name: 'Jane',
        },
      }),
    ]);
    const text = JSON.stringify(all);
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('2079460958');
    expect(text).not.toContain('"Jane"');
  });

  it('lists each kind once per hit', () => {
    const spots = piiInHit(
      hit('ga4', 'page_view', T0, {
        url: 'https://x.example/?a=jane%40example.com&p=%2B442079460958',
        params: { a: 'jane@example.com' },
      }),
    );
    expect(spots.map((s) => [s.location, s.param, s.match.kind])).toEqual([
      ['param', 'a', 'email'],
      ['url', 'p', 'phone'],
    ]);
  });
});

describe('before_consent', () => {
  const denied: ConsentAnswer[] = [
    {
      at: T0 - 100,
      tabId: 1,
      source: 'gcm_default',
      kind: 'default',
      purposes: { ad_storage: 'denied', analytics_storage: 'denied' },
    },
  ];
  const tcf: ConsentAnswer[] = [
    {
      at: T0 - 100,
      tabId: 1,
      source: 'tcf',
      kind: 'answer',
      purposes: {},
      tcf: {
        gdprApplies: true,
        purposeConsents: [1, 2, 3, 4, 7],
        purposeLegitimateInterests: [],
        vendorConsents: [755],
        vendorLegitimateInterests: [],
      },
    },
  ];
  it.each<[string, StoredHit[], ConsentAnswer[] | undefined, Array<Partial<Finding>>]>([
    [
      'a pixel while denied',
      [hit('meta-pixel', 'PageView', T0, { id: 'a' })],
      denied,
      [
        {
          kind: 'before_consent',
          severity: 'error',
          rule: 'ad_pixel_denied',
          hitId: 'a',
          vendor: 'meta-pixel',
          hits: 1,
          purpose: 'ad_storage',
          source: 'gcm_default',
          message:
            "Meta Pixel sent PageView at 07:40:00 while the visitor's consent for advertising (ad_storage) was denied (its Consent Mode default). Meta Pixel must not run until the visitor accepts: let the consent banner gate the tag.",
        },
      ],
    ],
    [
      'a session recorder while analytics is denied',
      [hit('hotjar', 'recording', T0, { id: 'r' })],
      denied,
      [
        {
          kind: 'before_consent',
          severity: 'error',
          rule: 'purpose_denied',
          vendor: 'hotjar',
          purpose: 'analytics_storage',
          message: expect.stringContaining(
            "Hotjar sent recording at 07:40:00 while the visitor's consent for analytics (analytics_storage) was denied",
          ),
        },
      ],
    ],
    [
      'a vendor the TC string does not consent to',
      [hit('criteo', 'viewHome', T0)],
      tcf,
      [
        {
          rule: 'tcf_vendor_denied',
          tcfVendorId: 91,
          source: 'tcf',
          message: expect.stringContaining(
            "while the page's TCF consent string did not consent to this vendor (IAB vendor 91)",
          ),
        },
      ],
    ],
    [
      'a purpose the TC string does not allow',
      [hit('mixpanel', 'track', T0)],
      tcf,
      [
        {
          rule: 'purpose_denied',
          tcfPurpose: 8,
          message: expect.stringContaining(
            'did not allow purpose 8 (Measure content performance) for analytics (analytics_storage)',
          ),
        },
      ],
    ],
    [
      'the next step says whether the visitor refused or had not answered',
      [hit('meta-pixel', 'PageView', T0)],
      denied,
      [{ todo: 'Meta Pixel fires while its consent is denied: let the consent banner gate it.' }],
    ],
    [
      "a pixel's hits grouped per page",
      [
        hit('meta-pixel', 'PageView', T0, { id: 'a' }),
        hit('meta-pixel', 'ViewContent', T0 + 500),
        hit('meta-pixel', 'PageView', T0 + 900),
      ],
      denied,
      [
        {
          hitId: 'a',
          hits: 3,
          message: expect.stringContaining(
            'Meta Pixel sent 3 hits (PageView and ViewContent), first at 07:40:00, while',
          ),
        },
      ],
    ],
    [
      'two pages, two findings',
      [hit('meta-pixel', 'PageView', T0), hit('meta-pixel', 'PageView', T0 + 900, { sessionId: 's2' })],
      denied,
      [{ hits: 1 }, { hits: 1 }],
    ],
    [
      'Google cookieless pings are expected',
      [hit('ga4', 'page_view', T0, { params: { gcs: 'G100', 'consent.ad_storage': 'denied' } })],
      denied,
      [],
    ],
    [
      'no signals: only the Google rule',
      [
        hit('meta-pixel', 'PageView', T0),
        hit('ga4', 'page_view', T0, { params: { 'consent.ad_storage': 'granted', 'consent.source': 'default' } }),
      ],
      undefined,
      [{ vendor: 'ga4', severity: 'warning', rule: 'google_granted_before_update' }],
    ],
  ])('%s', (_, hits, consent, want) => {
    const got = only('before_consent', run(hits, { consent }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('cookie_before_consent', () => {
  const cookie = (name: string, at: number, sessionId = 's1'): StoredCookie => ({
    id: `${sessionId}|shop.example|/|${name}`,
    sessionId,
    tabId: 1,
    at,
    name,
    domain: 'shop.example',
    path: '/',
    via: 'cookie_store',
  });
  const open: ConsentAnswer[] = [
    {
      at: T0 + 1_000,
      tabId: 1,
      source: 'gcm_update',
      kind: 'answer',
      purposes: { ad_storage: 'granted', analytics_storage: 'granted' },
    },
  ];
  it('names the vendor, the cookie, its purpose and when, once per page', () => {
    const got = only(
      'cookie_before_consent',
      run([], {
        consent: open,
        cookies: [cookie('_fbp', T0), cookie('_fbp', T0 + 200), cookie('_fbp', T0 + 300, 's2')],
      }),
    );
    expect(got).toEqual([
      {
        kind: 'cookie_before_consent',
        severity: 'warning',
        rule: 'before_answer',
        at: T0,
        vendor: 'meta-pixel',
        cookie: '_fbp',
        domain: 'shop.example',
        purpose: 'ad_storage',
        message:
          'The Meta Pixel cookie _fbp was set at 07:40:00 before the page answered for advertising (ad_storage). Load Meta Pixel only once the visitor has answered the consent banner.',
        todo: 'Meta Pixel stores _fbp before consent: load it only once the visitor has answered.',
      },
      expect.objectContaining({ cookie: '_fbp', at: T0 + 300 }),
    ]);
  });

  it('never puts a value in the message: the record has none to give', () => {
    const got = only('cookie_before_consent', run([], { consent: open, cookies: [cookie('_ga', T0)] }));
    expect(got[0]).toMatchObject({ vendor: 'ga4', purpose: 'analytics_storage' });
    expect(Object.keys(got[0]!)).not.toContain('value');
  });
});

describe('invalid_params', () => {
  it.each<[string, StoredHit, Partial<Finding> | undefined]>([
    [
      'GA4 purchase without transaction id',
      hit('ga4', 'purchase', T0, { id: 'p', params: { currency: 'EUR', value: '10', ...ITEMS } }),
      {
        kind: 'invalid_params',
        severity: 'warning',
        hitId: 'p',
        vendor: 'ga4',
        event: 'purchase',
        param: 'transaction_id',
        problems: ['no transaction_id'],
        message:
          "Google Analytics 4 sent purchase at 07:40:00 with no transaction_id. GA4's ecommerce reports will miss this revenue or these products.",
      },
    ],
    [
      'Meta Purchase without value',
      hit('meta-pixel', 'Purchase', T0, { params: { currency: 'EUR' } }),
      { param: 'value', message: expect.stringContaining('Meta Pixel sent Purchase at 07:40:00 with no value.') },
    ],
    [
      'Ads conversion value without currency',
      hit('google-ads', 'conversion', T0, { params: { value: '5', endpoint: 'conversion' } }),
      { param: 'currency' },
    ],
    [
      'a complete purchase',
      hit('ga4', 'purchase', T0, { params: { currency: 'EUR', value: '10', transaction_id: 'T-1', ...ITEMS } }),
      undefined,
    ],
  ])('%s', (_, h, want) => {
    const got = only('invalid_params', run([h]));
    if (want) expect(got).toEqual([expect.objectContaining(want)]);
    else expect(got).toEqual([]);
  });

  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    [
      'the same problem on three hits of a page: one finding',
      [0, 1, 2].map((i) => hit('meta-pixel', 'Purchase', T0 + i * 5000, { id: `p${i}`, params: { currency: 'EUR' } })),
      [
        {
          hitId: 'p0',
          occurrences: 3,
          message:
            'Meta Pixel sent Purchase on 3 hits (first at 07:40:00) with no value. Meta cannot report or optimise for the purchase value.',
        },
      ],
    ],
    [
      'two different problems: two findings',
      [
        hit('meta-pixel', 'Purchase', T0, { params: { currency: 'EUR' } }),
        hit('meta-pixel', 'Purchase', T0 + 5000, { params: { value: '5' } }),
      ],
      [{ param: 'value' }, { param: 'currency' }],
    ],
  ])('grouped: %s', (_, hits, want) => {
    const got = only('invalid_params', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('tag_without_goal', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    [
      'an event no goal expects, grouped',
      [hit('ga4', 'file_download', T0, { id: 'a' }), hit('ga4', 'file_download', T0 + 9000)],
      [
        {
          kind: 'tag_without_goal',
          severity: 'info',
          vendor: 'ga4',
          event: 'file_download',
          hitId: 'a',
          hits: 2,
          message:
            'Google Analytics 4 sent file_download 2 times (first at 07:40:00), but no goal of the plan expects it. If it is a conversion you rely on, add a goal for it.',
        },
      ],
    ],
    [
      'one per vendor and event',
      [hit('ga4', 'scroll', T0), hit('meta-pixel', 'scroll', T0), hit('ga4', 'click', T0)],
      [{ vendor: 'ga4', event: 'scroll' }, { vendor: 'meta-pixel' }, { event: 'click' }],
    ],
    ['an event the plan expects, even outside any firing', [hit('ga4', 'sign_up', T0)], []],
    ['a vendor the plan expects with any event', [hit('linkedin', 'conversion', T0)], []],
    [
      'page views and library loads are routine',
      [
        hit('ga4', 'page_view', T0),
        hit('meta-pixel', 'PageView', T0),
        hit('tiktok', 'Pageview', T0),
        hit('pinterest', 'pagevisit', T0),
        hit('snapchat', 'PAGE_VIEW', T0),
        hit('meta-pixel', 'library_load', T0),
        hit('ga4', 'user_engagement', T0),
      ],
      [],
    ],
    ['hits without an event are not grouped', [hit('hotjar', undefined, T0)], []],
    [
      "other vendors' page views and upkeep are routine",
      [
        hit('at-internet', 'page.display', T0),
        hit('adobe-web-sdk', 'web.webpagedetails.pageViews', T0),
        hit('fullstory', 'recording', T0),
        hit('parsely', 'heartbeat', T0),
        hit('adobe-ecid', 'id_request', T0),
        hit('adobe-audience-manager', 'event_call', T0),
        hit('split', 'impression', T0),
        hit('optimizely', 'campaign_activated', T0),
        hit('adobe-target', 'page_load', T0),
      ],
      [],
    ],
    [
      'a tracked experiment event is not upkeep',
      [hit('optimizely', 'purchase', T0)],
      [{ vendor: 'optimizely', event: 'purchase' }],
    ],
    [
      "look-ups, exposures and per-page fires of part b's vendors are routine",
      [
        hit('demandbase', 'ip_lookup', T0),
        hit('6sense', 'a_pageload', T0),
        hit('merkury', 'identity_sync', T0),
        hit('invoca', 'number_request', T0),
        hit('vwo', 'vwo_variationShown', T0),
        hit('braze', 'session_start', T0),
        hit('the-trade-desk', 'universal_pixel', T0),
        hit('seznam-sklik', 'retargeting', T0),
        hit('spotify-pixel', 'init', T0),
      ],
      [],
    ],
    // Ids fixed: hits at the same time are ordered by id, and the helper's counter depends on the tests before.
    [
      'their conversions are not',
      [hit('seznam-sklik', 'conversion', T0, { id: 'a' }), hit('braze', 'Newsletter Signup', T0, { id: 'b' })],
      [
        { vendor: 'seznam-sklik', event: 'conversion' },
        { vendor: 'braze', event: 'Newsletter Signup' },
      ],
    ],
    [
      'Ads remarketing on page load is routine',
      [
        hit('google-ads', 'remarketing', T0, { params: { event_name: 'gtag.config' } }),
        hit('google-ads', 'remarketing', T0),
      ],
      [],
    ],
    [
      'Ads remarketing with a gtag event is named by it',
      [hit('google-ads', 'remarketing', T0, { params: { event_name: 'add_to_cart' } })],
      [{ vendor: 'google-ads', event: 'add_to_cart' }],
    ],
  ])('%s', (_, hits, want) => {
    const goals: Goal[] = [newsletter, { ...purchase, id: 'li', expect: [{ vendor: 'linkedin' }] }];
    const got = only('tag_without_goal', run(hits, { goals }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('library_without_hits', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    [
      'a library and nothing else',
      [hit('meta-pixel', 'library_load', T0, { id: 'lib' })],
      [
        {
          kind: 'library_without_hits',
          severity: 'warning',
          vendor: 'meta-pixel',
          hitId: 'lib',
          sessionId: 's1',
          message:
            "Meta Pixel's library loaded at 07:40:00, but the page sent no Meta Pixel hit afterwards: the tag is installed but never fires. Check its init call and triggers, or whether consent held it back.",
        },
      ],
    ],
    ['a library and a hit', [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'PageView', T0 + 100)], []],
    [
      'a library and a blocked hit: it tried',
      [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'PageView', T0 + 100, { status: 'blocked' })],
      [],
    ],
    [
      'the hit was on another page',
      [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'PageView', T0 + 100, { sessionId: 's2' })],
      [{ sessionId: 's1' }],
    ],
    [
      'two loads in one page: one finding',
      [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'library_load', T0 + 5)],
      [{}],
    ],
    ['a blocked library never loaded', [hit('meta-pixel', 'library_load', T0, { status: 'blocked' })], []],
    ['a tag manager sends nothing of its own', [hit('gtm', 'library_load', T0)], []],
    [
      'Launch, DTM, Piwik PRO Tag Manager and Ensighten are tag managers',
      [
        hit('adobe-launch', 'library_load', T0),
        hit('adobe-dtm', 'library_load', T0),
        hit('piwik-pro-tag-manager', 'library_load', T0),
        hit('ensighten', 'library_load', T0),
      ],
      [],
    ],
    [
      'an experiment snippet on a page no experiment targets',
      [hit('optimizely', 'library_load', T0), hit('omniconvert', 'library_load', T0), hit('split', 'library_load', T0)],
      [],
    ],
    ['a heatmap script on a page without a snapshot', [hit('crazy-egg', 'library_load', T0)], []],
    ['a recorder that loaded and sent nothing', [hit('fullstory', 'library_load', T0)], [{ vendor: 'fullstory' }]],
    // VWO's SmartCode loads on every page and sends only where a test runs; Braze and Invoca often have nothing to send.
    [
      'VWO, Braze and Invoca may stay quiet',
      [hit('vwo', 'library_load', T0), hit('braze', 'library_load', T0), hit('invoca', 'library_load', T0)],
      [],
    ],
    ['an ad pixel that loaded and sent nothing', [hit('taboola', 'library_load', T0)], [{ vendor: 'taboola' }]],
  ])('%s', (_, hits, want) => {
    const got = only('library_without_hits', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('findings', () => {
  it('puts errors first, then warnings, then notes, each in time order', () => {
    const all = run(
      [
        hit('ga4', 'file_download', T0),
        hit('ga4', 'sign_up', T0 + 10),
        hit('ga4', 'sign_up', T0 + 20),
        hit('ga4', 'page_view', T0 + 30, { params: { page_location: 'https://s.example/?email=jane@example.com' } }),
      ],
      { goals: [newsletter], firings: [firing(newsletter.id, T0 + 50)] },
    );
    expect(all.map((f) => [f.severity, f.kind])).toEqual([
      ['error', 'pii_in_hit'],
      ['error', 'missing_tag'],
      ['warning', 'duplicate_hit'],
      ['info', 'tag_without_goal'],
    ]);
  });

  it('finds nothing in nothing', () => expect(run([])).toEqual([]));
});
