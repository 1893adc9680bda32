// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, KIND_GOALS } from './default-plan';
import { GOALS, isShippedGoal, libraryGoal } from './library';
import { matchGoals, type Observation } from './match';
import { parsePlan } from './schema';
import type { Goal } from './types';

const page = { url: 'https://shop.example/', origin: 'https://shop.example' };
const isValidSelector = (s: string): boolean => {
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
};
// Every goal the library defines, the ones of the default plan and those of the presets alike.
const LIBRARY: Goal[] = Object.values(GOALS) as Goal[];
const fired = (obs: Observation): string[] => matchGoals(LIBRARY, obs, page).map((g) => g.id);
const $ = (selector: string): Element => document.querySelector(selector)!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('DEFAULT_PLAN', () => {
  it('passes the schema, selectors included', () =>
    expect(parsePlan(DEFAULT_PLAN, { isValidSelector })).toEqual({ ok: true, plan: DEFAULT_PLAN }));

  it('passes the schema with every goal of the library', () => {
    const all = { version: 1 as const, name: 'Library', goals: LIBRARY };
    expect(parsePlan(all, { isValidSelector })).toEqual({ ok: true, plan: all });
  });

  it.each(Object.entries(KIND_GOALS))(
    'offers a %s 3 to 5 micro-conversions and a macro conversion',
    (kind, { micro, macro }) => {
      expect(micro.length).toBeGreaterThanOrEqual(3);
      expect(micro.length).toBeLessThanOrEqual(5);
      expect(macro.length).toBeGreaterThan(0);
      for (const id of macro) expect(GOALS[id].category).toBe('macro');
      const offered = DEFAULT_PLAN.goals
        .filter((g) => g.siteKinds?.includes(kind as never))
        .map((g) => g.id)
        .sort();
      expect(offered).toEqual([...micro.flat(), ...macro].sort());
    },
  );

  it("is made of the library's goals as shipped, each offered to at least one kind of site", () => {
    for (const goal of DEFAULT_PLAN.goals) {
      expect(isShippedGoal(goal), goal.id).toBe(true);
      expect(goal.siteKinds?.length, goal.id).toBeGreaterThan(0);
    }
  });

  it('tells a goal the user changed from the one shipped', () => {
    expect(isShippedGoal(libraryGoal('newsletter_signup'))).toBe(true);
    expect(isShippedGoal({ ...libraryGoal('newsletter_signup'), name: 'Renamed' })).toBe(true);
    expect(isShippedGoal({ ...libraryGoal('newsletter_signup'), expect: [{ vendor: 'ga4', event: 'sign_up' }] })).toBe(
      false,
    );
    expect(isShippedGoal({ id: 'mine', name: 'Mine', trigger: { kind: 'click', text: 'Go' } })).toBe(false);
    // As read back from storage.local, which sorts every object's keys.
    const sorted = JSON.parse(
      JSON.stringify(libraryGoal('purchase'), (_, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? 1 : -1)))
          : v,
      ),
    ) as Goal;
    expect(Object.keys(sorted)[0]).toBe('windowMs');
    expect(isShippedGoal(sorted)).toBe(true);
  });

  it.each([
    ['video_start', 'ga4:video_start'],
    ['video_progress', 'ga4:video_progress'],
    ['video_complete', 'ga4:video_complete'],
    ['site_search', 'ga4:view_search_results meta-pixel:Search'],
    ['newsletter_signup', 'ga4:generate_lead meta-pixel:Lead'],
    ['account_signup', 'ga4:sign_up meta-pixel:CompleteRegistration'],
    ['file_download', 'ga4:file_download'],
    ['add_to_cart', 'ga4:add_to_cart meta-pixel:AddToCart'],
    ['product_view', 'ga4:view_item meta-pixel:ViewContent'],
    ['demo_request', 'ga4:generate_lead meta-pixel:Schedule'],
    ['contact_request', 'ga4:generate_lead meta-pixel:Contact'],
    ['purchase', 'ga4:purchase meta-pixel:Purchase'],
    ['purchase_confirmation', 'ga4:purchase meta-pixel:Purchase'],
  ])('%s expects %s', (id, tags) => {
    const goal = LIBRARY.find((g) => g.id === id);
    expect(goal?.expect?.map((t) => `${t.vendor}:${t.event ?? ''}`).join(' ')).toBe(tags);
  });

  it('checks the purchase parameters GA4 needs for revenue', () =>
    expect(LIBRARY.find((g) => g.id === 'purchase')?.expect?.[0]?.params).toEqual({
      currency: { exists: true },
      value: { exists: true },
      transaction_id: { exists: true },
    }));

  it.each<[string, string, string, string[]]>([
    [
      'a newsletter form',
      '<form id="nl"><input type="email" name="email"><button>Subscribe</button></form>',
      'form',
      ['newsletter_signup'],
    ],
    [
      'a login form, which is no conversion',
      '<form><input type="email" name="email"><input type="password" name="pw"></form>',
      'form',
      [],
    ],
    [
      'a signup form',
      '<form><input type="email" name="email"><input type="password" name="pw" autocomplete="new-password"></form>',
      'form',
      ['account_signup'],
    ],
    ['a demo request form', '<form id="request-demo"><input name="company"></form>', 'form', ['demo_request']],
    ['a call-back form', '<form class="contact"><input type="tel" name="phone"></form>', 'form', ['contact_request']],
    [
      'a contact form with an email and a phone: a contact request, not a newsletter signup',
      '<form id="contact"><input type="email" name="email"><input type="tel" name="phone"></form>',
      'form',
      ['contact_request'],
    ],
    [
      'a message form with an email: no newsletter signup',
      '<form><input type="email" name="email"><textarea name="message"></textarea></form>',
      'form',
      [],
    ],
    [
      'the checkout form with a phone',
      '<form class="checkout"><input type="tel" name="billing_phone"></form>',
      'form',
      [],
    ],
    [
      'a Shopify product form',
      '<form action="/cart/add"><input type="hidden" name="id"></form>',
      'form',
      ['add_to_cart_form'],
    ],
  ])('on submit of %s fires %j', (_, markup, selector, want) => {
    document.body.innerHTML = markup;
    expect(fired({ kind: 'submit', form: $(selector) })).toEqual(want);
  });

  it.each<[string, string, string, string[]]>([
    [
      'a WooCommerce add-to-cart button',
      '<button name="add-to-cart" class="single_add_to_cart_button">Add to cart</button>',
      'button',
      ['add_to_cart', 'add_to_cart_text'],
    ],
    [
      'an add-to-cart button by its caption',
      '<button class="btn">Add to cart</button>',
      'button',
      ['add_to_cart_text'],
    ],
    ['a data-action button', '<button data-action="add-to-cart">+</button>', 'button', ['add_to_cart']],
    ['a "Book a demo" link', '<a class="btn" href="/demo">Book a demo</a>', 'a', ['book_demo_click']],
    ['a PDF link', '<a href="/brochure.pdf">Brochure</a>', 'a', ['file_download']],
    ['a partner link', '<a href="https://partner.example/">Partner</a>', 'a', ['outbound_click']],
  ])('on a click of %s fires %j', (_, markup, selector, want) => {
    document.body.innerHTML = markup;
    const element = $(selector);
    const href = element.getAttribute('href');
    const obs: Observation = href
      ? { kind: 'click', element, link: { href: new URL(href, page.url).href, download: false } }
      : { kind: 'click', element };
    expect(fired(obs)).toEqual(want);
  });

  it.each<[string, string, string[]]>([
    ['a search results page', 'https://shop.example/search?q=boots', ['site_search']],
    ['a WordPress search', 'https://blog.example/?s=tracking', ['site_search']],
    ['a category page', 'https://shop.example/category/shoes/', ['category_view']],
    ['a Shopify collection', 'https://shop.example/collections/summer', ['category_view']],
    ['a product page', 'https://shop.example/products/red-boots', ['product_view']],
    ['a comparison page', 'https://saas.example/compare/us-vs-them', ['comparison_view']],
    ['the checkout', 'https://shop.example/checkout', ['begin_checkout']],
    ['a Shopify checkout step', 'https://shop.example/checkouts/c/abc/information', ['begin_checkout']],
    ['an order confirmation', 'https://shop.example/checkout/order-confirmation?id=1', ['purchase_confirmation']],
    ['a Shopify thank-you page', 'https://shop.example/checkouts/c/abc/thank_you', ['purchase_confirmation']],
    ['a WooCommerce order received', 'https://shop.example/checkout/order-received/123/', ['purchase_confirmation']],
    ['a Magento success page', 'https://shop.example/checkout/onepage/success/', ['purchase_confirmation']],
    ['the pricing page', 'https://saas.example/pricing', ['pricing_view']],
    ['the home page', 'https://shop.example/', []],
    ['the cart', 'https://shop.example/cart', ['view_cart']],
  ])('on a page view of %s fires %j', (_, url, want) =>
    expect(fired({ kind: 'page_view', url, virtual: false })).toEqual(want),
  );

  it.each<[string, Observation, string[]]>([
    ['a video start', { kind: 'video', action: 'play' }, ['video_start']],
    ['half a video', { kind: 'video', action: 'progress', percent: 50 }, ['video_progress']],
    ['a quarter of a video', { kind: 'video', action: 'progress', percent: 25 }, []],
    ['a finished video', { kind: 'video', action: 'complete' }, ['video_complete']],
    ['a scroll to 75 %', { kind: 'scroll', percent: 75 }, []],
    ['a scroll to 90 %', { kind: 'scroll', percent: 90 }, ['article_read']],
    ['a minute on the page', { kind: 'time', seconds: 60 }, ['long_read_time']],
    [
      'a dataLayer add_to_cart',
      { kind: 'datalayer', event: 'add_to_cart', source: 'dataLayer' },
      ['add_to_cart_event'],
    ],
    [
      'a dataLayer add_payment_info',
      { kind: 'datalayer', event: 'add_payment_info', source: 'dataLayer' },
      ['add_payment_info'],
    ],
    ['a dataLayer purchase', { kind: 'datalayer', event: 'purchase', source: 'dataLayer' }, ['purchase']],
  ])('on %s fires %j', (_, obs, want) => expect(fired(obs)).toEqual(want));

  it('fires reviews_read when the reviews come into view', () => {
    document.body.innerHTML = '<div class="reviews"></div>';
    expect(fired({ kind: 'visible', element: $('.reviews') })).toEqual(['reviews_read']);
  });
});
