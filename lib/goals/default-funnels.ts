import type { Funnel } from './types';

// The default plan's funnels, one per kind of site (lib/goals/default-plan.ts KIND_GOALS): the usual path from a
// first sign of interest to the kind's macro conversion, over the default plan's goals. Where the plan has several
// goals for one step (the add-to-cart button, its caption, its form, its dataLayer event) the step lists them all:
// any of them reaches it. Steps a visitor may skip (site search, a newsletter) are left out: a funnel step that is
// often skipped would read as a drop-off that is not one.

export const DEFAULT_FUNNELS: Funnel[] = [
  {
    id: 'checkout',
    name: 'Shop: product to purchase',
    steps: [
      'product_view',
      ['add_to_cart', 'add_to_cart_text', 'add_to_cart_form', 'add_to_cart_event'],
      'begin_checkout',
      ['purchase', 'purchase_confirmation'],
    ],
  },
  {
    id: 'lead',
    name: 'Lead: pricing to demo or signup',
    steps: ['pricing_view', ['demo_request', 'account_signup']],
  },
  {
    id: 'reader',
    name: 'Content: reader to member',
    steps: ['article_read', 'account_signup'],
  },
];
