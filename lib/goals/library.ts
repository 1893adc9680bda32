import type { ExpectedTag, Goal } from './types';

// Every goal Tagwatch knows how to offer, defined once: the default plan (lib/goals/default-plan.ts), the presets
// of the options page (lib/plans/presets.ts) and the ranking of goals that match the same action
// (lib/audit/actions.ts, which tells a goal as shipped from one the user edited) all read this table.
//
// Each goal expects the GA4 event Google recommends (or that enhanced measurement sends by itself) and the Meta
// Pixel standard event, where one exists. Goals without `expect` have no standard event: they are logged, and a
// per-site plan can add the site's own event names.

const ga4 = (event: string, params?: ExpectedTag['params']): ExpectedTag => ({
  vendor: 'ga4',
  event,
  ...(params && { params }),
});
const meta = (event: string, params?: ExpectedTag['params']): ExpectedTag => ({
  vendor: 'meta-pixel',
  event,
  ...(params && { params }),
});
const present = { exists: true } as const;

const PURCHASE: ExpectedTag[] = [
  ga4('purchase', { currency: present, value: present, transaction_id: present }),
  meta('Purchase', { currency: present, value: present }),
];
const ADD_TO_CART: ExpectedTag[] = [ga4('add_to_cart'), meta('AddToCart')];

/** Confirmation pages of common platforms: Shopify thank_you, WooCommerce order-received, Magento checkout/onepage/success. */
const CONFIRMATION = '(order-confirmation|thank[-_]?you|checkout\\/(onepage\\/)?success|order-received)';

export const GOALS = {
  // ——— shop ———
  product_view: {
    // Shopify /products/…, WooCommerce /product/…: Meta's ViewContent is meant for exactly this page.
    id: 'product_view',
    name: 'Product page',
    category: 'navigation',
    trigger: { kind: 'page_view', url: '/\\/products?\\/[^/?#]+/i' },
    expect: [ga4('view_item'), meta('ViewContent')],
  },
  category_view: {
    id: 'category_view',
    name: 'Category browsing',
    category: 'navigation',
    trigger: { kind: 'page_view', url: '/\\/(category|categories|collections)\\//i' },
    expect: [ga4('view_item_list')],
  },
  site_search: {
    // GA4 enhanced measurement sends `view_search_results` (not the recommended `search`, which only a site's
    // own tag sends) when the URL has q, s, search or query: the same parameters as this trigger.
    id: 'site_search',
    name: 'Site search',
    category: 'navigation',
    trigger: { kind: 'site_search' },
    expect: [ga4('view_search_results'), meta('Search')],
  },
  add_to_cart: {
    // The common shapes of an add-to-cart button, WooCommerce's classes among them. The caption, the Shopify form
    // and the dataLayer event below catch the others; on one click the most specific of them owns the verdict.
    id: 'add_to_cart',
    name: 'Add to cart (button)',
    category: 'interaction',
    trigger: {
      kind: 'click',
      selector:
        '[name=add-to-cart], .add-to-cart, button[data-action=add-to-cart], .add_to_cart_button, .single_add_to_cart_button',
    },
    expect: ADD_TO_CART,
  },
  add_to_cart_text: {
    id: 'add_to_cart_text',
    name: 'Add to cart (by its caption)',
    category: 'interaction',
    trigger: { kind: 'click', text: 'Add to cart' },
    expect: ADD_TO_CART,
  },
  add_to_cart_form: {
    // Shopify's product form posts to /cart/add (themes with an AJAX cart still fire the submit event).
    id: 'add_to_cart_form',
    name: 'Add to cart (form)',
    category: 'interaction',
    trigger: { kind: 'form_submit', selector: 'form[action*="/cart/add"]' },
    expect: ADD_TO_CART,
  },
  add_to_cart_event: {
    // The site's own dataLayer event: checks that the tags listening for it (GTM triggers) still fire.
    id: 'add_to_cart_event',
    name: 'Add to cart (dataLayer)',
    category: 'interaction',
    trigger: { kind: 'datalayer_event', event: 'add_to_cart' },
    expect: ADD_TO_CART,
  },
  add_to_wishlist: {
    id: 'add_to_wishlist',
    name: 'Add to wishlist',
    category: 'interaction',
    trigger: {
      kind: 'click',
      selector: '[name=add-to-wishlist], .add-to-wishlist, .wishlist-button, [data-action=add-to-wishlist]',
    },
    expect: [ga4('add_to_wishlist'), meta('AddToWishlist')],
  },
  view_cart: {
    id: 'view_cart',
    name: 'Cart viewed',
    category: 'navigation',
    trigger: { kind: 'page_view', url: '/\\/(cart|basket|bag)\\/?(\\?|#|$)/i' },
    expect: [ga4('view_cart')],
  },
  begin_checkout: {
    // The checkout, not its confirmation page (that is the purchase): `/checkout/order-received/…` is left out.
    id: 'begin_checkout',
    name: 'Checkout started',
    category: 'interaction',
    trigger: {
      kind: 'page_view',
      url: '/\\/checkouts?(?![^?#]*(order-confirmation|thank[-_]?you|success|order-received))(\\/|\\?|#|$)/i',
    },
    expect: [ga4('begin_checkout'), meta('InitiateCheckout')],
  },
  add_shipping_info: {
    id: 'add_shipping_info',
    name: 'Shipping details entered',
    category: 'interaction',
    trigger: { kind: 'datalayer_event', event: 'add_shipping_info' },
    expect: [ga4('add_shipping_info')],
  },
  add_payment_info: {
    id: 'add_payment_info',
    name: 'Payment details entered',
    category: 'interaction',
    trigger: { kind: 'datalayer_event', event: 'add_payment_info' },
    expect: [ga4('add_payment_info'), meta('AddPaymentInfo')],
  },
  purchase: {
    id: 'purchase',
    name: 'Purchase (dataLayer)',
    category: 'macro',
    trigger: { kind: 'datalayer_event', event: 'purchase' },
    expect: PURCHASE,
    windowMs: 10_000,
  },
  purchase_confirmation: {
    // `thank-you` pages of lead forms match too: override the goal by its id in a per-site plan.
    id: 'purchase_confirmation',
    name: 'Order confirmation page',
    category: 'macro',
    trigger: { kind: 'page_view', url: `/\\/${CONFIRMATION}/i` },
    expect: PURCHASE,
    // Confirmation pages are heavy and tags often wait for the page to load.
    windowMs: 10_000,
  },

  // ——— lead generation and SaaS ———
  newsletter_signup: {
    // An email field and none of what makes another form: no password (a login or an account), no phone and no
    // message box (a contact request). `:has` needs Chrome 105, Firefox 121.
    id: 'newsletter_signup',
    name: 'Newsletter or lead form',
    category: 'interaction',
    trigger: {
      kind: 'form_submit',
      selector: 'form:not(:has(input[type=password], input[type=tel], textarea))',
      hasField: 'email',
    },
    expect: [ga4('generate_lead'), meta('Lead')],
  },
  contact_request: {
    // A form asking for a phone number, outside the checkout: someone wants to be called back.
    id: 'contact_request',
    name: 'Contact form with phone',
    category: 'trust',
    trigger: { kind: 'form_submit', selector: 'form:not(.checkout):not([action*=checkout])', hasField: 'tel' },
    expect: [ga4('generate_lead'), meta('Contact')],
  },
  demo_request: {
    id: 'demo_request',
    name: 'Demo request form',
    category: 'macro',
    trigger: { kind: 'form_submit', selector: 'form[id*=demo], form[class*=demo], form[action*=demo]' },
    expect: [ga4('generate_lead'), meta('Schedule')],
  },
  account_signup: {
    // `new-password`: autocomplete="new-password", or a password with its confirmation. A trial, an account, a
    // paid subscription: the macro conversion of SaaS and content sites.
    id: 'account_signup',
    name: 'Account or trial signup',
    category: 'macro',
    trigger: { kind: 'form_submit', hasField: 'new-password' },
    expect: [ga4('sign_up'), meta('CompleteRegistration')],
  },
  pricing_view: {
    // The pricing page is the strongest sign of intent on a SaaS site: its tag must be there.
    id: 'pricing_view',
    name: 'Pricing page viewed',
    category: 'navigation',
    trigger: { kind: 'page_view', url: '*/pricing*' },
    expect: [ga4('page_view')],
  },
  file_download: {
    id: 'file_download',
    name: 'File download',
    category: 'interaction',
    trigger: { kind: 'download' },
    expect: [ga4('file_download')],
  },
  book_demo_click: {
    // Usually opens a booking page or widget, where the lead is made: logged, no tag expected yet.
    id: 'book_demo_click',
    name: '"Book a demo" click',
    category: 'trust',
    trigger: { kind: 'click', text: 'Book a demo' },
  },
  meeting_booking_click: {
    // Scheduling tools open in another site: the click is the last step the site itself sees.
    id: 'meeting_booking_click',
    name: 'Meeting booking link',
    category: 'macro',
    trigger: {
      kind: 'outbound_click',
      hosts: ['calendly.com', 'meetings.hubspot.com', 'chilipiper.com', 'savvycal.com'],
    },
    expect: [ga4('click', { outbound: present })],
  },
  webinar_signup: {
    id: 'webinar_signup',
    name: 'Webinar registration',
    category: 'interaction',
    trigger: { kind: 'form_submit', selector: 'form[id*=webinar], form[class*=webinar], form[action*=webinar]' },
    expect: [ga4('sign_up'), meta('CompleteRegistration')],
  },
  case_study_view: {
    id: 'case_study_view',
    name: 'Case study read',
    category: 'trust',
    trigger: { kind: 'page_view', url: '/\\/(case-stud|customers?\\/|success-stor)/i' },
  },
  comparison_view: {
    id: 'comparison_view',
    name: 'Comparison page',
    category: 'trust',
    trigger: { kind: 'page_view', url: '/\\/compar(e|ison)|[/-]vs[/-]/i' },
  },

  // ——— content and media ———
  article_read: {
    // GA4 enhanced measurement sends `scroll` when a reader reaches 90 % of the page.
    id: 'article_read',
    name: 'Article read to the end',
    category: 'engagement',
    trigger: { kind: 'scroll_depth', percent: 90 },
    expect: [ga4('scroll')],
  },
  long_read_time: {
    id: 'long_read_time',
    name: 'Stayed a minute on the page',
    category: 'engagement',
    trigger: { kind: 'time_on_page', seconds: 60 },
  },
  video_start: {
    // GA4 enhanced measurement sends video_* for YouTube embeds with the JS API on; HTML5 <video> needs the site's
    // own tag (GTM's video trigger or gtag), which is what these goals check. Meta has no video event.
    id: 'video_start',
    name: 'Video started',
    category: 'engagement',
    trigger: { kind: 'video', action: 'play' },
    expect: [ga4('video_start')],
  },
  video_progress: {
    // GA4 sends video_progress at 10, 25, 50 and 75 %; 50 is the one worth checking.
    id: 'video_progress',
    name: 'Video watched halfway',
    category: 'engagement',
    trigger: { kind: 'video', action: 'progress', percent: 50 },
    expect: [ga4('video_progress')],
  },
  video_complete: {
    id: 'video_complete',
    name: 'Video completed',
    category: 'engagement',
    trigger: { kind: 'video', action: 'complete' },
    expect: [ga4('video_complete')],
  },
  share_click: {
    id: 'share_click',
    name: 'Share button',
    category: 'interaction',
    trigger: {
      kind: 'outbound_click',
      hosts: ['facebook.com', 'x.com', 'twitter.com', 'linkedin.com', 'wa.me', 'pinterest.com', 'reddit.com'],
    },
    expect: [ga4('share')],
  },
  outbound_click: {
    // Enhanced measurement's outbound click is the event `click` with `outbound: true`.
    id: 'outbound_click',
    name: 'Outbound link',
    category: 'navigation',
    trigger: { kind: 'outbound_click' },
    expect: [ga4('click', { outbound: present })],
  },
  reviews_read: {
    id: 'reviews_read',
    name: 'Reviews read',
    category: 'trust',
    trigger: { kind: 'element_visible', selector: '#reviews, .reviews' },
  },
  comments_seen: {
    id: 'comments_seen',
    name: 'Comments reached',
    category: 'trust',
    trigger: { kind: 'element_visible', selector: '#comments, .comments' },
  },
} satisfies Record<string, Goal>;

export type LibraryGoalId = keyof typeof GOALS;

/** The library's goal, as a fresh copy a plan can own. */
export function libraryGoal(id: LibraryGoalId): Goal {
  return structuredClone(GOALS[id]) as Goal;
}

/** JSON with every object's keys sorted: a plan read back from storage has its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes a goal the one the library ships: everything but its name and where it is offered. */
function essence(goal: Goal): string {
  const { trigger, expect, windowMs } = goal;
  return canonical([trigger, expect ?? [], windowMs ?? null]);
}

const SHIPPED = new Map(Object.values(GOALS).map((g) => [g.id, essence(g as Goal)]));

/**
 * True when `goal` is a library goal as shipped (in the default plan or a preset), not one the user wrote or
 * changed: a plan's own goal beats a shipped one when both match the same action.
 */
export function isShippedGoal(goal: Goal): boolean {
  return SHIPPED.get(goal.id) === essence(goal);
}
