import type { ExpectedTag, Plan } from './types';

// The plan in force before the user writes one: the usual micro-conversions of shops, SaaS and content
// sites, in four families (engagement, navigation, interaction, trust) plus the purchase as the macro
// conversion. Each goal expects the GA4 event Google recommends (or that enhanced measurement sends by
// itself) and the Meta Pixel standard event, where one exists. A per-site plan overrides a goal by its id.
//
// Goals without `expect` have no standard event in GA4 or Meta: they are logged, and a per-site plan can
// add the site's own event names.

const ga4 = (event: string, params?: ExpectedTag['params']): ExpectedTag => ({ vendor: 'ga4', event, ...(params && { params }) });
const meta = (event: string, params?: ExpectedTag['params']): ExpectedTag => ({ vendor: 'meta-pixel', event, ...(params && { params }) });

const PURCHASE: ExpectedTag[] = [
  ga4('purchase', { currency: { exists: true }, value: { exists: true }, transaction_id: { exists: true } }),
  meta('Purchase', { currency: { exists: true }, value: { exists: true } }),
];
const ADD_TO_CART: ExpectedTag[] = [ga4('add_to_cart'), meta('AddToCart')];

export const DEFAULT_PLAN: Plan = {
  version: 1,
  name: 'Tagwatch defaults',
  goals: [
    // — engagement —
    // GA4 enhanced measurement sends video_* for YouTube embeds with the JS API on; HTML5 <video> needs the
    // site's own tag (GTM's video trigger or gtag), which is what these goals check. Meta has no video event.
    {
      id: 'video_start', name: 'Video started', category: 'engagement',
      trigger: { kind: 'video', action: 'play' },
      expect: [ga4('video_start')],
    },
    {
      id: 'video_progress', name: 'Video watched halfway', category: 'engagement',
      // GA4 sends video_progress at 10, 25, 50 and 75 %; 50 is the one worth checking.
      trigger: { kind: 'video', action: 'progress', percent: 50 },
      expect: [ga4('video_progress')],
    },
    {
      id: 'video_complete', name: 'Video completed', category: 'engagement',
      trigger: { kind: 'video', action: 'complete' },
      expect: [ga4('video_complete')],
    },
    {
      // A long read. GA4's own `scroll` event is sent at 90 %, so expecting it at 75 % would report it
      // missing for every reader who stops between the two: logged only.
      id: 'long_read_scroll', name: 'Read three quarters of the page', category: 'engagement',
      trigger: { kind: 'scroll_depth', percent: 75 },
    },
    {
      id: 'long_read_time', name: 'Stayed a minute on the page', category: 'engagement',
      trigger: { kind: 'time_on_page', seconds: 60 },
    },

    // — navigation —
    {
      // GA4 enhanced measurement sends `view_search_results` (not the recommended `search`, which only a
      // site's own tag sends) when the URL has q, s, search or query: the same parameters as this trigger.
      id: 'site_search', name: 'Site search', category: 'navigation',
      trigger: { kind: 'site_search' },
      expect: [ga4('view_search_results'), meta('Search')],
    },
    {
      id: 'category_view', name: 'Category browsing', category: 'navigation',
      trigger: { kind: 'page_view', url: '/\\/(category|categories|collections)\\//i' },
      expect: [ga4('view_item_list')],
    },
    {
      // Shopify /products/…, WooCommerce /product/…: Meta's ViewContent is meant for exactly this page.
      id: 'product_view', name: 'Product page', category: 'navigation',
      trigger: { kind: 'page_view', url: '/\\/products?\\/[^/?#]+/i' },
      expect: [ga4('view_item'), meta('ViewContent')],
    },
    {
      // Enhanced measurement's outbound click is the event `click` with `outbound: true`.
      id: 'outbound_click', name: 'Outbound link', category: 'navigation',
      trigger: { kind: 'outbound_click' },
      expect: [ga4('click', { outbound: { exists: true } })],
    },

    // — interaction —
    {
      // Email but no password: a newsletter or lead form, not a login. (`:has` needs Chrome 105, Firefox 121.)
      id: 'newsletter_signup', name: 'Newsletter or lead form', category: 'interaction',
      trigger: { kind: 'form_submit', selector: 'form:not(:has(input[type=password]))', hasField: 'email' },
      expect: [ga4('generate_lead'), meta('Lead')],
    },
    {
      // `new-password`: autocomplete="new-password", or a password with its confirmation.
      id: 'account_signup', name: 'Account signup', category: 'interaction',
      trigger: { kind: 'form_submit', hasField: 'new-password' },
      expect: [ga4('sign_up'), meta('CompleteRegistration')],
    },
    {
      id: 'file_download', name: 'File download', category: 'interaction',
      trigger: { kind: 'download' },
      expect: [ga4('file_download')],
    },
    {
      id: 'add_to_cart', name: 'Add to cart (button)', category: 'interaction',
      // The brief's three shapes, plus WooCommerce's button classes.
      trigger: {
        kind: 'click',
        selector: '[name=add-to-cart], .add-to-cart, button[data-action=add-to-cart], .add_to_cart_button, .single_add_to_cart_button',
      },
      expect: ADD_TO_CART,
    },
    {
      id: 'add_to_cart_text', name: 'Add to cart (by its caption)', category: 'interaction',
      trigger: { kind: 'click', text: 'Add to cart' },
      expect: ADD_TO_CART,
    },
    {
      // Shopify's product form posts to /cart/add (themes with an AJAX cart still fire the submit event).
      id: 'add_to_cart_form', name: 'Add to cart (form)', category: 'interaction',
      trigger: { kind: 'form_submit', selector: 'form[action*="/cart/add"]' },
      expect: ADD_TO_CART,
    },
    {
      // The site's own dataLayer event: checks that the tags listening for it (GTM triggers) still fire.
      id: 'add_to_cart_event', name: 'Add to cart (dataLayer)', category: 'interaction',
      trigger: { kind: 'datalayer_event', event: 'add_to_cart' },
      expect: ADD_TO_CART,
    },

    // — trust —
    {
      id: 'reviews_read', name: 'Reviews read', category: 'trust',
      trigger: { kind: 'element_visible', selector: '#reviews, .reviews' },
    },
    {
      id: 'comparison_view', name: 'Comparison page', category: 'trust',
      trigger: { kind: 'page_view', url: '/\\/compar(e|ison)|[/-]vs[/-]/i' },
    },
    {
      id: 'demo_request', name: 'Demo request form', category: 'trust',
      trigger: { kind: 'form_submit', selector: 'form[id*=demo], form[class*=demo], form[action*=demo]' },
      expect: [ga4('generate_lead'), meta('Schedule')],
    },
    {
      // A form asking for a phone number, outside the checkout: someone wants to be called back.
      id: 'contact_request', name: 'Contact form with phone', category: 'trust',
      trigger: { kind: 'form_submit', selector: 'form:not(.checkout):not([action*=checkout])', hasField: 'tel' },
      expect: [ga4('generate_lead'), meta('Contact')],
    },
    {
      // Usually opens a booking page or widget, where the lead is made: logged, no tag expected yet.
      id: 'book_demo_click', name: '"Book a demo" click', category: 'trust',
      trigger: { kind: 'click', text: 'Book a demo' },
    },

    // — macro —
    {
      id: 'purchase', name: 'Purchase (dataLayer)', category: 'macro',
      trigger: { kind: 'datalayer_event', event: 'purchase' },
      expect: PURCHASE,
    },
    {
      // Confirmation pages of common platforms: Shopify thank_you, WooCommerce order-received, Magento
      // checkout/onepage/success. `thank-you` pages of lead forms fire this too: override by id per site.
      id: 'purchase_confirmation', name: 'Order confirmation page', category: 'macro',
      trigger: { kind: 'page_view', url: '/\\/(order-confirmation|thank[-_]?you|checkout\\/(onepage\\/)?success|order-received)/i' },
      expect: PURCHASE,
      // Confirmation pages are heavy and tags often wait for the page to load.
      windowMs: 10_000,
    },
  ],
};
