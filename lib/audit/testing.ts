import type { Goal, Plan } from '../goals/types';
import type { PageSession, StoredFiring, StoredHit } from '../store/types';
import { auditTab } from './audit-tab';
import type { VendorId } from '../tags/vendors';
import { findings } from './findings';
import { reconcile } from './reconcile';
import { buildReport, type AuditReport } from './report';

// Builders for the audit's tests: realistic defaults, overridden field by field. Not used by the product.

/** 2025-11-23 07:40:00.123 UTC: every test clock starts here. */
export const T0 = 1_763_883_600_123;

let seq = 0;

export function hit(vendor: VendorId, event: string | undefined, at: number, over: Partial<StoredHit> = {}): StoredHit {
  const id = over.id ?? `h${++seq}`;
  return {
    id,
    requestKey: id,
    sessionId: 's1',
    tabId: 1,
    frameId: 0,
    at,
    url: `https://collect.example/${vendor}?ev=${event ?? ''}`,
    method: 'GET',
    status: 'sent',
    statusCode: 200,
    bodyState: 'none',
    vendor,
    event,
    params: {},
    ...over,
  };
}

export function firing(goalId: string, at: number, over: Partial<StoredFiring> = {}): StoredFiring {
  return {
    id: over.id ?? `f${++seq}`,
    goalId,
    goalName: goalId,
    trigger: 'form_submit',
    at,
    url: 'https://shop.example/',
    sessionId: 's1',
    tabId: 1,
    frameId: 0,
    element: { tag: 'form', id: 'newsletter', selector: 'form#newsletter' },
    ...over,
  };
}

export const newsletter: Goal = {
  id: 'newsletter_signup',
  name: 'Newsletter signup',
  category: 'interaction',
  trigger: { kind: 'form_submit', selector: 'form', hasField: 'email' },
  expect: [
    { vendor: 'ga4', event: 'sign_up' },
    { vendor: 'meta-pixel', event: 'Lead' },
  ],
  windowMs: 5000,
};

export const purchase: Goal = {
  id: 'purchase',
  name: 'Purchase',
  category: 'macro',
  trigger: { kind: 'datalayer_event', event: 'purchase' },
  expect: [{ vendor: 'ga4', event: 'purchase', params: { currency: 'EUR', transaction_id: { regex: '^T-' } } }],
  windowMs: 10_000,
};

// ── a two-page journey through a shop: a newsletter signup whose Lead went missing, the report of it ──

export const SHOP_PLAN: Plan = { version: 1, name: 'Shop micro-conversions', goals: [newsletter, purchase] };
export const SHOP_SESSIONS: PageSession[] = [
  { id: 's2', tabId: 1, url: 'https://shop.example/thanks', title: 'Thanks', startedAt: T0 + 500, navigations: [] },
  { id: 's1', tabId: 1, url: 'https://shop.example/', title: 'Shop', startedAt: T0 - 60_000, navigations: [] },
];
export const SHOP_HITS: StoredHit[] = [
  hit('ga4', 'sign_up', T0 + 17, {
    id: 'h17',
    account: 'G-XXXX',
    sessionId: 's2',
    url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX&en=sign_up',
  }),
  hit('ga4', 'page_view', T0 - 50_000, { id: 'h1', account: 'G-XXXX' }),
  hit('meta-pixel', 'PageView', T0 - 49_000, {
    id: 'h2',
    account: '111',
    status: 'blocked',
    statusCode: undefined,
    error: 'net::ERR_BLOCKED_BY_CLIENT',
  }),
];
export const SHOP_FIRINGS: StoredFiring[] = [firing(newsletter.id, T0, { id: 'f1' })];

/** The report of `SHOP_PLAN` over these hits and firings, in UTC. */
export function shopReport(hits: StoredHit[], firings: StoredFiring[]): AuditReport {
  const results = reconcile(SHOP_PLAN.goals, firings, hits);
  const found = findings({ goals: SHOP_PLAN.goals, firings, hits, results, timeZone: 'UTC' });
  return buildReport({
    page: { url: 'https://shop.example/', title: 'Shop' },
    plan: SHOP_PLAN,
    sessions: SHOP_SESSIONS,
    firings,
    hits,
    results,
    findings: found,
    generatedAt: T0 + 10_000,
  });
}

/**
 * The report of one page as the audit command writes it: `hits` and `firings` are moved onto the page's tab and
 * session, then audited against `goals`.
 */
export function pageReport(
  url: string,
  goals: readonly Goal[],
  hits: readonly StoredHit[],
  firings: readonly StoredFiring[] = [],
): AuditReport {
  const sessions: PageSession[] = [{ id: 's1', tabId: 1, url, startedAt: T0 - 1_000, navigations: [] }];
  const plan: Plan = { version: 1, name: 'Site plan', goals: [...goals] };
  return auditTab(
    [plan],
    { sessions, hits, firings: firings.map((f) => ({ ...f, url })), signals: [] },
    {
      generatedAt: T0 + 60_000,
      page: { url },
      timeZone: 'UTC',
    },
  ).report;
}
