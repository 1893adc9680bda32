import { DEFAULT_PLAN } from '../goals/default-plan';
import type { ExpectedTag, Plan } from '../goals/types';

// Ready-made plans a marketer starts from. Each expects the events GA4 recommends for the step (and Meta's
// standard event where there is one); every preset passes parsePlan (presets.test.ts).

export interface Preset {
  id: string;
  /** The name in the preset picker. */
  label: string;
  description: string;
  plan: Plan;
}

const ga4 = (event: string, params?: ExpectedTag['params']): ExpectedTag => ({ vendor: 'ga4', event, ...(params && { params }) });
const meta = (event: string, params?: ExpectedTag['params']): ExpectedTag => ({ vendor: 'meta-pixel', event, ...(params && { params }) });
const present = { exists: true } as const;

const LEAD_GENERATION: Plan = {
  version: 1,
  name: 'Lead generation (B2B)',
  goals: [
    {
      id: 'demo_request', name: 'Demo request form', category: 'macro',
      trigger: { kind: 'form_submit', selector: 'form[id*=demo], form[class*=demo], form[action*=demo]' },
      // LinkedIn's Insight Tag reports a conversion with its conversion id; B2B campaigns are judged on it.
      expect: [ga4('generate_lead'), meta('Lead'), { vendor: 'linkedin', event: 'conversion' }],
    },
    {
      id: 'contact_form', name: 'Contact form', category: 'trust',
      trigger: { kind: 'form_submit', selector: 'form:not(:has(input[type=password]))', hasField: 'email' },
      expect: [ga4('generate_lead'), meta('Lead')],
    },
    {
      id: 'callback_request', name: 'Call-back request (phone field)', category: 'trust',
      trigger: { kind: 'form_submit', hasField: 'tel' },
      expect: [ga4('generate_lead'), meta('Contact')],
    },
    {
      id: 'pricing_view', name: 'Pricing page viewed', category: 'navigation',
      trigger: { kind: 'page_view', url: '*/pricing*' },
      expect: [ga4('page_view')],
    },
    {
      id: 'case_study_view', name: 'Case study read', category: 'trust',
      trigger: { kind: 'page_view', url: '/\\/(case-stud|customers?\\/|success-stor)/i' },
    },
    {
      id: 'whitepaper_download', name: 'Whitepaper or datasheet download', category: 'interaction',
      trigger: { kind: 'download', extensions: ['pdf', 'pptx', 'docx'] },
      expect: [ga4('file_download')],
    },
    {
      // Scheduling tools open in another site: the click is the last step the site itself sees.
      id: 'meeting_booking_click', name: 'Meeting booking link', category: 'macro',
      trigger: { kind: 'outbound_click', hosts: ['calendly.com', 'meetings.hubspot.com', 'chilipiper.com', 'savvycal.com'] },
      expect: [ga4('click', { outbound: present })],
    },
    {
      id: 'book_demo_click', name: '"Book a demo" click', category: 'trust',
      trigger: { kind: 'click', text: 'Book a demo' },
    },
    {
      id: 'webinar_signup', name: 'Webinar registration', category: 'interaction',
      trigger: { kind: 'form_submit', selector: 'form[id*=webinar], form[class*=webinar], form[action*=webinar]' },
      expect: [ga4('sign_up'), meta('CompleteRegistration')],
    },
    {
      id: 'engaged_read', name: 'Stayed two minutes', category: 'engagement',
      trigger: { kind: 'time_on_page', seconds: 120 },
    },
  ],
};

const ECOMMERCE_FUNNEL: Plan = {
  version: 1,
  name: 'E-commerce funnel',
  goals: [
    {
      id: 'product_view', name: 'Product page', category: 'navigation',
      trigger: { kind: 'page_view', url: '/\\/products?\\/[^/?#]+/i' },
      expect: [ga4('view_item'), meta('ViewContent')],
    },
    {
      id: 'site_search', name: 'Site search', category: 'navigation',
      trigger: { kind: 'site_search' },
      expect: [ga4('view_search_results'), meta('Search')],
    },
    {
      id: 'add_to_wishlist', name: 'Add to wishlist', category: 'interaction',
      trigger: { kind: 'click', selector: '[name=add-to-wishlist], .add-to-wishlist, .wishlist-button, [data-action=add-to-wishlist]' },
      expect: [ga4('add_to_wishlist'), meta('AddToWishlist')],
    },
    {
      id: 'add_to_cart', name: 'Add to cart', category: 'interaction',
      trigger: { kind: 'click', selector: '[name=add-to-cart], .add-to-cart, button[data-action=add-to-cart], .add_to_cart_button, .single_add_to_cart_button' },
      expect: [ga4('add_to_cart', { currency: present, value: present }), meta('AddToCart')],
    },
    {
      id: 'view_cart', name: 'Cart viewed', category: 'navigation',
      trigger: { kind: 'page_view', url: '/\\/(cart|basket|bag)\\/?(\\?|#|$)/i' },
      expect: [ga4('view_cart')],
    },
    {
      id: 'begin_checkout', name: 'Checkout started', category: 'macro',
      trigger: { kind: 'page_view', url: '*/checkout*' },
      expect: [ga4('begin_checkout'), meta('InitiateCheckout')],
    },
    {
      id: 'add_shipping_info', name: 'Shipping details entered', category: 'macro',
      trigger: { kind: 'datalayer_event', event: 'add_shipping_info' },
      expect: [ga4('add_shipping_info')],
    },
    {
      id: 'add_payment_info', name: 'Payment details entered', category: 'macro',
      trigger: { kind: 'datalayer_event', event: 'add_payment_info' },
      expect: [ga4('add_payment_info'), meta('AddPaymentInfo')],
    },
    {
      id: 'purchase', name: 'Purchase', category: 'macro',
      trigger: { kind: 'datalayer_event', event: 'purchase' },
      expect: [
        ga4('purchase', { currency: present, value: present, transaction_id: present }),
        meta('Purchase', { currency: present, value: present }),
        { vendor: 'google-ads', event: 'conversion' },
      ],
      windowMs: 10_000,
    },
  ],
};

const CONTENT_SITE: Plan = {
  version: 1,
  name: 'Content and media',
  goals: [
    {
      id: 'article_read', name: 'Article read to the end', category: 'engagement',
      // GA4 enhanced measurement sends `scroll` at 90 %.
      trigger: { kind: 'scroll_depth', percent: 90 },
      expect: [ga4('scroll')],
    },
    {
      id: 'engaged_minute', name: 'Stayed a minute', category: 'engagement',
      trigger: { kind: 'time_on_page', seconds: 60 },
    },
    {
      id: 'video_start', name: 'Video started', category: 'engagement',
      trigger: { kind: 'video', action: 'play' },
      expect: [ga4('video_start')],
    },
    {
      id: 'video_complete', name: 'Video completed', category: 'engagement',
      trigger: { kind: 'video', action: 'complete' },
      expect: [ga4('video_complete')],
    },
    {
      id: 'newsletter_signup', name: 'Newsletter signup', category: 'interaction',
      trigger: { kind: 'form_submit', selector: 'form:not(:has(input[type=password]))', hasField: 'email' },
      expect: [ga4('generate_lead'), meta('Lead')],
    },
    {
      id: 'share_click', name: 'Share button', category: 'interaction',
      trigger: { kind: 'outbound_click', hosts: ['facebook.com', 'x.com', 'twitter.com', 'linkedin.com', 'wa.me', 'pinterest.com', 'reddit.com'] },
      expect: [ga4('share')],
    },
    {
      id: 'comments_seen', name: 'Comments reached', category: 'trust',
      trigger: { kind: 'element_visible', selector: '#comments, .comments' },
    },
    {
      id: 'subscribe_click', name: '"Subscribe" click', category: 'interaction',
      trigger: { kind: 'click', text: 'Subscribe' },
    },
  ],
};

export const PRESETS: readonly Preset[] = [
  {
    id: 'default',
    label: 'Default micro-conversions',
    description: 'The usual steps of shops, SaaS and content sites: video, scroll, search, signup, add to cart, download, purchase.',
    plan: DEFAULT_PLAN,
  },
  {
    id: 'lead-generation',
    label: 'Lead generation (B2B)',
    description: 'Demo and contact requests, pricing and case-study views, whitepaper downloads, meeting bookings.',
    plan: LEAD_GENERATION,
  },
  {
    id: 'ecommerce',
    label: 'E-commerce funnel',
    description: 'From the product page to the purchase: search, wishlist, cart, checkout, shipping, payment.',
    plan: ECOMMERCE_FUNNEL,
  },
  {
    id: 'content',
    label: 'Content and media',
    description: 'Reading, watching and sharing: scroll to the end, time on page, video, newsletter, share links.',
    plan: CONTENT_SITE,
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
