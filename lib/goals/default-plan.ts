import { DEFAULT_FUNNELS } from './default-funnels';
import { libraryGoal, type LibraryGoalId } from './library';
import type { Goal, Plan, SiteKind } from './types';

// The plan in force before the user writes one. It starts from the site: the page is read for what kind of site
// it is (lib/goals/site-kind.ts), and each kind is offered the few micro-conversions worth tracking on it plus its
// macro conversion — not every click of every kind of site. A goal of another kind is not judged there, fired or
// not (a shop is not judged on a blog's scroll depth); a page that says too little keeps every goal. A per-site
// plan overrides a goal by its id. The definitions themselves are the library's (lib/goals/library.ts).

/**
 * Per kind: its micro-conversions, each a step a visitor takes (the shapes of one step — the add-to-cart button,
 * its caption, its form, its dataLayer event — are one step), then its macro conversion.
 */
export const KIND_GOALS: Readonly<
  Record<SiteKind, { micro: ReadonlyArray<readonly LibraryGoalId[]>; macro: readonly LibraryGoalId[] }>
> = {
  shop: {
    micro: [
      ['product_view'],
      ['add_to_cart', 'add_to_cart_text', 'add_to_cart_form', 'add_to_cart_event'],
      ['site_search'],
      ['begin_checkout'],
      ['newsletter_signup'],
    ],
    macro: ['purchase', 'purchase_confirmation'],
  },
  lead_gen: {
    micro: [['pricing_view'], ['file_download'], ['contact_request'], ['newsletter_signup']],
    macro: ['demo_request', 'account_signup'],
  },
  content: {
    micro: [['article_read'], ['video_start'], ['share_click'], ['site_search'], ['newsletter_signup']],
    macro: ['account_signup'],
  },
};

/** What each kind is called, for the line that says what Tagwatch took the page for. */
export const KIND_NAMES: Readonly<Record<SiteKind, string>> = {
  shop: 'a shop',
  lead_gen: 'a lead-generation or SaaS site',
  content: 'a content site',
};

/**
 * The order of the default plan: what the visitor meets first, first. Where goals tie on one action, the plan's
 * order breaks the tie (lib/audit/actions.ts): the forms that ask for more (a phone, a password, a demo) come
 * before the newsletter, the confirmation page before the checkout.
 */
const ORDER: readonly LibraryGoalId[] = [
  'product_view',
  'add_to_cart',
  'add_to_cart_text',
  'add_to_cart_form',
  'add_to_cart_event',
  'site_search',
  'purchase_confirmation',
  'begin_checkout',
  'purchase',
  'pricing_view',
  'contact_request',
  'demo_request',
  'account_signup',
  'newsletter_signup',
  'file_download',
  'article_read',
  'video_start',
  'share_click',
];

function defaultGoals(): Goal[] {
  const kinds = new Map<LibraryGoalId, SiteKind[]>();
  for (const [kind, { micro, macro }] of Object.entries(KIND_GOALS) as Array<
    [SiteKind, (typeof KIND_GOALS)[SiteKind]]
  >) {
    for (const id of [...micro.flat(), ...macro]) kinds.set(id, [...(kinds.get(id) ?? []), kind]);
  }
  return ORDER.map((id) => ({ ...libraryGoal(id), siteKinds: kinds.get(id) ?? [] }));
}

export const DEFAULT_PLAN: Plan = {
  version: 1,
  name: 'Tagwatch defaults',
  goals: defaultGoals(),
  funnels: DEFAULT_FUNNELS,
};
