import { DEFAULT_PLAN } from '../goals/default-plan';
import { libraryGoal, type LibraryGoalId } from '../goals/library';
import type { Plan } from '../goals/types';

// Ready-made plans a marketer starts from, made of the library's goals (lib/goals/library.ts): a goal is
// defined once, whether it comes with the default plan or a preset. A preset applies on every page whatever the
// page looks like (the user chose it for the site): its goals carry no site kinds. Every preset passes
// parsePlan (presets.test.ts).

export interface Preset {
  id: string;
  /** The name in the preset picker. */
  label: string;
  description: string;
  plan: Plan;
}

function plan(name: string, ids: readonly LibraryGoalId[]): Plan {
  return { version: 1, name, goals: ids.map(libraryGoal) };
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'default',
    label: 'Default micro-conversions',
    description:
      'Read from the page: a shop, a lead-generation or SaaS site, or a content site each get their 3–5 micro-conversions and the macro conversion.',
    plan: DEFAULT_PLAN,
  },
  {
    id: 'lead-generation',
    label: 'Lead generation (B2B)',
    description: 'Demo and contact requests, pricing and case-study views, whitepaper downloads, meeting bookings.',
    plan: plan('Lead generation (B2B)', [
      'demo_request',
      'newsletter_signup',
      'contact_request',
      'pricing_view',
      'case_study_view',
      'file_download',
      'meeting_booking_click',
      'book_demo_click',
      'webinar_signup',
      'account_signup',
    ]),
  },
  {
    id: 'ecommerce',
    label: 'E-commerce funnel',
    description: 'From the product page to the purchase: search, wishlist, cart, checkout, shipping, payment.',
    plan: plan('E-commerce funnel', [
      'category_view',
      'product_view',
      'site_search',
      'add_to_wishlist',
      'add_to_cart',
      'add_to_cart_text',
      'add_to_cart_form',
      'add_to_cart_event',
      'view_cart',
      'begin_checkout',
      'add_shipping_info',
      'add_payment_info',
      'purchase',
      'purchase_confirmation',
    ]),
  },
  {
    id: 'content',
    label: 'Content and media',
    description: 'Reading, watching and sharing: scroll to the end, time on page, video, newsletter, share links.',
    plan: plan('Content and media', [
      'article_read',
      'long_read_time',
      'video_start',
      'video_progress',
      'video_complete',
      'newsletter_signup',
      'share_click',
      'comments_seen',
      'site_search',
      'account_signup',
    ]),
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
