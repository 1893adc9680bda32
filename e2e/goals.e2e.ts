import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementInfo, Goal, Plan } from '../lib/goals/types';
import {
  launchTestExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  waitForSeededPlans,
  type Site,
  type TestExtension,
  type TestPage as Page,
} from './harness';

// Every trigger kind of the tracking plan, on fixture pages that behave like real sites (e2e/site/goals/):
// the built extension in Chromium and in Firefox, the plan written where the options page writes it, the firings read
// where the popup reads them.

interface Firing {
  goalId: string;
  goalName: string;
  trigger: string;
  at: number;
  url: string;
  frameUrl?: string;
  element?: ElementInfo;
  detail?: Record<string, string>;
  tabId: number;
  sessionId: string;
}

let ext: TestExtension;
let site: Site;
const pages: Page[] = [];

beforeAll(async () => {
  site = await serveSite();
  ext = await launchTestExtension();
  await routeVendors(ext);
  await waitForSeededPlans(ext);
});
afterEach(async () => {
  // One tab per test: tabs are told apart by URL.
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

/** Put a plan in force, as the options page does. Open tabs pick it up at once. */
async function usePlan(goals: Goal[]): Promise<void> {
  const plan: Plan = { version: 1, name: 'Kettle & Co. micro-conversions', goals };
  await ext.inExtension((p) => chrome.storage.local.set({ plans: [p] }), plan);
}

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.open(`${site.origin}${path}`);
  pages.push(page);
  return { page, tabId: await ext.tabIdOf(page) };
}

async function allFirings(tabId: number): Promise<Firing[]> {
  return (await readStore<Firing>(ext, 'firings')).filter((f) => f.tabId === tabId).sort((a, b) => a.at - b.at);
}

/** The tab's firings once `done` holds (or the time is up: the assertions then show what was stored). */
function firings(tabId: number, done: (all: Firing[]) => boolean, timeoutMs?: number): Promise<Firing[]> {
  return settle(() => allFirings(tabId), done, timeoutMs);
}

const ids = (all: Firing[]) => all.map((f) => f.goalId).sort();
const count = (all: Firing[], goalId: string) => all.filter((f) => f.goalId === goalId).length;
const has =
  (...goalIds: string[]) =>
  (all: Firing[]) =>
    goalIds.every((id) => all.some((f) => f.goalId === id));

/** Nothing a visitor typed may be stored: not in a firing, not in the page's events. */
async function expectNothingTyped(...values: string[]): Promise<void> {
  const stored = JSON.stringify([await readStore(ext, 'firings'), await readStore(ext, 'signals')]);
  for (const value of values) expect(stored).not.toContain(value);
}

const FORM_GOALS: Goal[] = [
  {
    id: 'newsletter_signup',
    name: 'Newsletter signup',
    category: 'interaction',
    trigger: { kind: 'form_submit', selector: 'form#newsletter', hasField: 'email' },
  },
  { id: 'email_capture', name: 'Any form with an email', trigger: { kind: 'form_submit', hasField: 'email' } },
  {
    id: 'account_signup',
    name: 'Account created',
    category: 'macro',
    trigger: { kind: 'form_submit', hasField: 'password' },
  },
  { id: 'callback_request', name: 'Callback request', trigger: { kind: 'form_submit', hasField: 'tel' } },
  { id: 'b2b_lead', name: 'B2B lead (company named)', trigger: { kind: 'form_submit', hasField: 'company' } },
  {
    id: 'widget_signup',
    name: 'Footer widget signup',
    trigger: { kind: 'form_submit', selector: 'newsletter-widget', hasField: 'email' },
  },
];

describe('while the page is still loading (the content script comes at its load event)', () => {
  const EARLY_GOALS: Goal[] = [
    { id: 'early_click', name: 'Sign up clicked', trigger: { kind: 'click', selector: '#send' } },
    {
      id: 'early_form',
      name: 'Newsletter sent',
      trigger: { kind: 'form_submit', selector: 'form#early', hasField: 'email' },
    },
  ];
  /** A page whose load event waits `late` ms for an image; returns once the visitor can use it. */
  async function loading(late: number): Promise<{ page: Page; url: string; loaded: Promise<unknown> }> {
    const page = await ext.newPage();
    pages.push(page);
    const url = `${site.origin}/loading.html?late=${late}`;
    const loaded = page.goto(url).catch(() => undefined);
    await expect
      .poll(() => page.evaluate(() => document.readyState).catch(() => 'navigating'), { timeout: 5_000 })
      .toBe('interactive');
    return { page, url, loaded };
  }

  it('records a click made before the load event, at the time it was made', async () => {
    await usePlan(EARLY_GOALS);
    const { page, loaded } = await loading(2_500);
    const clickedAt = Date.now();
    await page.click('#send');
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    await loaded;
    const tabId = await ext.tabIdOf(page);
    const all = await firings(tabId, has('early_click'));
    const click = all.find((f) => f.goalId === 'early_click')!;
    expect(click.element?.selector).toBe('button#send');
    // Its time is the click's, not the load event's (2.5 s later) when the content script handed it over.
    expect(Math.abs(click.at - clickedAt)).toBeLessThan(1_000);
    expect(count(all, 'early_click')).toBe(1);
  });

  it('records a form sent before the load event, though the visitor is on the next page before it', async () => {
    await usePlan(EARLY_GOALS);
    const { page, url } = await loading(8_000);
    await page.fill('#early input[name=email]', 'reader@example.com');
    await page.click('#early button');
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('/thanks.html');
    const tabId = await ext.tabIdOf(page);
    const all = await firings(tabId, has('early_form'));
    expect(all.filter((f) => f.goalId === 'early_form').map((f) => f.url)).toEqual([url]);
    await expectNothingTyped('reader@example.com');
  });
});

describe('form_submit', () => {
  it('records a newsletter signup when the form posts and the browser goes on to the thank-you page', async () => {
    await usePlan(FORM_GOALS);
    const { page, tabId } = await open('/goals/forms.html');
    const formsUrl = page.url();
    await page.fill('#newsletter input[name=subscriber]', 'secret@example.com');
    await Promise.all([page.waitForURL('**/thanks.html'), page.click('#subscribe')]);
    await page.locator('#thanks').waitFor();

    const fired = await firings(tabId, (all) => all.length >= 2);
    expect(ids(fired)).toEqual(['email_capture', 'newsletter_signup']);
    const signup = fired.find((f) => f.goalId === 'newsletter_signup')!;
    expect(signup).toMatchObject({ goalName: 'Newsletter signup', trigger: 'form_submit', url: formsUrl });
    expect(signup.frameUrl).toBeUndefined();
    expect(signup.element).toMatchObject({
      tag: 'form',
      id: 'newsletter',
      selector: 'form#newsletter',
      text: 'Subscribe',
    });
    expect(signup.element?.formAction).toBe(`${site.origin}/form-target?form=newsletter`);
    // The email field is found by its type alone (its name says nothing).
    expect(signup.element?.fields).toEqual(['email', 'subscriber']);
    await expectNothingTyped('secret@example.com');
  });

  it('records a callback request when the visitor presses Enter in the phone field', async () => {
    await usePlan(FORM_GOALS);
    const { page, tabId } = await open('/goals/forms.html');
    await page.fill('#callback input[name=company]', 'Initech Secret Ltd');
    await page.fill('#callback input[name=contact_number]', '+44 20 7946 0999');
    await Promise.all([page.waitForURL('**/thanks.html'), page.press('#callback input[name=contact_number]', 'Enter')]);

    const fired = await firings(tabId, (all) => all.length >= 2);
    // `tel` from autocomplete="tel", `company` by the field's name; no email or password field here.
    expect(ids(fired)).toEqual(['b2b_lead', 'callback_request']);
    expect(fired[0]!.element).toMatchObject({
      selector: 'form#callback',
      fields: ['tel', 'contact_number', 'company'],
    });
    await expectNothingTyped('+44 20 7946 0999', 'Initech Secret Ltd');
  });

  it('records an account signup made with fetch while the page stays where it is', async () => {
    await usePlan(FORM_GOALS);
    const { page, tabId } = await open('/goals/forms.html');
    await page.fill('#signup input[name=login]', 'secret@example.com');
    await page.fill('#signup input[name=secret]', 'hunter2-Secret!');
    await page.fill('#signup input[name=confirm]', 'hunter2-Secret!');
    await page.click('#signup button');
    await page.locator('#signup-status', { hasText: 'Account created' }).waitFor();
    expect(page.url()).toBe(`${site.origin}/goals/forms.html`);

    const fired = await firings(tabId, (all) => all.length >= 2);
    // The email field is known by autocomplete="email", the password by its type, the new password by
    // autocomplete="new-password".
    expect(ids(fired)).toEqual(['account_signup', 'email_capture']);
    expect(fired[0]!.element).toMatchObject({
      tag: 'form',
      selector: 'form#signup',
      classes: ['account-form'],
      text: 'Create my account',
      fields: ['email', 'password', 'new-password', 'login', 'secret', 'confirm'],
    });
    await expectNothingTyped('secret@example.com', 'hunter2-Secret!');
  });

  it('records a newsletter signup when the form inside a shadow root is submitted', async () => {
    await usePlan(FORM_GOALS);
    const { page, tabId } = await open('/goals/forms.html');
    // Playwright's CSS locators pierce open shadow roots, as a visitor's clicks do.
    await page.fill('newsletter-widget input[name=email]', 'secret@example.com');
    await page.click('newsletter-widget button');
    await page.locator('newsletter-widget .done').waitFor();

    const fired = await firings(tabId, (all) => all.length >= 2);
    expect(ids(fired)).toEqual(['email_capture', 'widget_signup']);
    const signup = fired.find((f) => f.goalId === 'widget_signup')!;
    expect(signup.element).toMatchObject({
      tag: 'form',
      id: 'footer-signup',
      selector: 'form#footer-signup',
      fields: ['email', 'email'],
    });
    await expectNothingTyped('secret@example.com');
  });

  it('records a booking made in a same-origin iframe, on the tab and page that embed it', async () => {
    await usePlan(FORM_GOALS);
    const { page, tabId } = await open('/goals/forms.html');
    const frame = page.frameLocator('#booking-frame');
    await frame.locator('input[name=phone]').fill('+1 555 0100 777');
    await frame.locator('button').click();
    await frame.locator('#thanks').waitFor();

    const fired = await firings(tabId, (all) => all.length >= 1);
    expect(ids(fired)).toEqual(['callback_request']);
    expect(fired[0]).toMatchObject({
      url: `${site.origin}/goals/forms.html`,
      frameUrl: `${site.origin}/goals/forms-frame.html`,
    });
    // `tel` from the field's name.
    expect(fired[0]!.element).toMatchObject({ selector: 'form#booking', fields: ['tel', 'phone'] });
    await expectNothingTyped('+1 555 0100 777');
  });
});

describe('click, download and outbound_click', () => {
  const CLICK_GOALS: Goal[] = [
    { id: 'add_to_cart', name: 'Add to cart', trigger: { kind: 'click', selector: '.add-to-cart' } },
    { id: 'demo_request', name: 'Demo request', trigger: { kind: 'click', text: 'Request a demo' } },
    { id: 'file_download', name: 'File download', trigger: { kind: 'download' } },
    { id: 'partner_click', name: 'Retail partner visit', trigger: { kind: 'outbound_click' } },
    { id: 'reseller_click', name: 'Reseller visit', trigger: { kind: 'outbound_click', hosts: ['reseller.example'] } },
  ];

  it('records an add-to-cart click by selector and a demo request by its visible text', async () => {
    await usePlan(CLICK_GOALS);
    const { page, tabId } = await open('/goals/clicks.html');
    // On the icon inside the button, and on one word of the link: where visitors actually click.
    await page.click('.add-to-cart svg');
    await page.locator('#cart-status', { hasText: 'Added to cart' }).waitFor();
    await page.click('.cta strong');

    const fired = await firings(tabId, has('add_to_cart', 'demo_request'));
    expect(ids(fired)).toEqual(['add_to_cart', 'demo_request']);
    // The firing names the button and the link the goals mean, not the icon or the word that took the click.
    expect(fired.find((f) => f.goalId === 'add_to_cart')).toMatchObject({
      trigger: 'click',
      element: { tag: 'button', classes: ['add-to-cart'], text: 'Add to cart', selector: 'button.add-to-cart' },
    });
    expect(fired.find((f) => f.goalId === 'demo_request')).toMatchObject({
      trigger: 'click',
      element: {
        tag: 'a',
        classes: ['cta'],
        text: 'Request a demo',
        href: `${site.origin}/goals/clicks.html#demo`,
        selector: 'a.cta',
      },
    });
  });

  it('records file downloads by extension and by the download attribute, but not an ordinary link', async () => {
    await usePlan(CLICK_GOALS);
    const { page, tabId } = await open('/goals/clicks.html');
    await page.click('#faq');
    await page.click('#care-guide');
    await page.click('#export-csv');

    const fired = await firings(tabId, (all) => count(all, 'file_download') >= 2);
    // The FAQ link was clicked first: had it counted, it would be here before the two files.
    expect(ids(fired)).toEqual(['file_download', 'file_download']);
    const [pdf, csv] = fired;
    expect(pdf).toMatchObject({ trigger: 'download', detail: { href: `${site.origin}/shop/care-guide.pdf` } });
    expect(pdf!.element).toMatchObject({ tag: 'a', id: 'care-guide', href: `${site.origin}/shop/care-guide.pdf` });
    expect(csv).toMatchObject({ detail: { href: `${site.origin}/api/export?format=csv` } });
    expect(csv!.element).toMatchObject({ id: 'export-csv', text: 'Export my orders' });
  });

  it('records a click to the retail partner on another site, and only for the hosts a goal names', async () => {
    await usePlan(CLICK_GOALS);
    const { page, tabId } = await open('/goals/clicks.html');
    await page.click('#faq');
    await page.click('#partner');

    const fired = await firings(tabId, has('partner_click'));
    expect(ids(fired)).toEqual(['partner_click']);
    expect(fired[0]).toMatchObject({
      trigger: 'outbound_click',
      detail: { href: `${site.otherOrigin}/goals/partner.html?ref=kettle` },
    });
    expect(fired[0]!.element).toMatchObject({ tag: 'a', id: 'partner', text: 'Our retail partner' });
  });
});

describe('video', () => {
  const VIDEO_GOALS: Goal[] = [
    {
      id: 'tour_play',
      name: 'Product tour played',
      trigger: { kind: 'video', action: 'play', selector: '#product-tour' },
    },
    {
      id: 'tour_25',
      name: 'Product tour 25%',
      trigger: { kind: 'video', action: 'progress', percent: 25, selector: '#product-tour' },
    },
    {
      id: 'tour_50',
      name: 'Product tour 50%',
      trigger: { kind: 'video', action: 'progress', percent: 50, selector: '#product-tour' },
    },
    {
      id: 'tour_75',
      name: 'Product tour 75%',
      trigger: { kind: 'video', action: 'progress', percent: 75, selector: '#product-tour' },
    },
    {
      id: 'tour_complete',
      name: 'Product tour watched',
      trigger: { kind: 'video', action: 'complete', selector: '#product-tour' },
    },
    {
      id: 'story_play',
      name: 'Customer story played',
      trigger: { kind: 'video', action: 'play', selector: '.embedded-player' },
    },
  ];

  it('records play, 25/50/75% progress and completion of the product tour as it really plays', async () => {
    await usePlan(VIDEO_GOALS);
    const { page, tabId } = await open('/goals/video.html');
    await page.click('#play-tour');
    await page.waitForFunction(() => (document.getElementById('product-tour') as HTMLVideoElement).ended, null, {
      timeout: 20_000,
    });

    const fired = await firings(tabId, has('tour_play', 'tour_25', 'tour_50', 'tour_75', 'tour_complete'));
    // Each once (the 75% and 100% reports do not fire the 50% goal again), in the order the visitor watched.
    const watched = ['tour_play', 'tour_25', 'tour_50', 'tour_75', 'tour_complete'];
    expect(ids(fired)).toEqual([...watched].sort());
    const times = watched.map((id) => fired.find((f) => f.goalId === id)!.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(fired.every((f) => f.trigger === 'video' && f.element?.selector === 'video#product-tour')).toBe(true);
    expect(fired.find((f) => f.goalId === 'tour_50')!.detail).toEqual({ action: 'progress', percent: '50' });
    expect(fired.find((f) => f.goalId === 'tour_complete')!.detail).toEqual({ action: 'complete', percent: '100' });
  });

  it('attributes a video played inside an embedded player to the page that embeds it', async () => {
    await usePlan(VIDEO_GOALS);
    const { page, tabId } = await open('/goals/video.html');
    await page.frameLocator('#story-frame').locator('#play-story').click();

    const fired = await firings(tabId, has('story_play'));
    expect(ids(fired)).toEqual(['story_play']);
    expect(fired[0]).toMatchObject({
      url: `${site.origin}/goals/video.html`,
      frameUrl: `${site.origin}/goals/video-frame.html`,
    });
    expect(fired[0]!.element).toMatchObject({ tag: 'video', id: 'story' });
  });
});

describe('datalayer_event', () => {
  const LAYER_GOALS: Goal[] = [
    { id: 'consent_ready', name: 'Consent ready', trigger: { kind: 'datalayer_event', event: 'consent_ready' } },
    { id: 'page_ready', name: 'Page ready (gtag)', trigger: { kind: 'datalayer_event', event: 'page_ready' } },
    { id: 'add_to_cart', name: 'Add to cart', trigger: { kind: 'datalayer_event', event: 'add_to_cart' } },
    { id: 'generate_lead', name: 'Quote request (gtag)', trigger: { kind: 'datalayer_event', event: 'generate_lead' } },
    { id: 'meta_lead', name: 'Contact (Meta Pixel)', trigger: { kind: 'datalayer_event', event: 'Lead' } },
    { id: 'begin_checkout', name: 'Checkout started', trigger: { kind: 'datalayer_event', event: 'begin_checkout' } },
    { id: 'layer_reset', name: 'Data layer reset', trigger: { kind: 'datalayer_event', event: 'layer_reset' } },
    { id: 'select_plan', name: 'Plan chosen', trigger: { kind: 'datalayer_event', event: 'select_plan' } },
  ];

  it('records the events a page pushes at the top of <head>, before the extension has read the plan', async () => {
    await usePlan(LAYER_GOALS);
    // Whether the pushes or the plan arrive first varies from load to load: several loads, each complete.
    for (let visit = 1; visit <= 5; visit++) {
      const { page, tabId } = await open(`/goals/datalayer.html?visit=${visit}`);
      // A later event marks the end: the head's events, if they were kept, are stored by then.
      await page.click('#add-to-cart');
      const fired = await firings(tabId, has('add_to_cart'));
      expect(ids(fired)).toEqual(['add_to_cart', 'consent_ready', 'page_ready']);
      expect(fired.find((f) => f.goalId === 'consent_ready')).toMatchObject({
        trigger: 'datalayer_event',
        detail: { event: 'consent_ready', source: 'dataLayer' },
      });
      expect(fired.find((f) => f.goalId === 'page_ready')!.detail).toEqual({ event: 'page_ready', source: 'gtag' });
      await page.close();
    }
  });

  it('records dataLayer.push, gtag("event") and fbq("track") events as the visitor clicks', async () => {
    await usePlan(LAYER_GOALS);
    const { page, tabId } = await open('/goals/datalayer.html');
    await firings(tabId, has('page_ready'));
    await page.click('#add-to-cart');
    await page.click('#lead');
    await page.click('#fb-lead');

    const fired = await firings(tabId, has('add_to_cart', 'generate_lead', 'meta_lead'));
    const later = fired.filter((f) => !['consent_ready', 'page_ready'].includes(f.goalId));
    expect(later.map((f) => `${f.goalId}/${f.detail?.source}`)).toEqual([
      'add_to_cart/dataLayer',
      'generate_lead/gtag',
      'meta_lead/fbq',
    ]);
  });

  it('reports each push once after a tag manager installs its own dataLayer.push, and the page gets its return value', async () => {
    await usePlan(LAYER_GOALS);
    const { page, tabId } = await open('/goals/datalayer.html');
    await page.click('#gtm-boot');
    await page.locator('#log', { hasText: 'GTM ready' }).waitFor();
    await page.click('#gtm-push');
    // A later event marks the end: everything the checkout push caused is stored by then.
    await page.click('#add-to-cart');

    const fired = await firings(tabId, has('begin_checkout', 'add_to_cart'));
    expect(count(fired, 'begin_checkout')).toBe(1);
    expect(count(fired, 'add_to_cart')).toBe(1);
    const pageSaw = await page.evaluate(() => {
      const w = window as unknown as { gtmProcessed: string[]; gtmPushResult: unknown; dataLayer: unknown[] };
      return { processed: w.gtmProcessed, result: w.gtmPushResult, length: w.dataLayer.length };
    });
    // GTM's push ran for both events and its caller got what it returned (the array's new length).
    expect(pageSaw.processed).toEqual(['begin_checkout', 'add_to_cart']);
    expect(pageSaw.result).toBe(pageSaw.length - 1);
  });

  it('follows a dataLayer the page replaces with a new array', async () => {
    await usePlan(LAYER_GOALS);
    const { page, tabId } = await open('/goals/datalayer.html');
    await page.click('#replace-layer');
    await page.click('#after-replace');

    const fired = await firings(tabId, has('layer_reset', 'select_plan'));
    expect(count(fired, 'layer_reset')).toBe(1);
    expect(count(fired, 'select_plan')).toBe(1);
    expect(
      await page.evaluate(() =>
        (window as unknown as { dataLayer: Array<{ event: string }> }).dataLayer.map((i) => i.event),
      ),
    ).toEqual(['layer_reset', 'select_plan']);
  });
});

describe('page_view and site_search', () => {
  const VIEW_GOALS: Goal[] = [
    {
      id: 'landing_view',
      name: 'Landing page',
      category: 'navigation',
      trigger: { kind: 'page_view', url: '*/goals/spa.html*' },
    },
    {
      id: 'checkout_view',
      name: 'Checkout reached',
      category: 'navigation',
      trigger: { kind: 'page_view', url: '/goals/spa/checkout*' },
    },
    { id: 'site_search', name: 'Site search', trigger: { kind: 'site_search' } },
  ];

  it('records the landing page view, then a client-side route change to checkout as a virtual page view', async () => {
    await usePlan(VIEW_GOALS);
    const { page, tabId } = await open('/goals/spa.html');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await firings(tabId, has('landing_view'));
    await page.click('#to-checkout');
    await page.locator('#view', { hasText: 'Route /goals/spa/checkout' }).waitFor();

    const fired = await firings(tabId, has('checkout_view'));
    expect(ids(fired)).toEqual(['checkout_view', 'landing_view']);
    expect(fired.find((f) => f.goalId === 'landing_view')).toMatchObject({
      trigger: 'page_view',
      detail: { url: `${site.origin}/goals/spa.html`, virtual: 'false' },
    });
    expect(fired.find((f) => f.goalId === 'checkout_view')).toMatchObject({
      url: `${site.origin}/goals/spa/checkout`,
      detail: { url: `${site.origin}/goals/spa/checkout`, virtual: 'true' },
    });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('records a site search when the page opens with ?q= and when the app routes to a search', async () => {
    await usePlan(VIEW_GOALS);
    const { page, tabId } = await open('/goals/spa.html?q=kettle');
    await firings(tabId, has('site_search'));
    await page.click('#to-search');

    const fired = await firings(tabId, (all) => count(all, 'site_search') >= 2);
    const searches = fired.filter((f) => f.goalId === 'site_search');
    expect(searches.map((f) => f.detail)).toEqual([
      { url: `${site.origin}/goals/spa.html?q=kettle`, virtual: 'false' },
      { url: `${site.origin}/goals/spa/search?q=blue+kettle`, virtual: 'true' },
    ]);
  });
});

describe('scroll_depth, element_visible and time_on_page', () => {
  const ENGAGEMENT_GOALS: Goal[] = [
    {
      id: 'read_half',
      name: 'Read half the page',
      category: 'engagement',
      trigger: { kind: 'scroll_depth', percent: 50 },
    },
    { id: 'read_all', name: 'Read to the end', category: 'engagement', trigger: { kind: 'scroll_depth', percent: 95 } },
    {
      id: 'pricing_seen',
      name: 'Pricing seen',
      category: 'engagement',
      trigger: { kind: 'element_visible', selector: '#pricing-table' },
    },
    { id: 'stayed', name: 'Stayed a second', category: 'engagement', trigger: { kind: 'time_on_page', seconds: 1 } },
  ];

  it('records a second on the page, then the pricing table and scroll depths as the visitor scrolls down', async () => {
    await usePlan(ENGAGEMENT_GOALS);
    const { page, tabId } = await open('/goals/long.html');
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const first = await firings(tabId, has('stayed'));
    // Nothing else yet: the visitor has not scrolled, and the pricing table is far below the fold.
    expect(ids(first)).toEqual(['stayed']);
    expect(first[0]).toMatchObject({ trigger: 'time_on_page', detail: { seconds: '1' } });
    // A second after the page started (a few ms of slack: two clocks).
    expect(first[0]!.at - navigationStart).toBeGreaterThanOrEqual(990);

    await page.locator('#pricing-table').scrollIntoViewIfNeeded();
    const middle = await firings(tabId, has('pricing_seen', 'read_half'));
    expect(ids(middle)).toEqual(['pricing_seen', 'read_half', 'stayed']);
    expect(middle.find((f) => f.goalId === 'pricing_seen')!.element).toMatchObject({
      tag: 'section',
      id: 'pricing-table',
      selector: 'section#pricing-table',
    });

    await page.mouse.move(200, 200);
    await page.mouse.wheel(0, 10_000);
    await page.mouse.wheel(0, -3_000);
    await page.mouse.wheel(0, 3_000);
    const end = await firings(tabId, has('read_all'));
    // Each threshold once, however often the visitor scrolls back and forth.
    expect(ids(end)).toEqual(['pricing_seen', 'read_all', 'read_half', 'stayed']);
    expect(end.find((f) => f.goalId === 'read_all')!.detail).toEqual({ percent: '95' });
  });
});

describe('a page with a strict Content-Security-Policy', () => {
  it('still records its dataLayer events and its form submit', async () => {
    await usePlan([
      { id: 'csp_ready', name: 'Page ready', trigger: { kind: 'datalayer_event', event: 'csp_page_ready' } },
      {
        id: 'quote_form',
        name: 'Quote form',
        trigger: { kind: 'form_submit', selector: 'form#quote', hasField: 'email' },
      },
      { id: 'quote_event', name: 'Quote event', trigger: { kind: 'datalayer_event', event: 'quote_requested' } },
    ]);
    const page = await ext.newPage();
    pages.push(page);
    const response = await page.goto(`${site.origin}/goals/csp.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const tabId = await ext.tabIdOf(page);
    await page.fill('#quote input', 'secret@example.com');
    await page.click('#quote button');
    await page.locator('#quote-status', { hasText: 'Quote on its way' }).waitFor();

    const fired = await firings(tabId, has('csp_ready', 'quote_form', 'quote_event'));
    expect(ids(fired)).toEqual(['csp_ready', 'quote_event', 'quote_form']);
    // `email` from the field's name: it is a plain text input.
    expect(fired.find((f) => f.goalId === 'quote_form')!.element).toMatchObject({
      selector: 'form#quote',
      fields: ['email', 'work_email'],
    });
    await expectNothingTyped('secret@example.com');
  });
});

describe('editing the plan', () => {
  it('applies an edited plan to an open tab at once, without a reload', async () => {
    await usePlan([{ id: 'add_to_cart', name: 'Add to cart', trigger: { kind: 'click', selector: '.add-to-cart' } }]);
    const { page, tabId } = await open('/goals/clicks.html');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await page.click('.cta');
    await page.click('.add-to-cart');
    const before = await firings(tabId, has('add_to_cart'));
    expect(ids(before)).toEqual(['add_to_cart']);

    // Plan B: the demo request is a goal now, add-to-cart no longer is.
    await usePlan([{ id: 'demo_request', name: 'Demo request', trigger: { kind: 'click', text: 'Request a demo' } }]);
    const after = await settle(async () => {
      await page.click('.add-to-cart');
      await page.click('.cta');
      return allFirings(tabId);
    }, has('demo_request'));
    expect(count(after, 'demo_request')).toBeGreaterThanOrEqual(1);
    // Once the demo request fired, the add-to-cart click just before it had stopped counting.
    const firstDemo = after.find((f) => f.goalId === 'demo_request')!;
    expect(after.filter((f) => f.goalId === 'add_to_cart' && f.at > firstDemo.at)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
