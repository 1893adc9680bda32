import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../goals/default-plan';
import { libraryGoal } from '../goals/library';
import type { Plan } from '../goals/types';
import type { PageSession, StoredSignal } from '../store/types';
import { auditTab, goalOrigins, goalsInForce, siteOf, type TabRecords } from './audit-tab';
import { firing, hit, T0 } from './testing';

// The one audit: which goals are in force on the pages recorded, and what the report says they were read as.

const session: PageSession = {
  id: 's1',
  tabId: 1,
  url: 'https://shop.example/products/mug',
  startedAt: T0 - 5000,
  navigations: [],
};
const site = (kinds: Array<'shop' | 'lead_gen' | 'content'>, signs: string[] = []): StoredSignal => ({
  kind: 'site',
  kinds,
  signs,
  id: `k${kinds.join()}`,
  sessionId: 's1',
  tabId: 1,
  frameId: 0,
  at: T0 - 4000,
});
const records = (over: Partial<TabRecords> = {}): TabRecords => ({
  sessions: [session],
  hits: [],
  firings: [],
  signals: [],
  ...over,
});
const ids = (plans: Plan[], r: TabRecords) => goalsInForce(plans, r).map((g) => g.id);

describe('goalsInForce with the default plan', () => {
  it("offers a page read as a shop the shop's goals only", () =>
    expect(ids([DEFAULT_PLAN], records({ signals: [site(['shop'])] }))).toEqual([
      'product_view',
      'add_to_cart',
      'add_to_cart_text',
      'add_to_cart_form',
      'add_to_cart_event',
      'site_search',
      'purchase_confirmation',
      'begin_checkout',
      'purchase',
      'newsletter_signup',
    ]));

  it('does not judge a goal of another kind, even when it fired, and does not call its tag one no goal expects', () => {
    const download = firing('file_download', T0, {
      trigger: 'download',
      element: { tag: 'a', text: 'Care guide', selector: 'a#care' },
    });
    const shopPage = records({
      signals: [site(['shop'])],
      firings: [download],
      hits: [hit('ga4', 'file_download', T0 + 20)],
    });
    expect(ids([DEFAULT_PLAN], shopPage)).not.toContain('file_download');
    expect(auditTab([DEFAULT_PLAN], shopPage, { generatedAt: T0 }).findings).toEqual([]);
  });

  it('offers every default goal on a page that was not read, or said too little', () => {
    const all = DEFAULT_PLAN.goals.map((g) => g.id);
    expect(ids([DEFAULT_PLAN], records())).toEqual(all);
    expect(ids([DEFAULT_PLAN], records({ signals: [site([])] }))).toEqual(all);
  });

  it("keeps a plan's goals without site kinds wherever the page reads", () => {
    const mine: Plan = { version: 1, name: 'Mine', goals: [libraryGoal('video_start')] };
    expect(ids([mine], records({ signals: [site(['shop'])] }))).toEqual(['video_start']);
  });

  it('joins the kinds of every page of a journey', () =>
    expect(siteOf([site(['shop'], ['add-to-cart button']), { ...site(['content'], ['article']), id: 'k2' }])).toEqual({
      kinds: ['shop', 'content'],
      signs: ['add-to-cart button', 'article'],
    }));
});

describe('goalOrigins', () => {
  it("tells a per-site plan's goal from a shipped one and from the user's own", () => {
    const sitePlan: Plan = {
      version: 1,
      name: 'Site',
      scope: ['https://shop.example'],
      goals: [{ id: 'mine', name: 'Mine', trigger: { kind: 'click', text: 'Buy' } }],
    };
    const own: Plan = {
      version: 1,
      name: 'Own',
      goals: [{ ...libraryGoal('file_download'), expect: [{ vendor: 'ga4', event: 'download' }] }],
    };
    const goals = goalsInForce([DEFAULT_PLAN, own, sitePlan], records());
    const origins = goalOrigins([DEFAULT_PLAN, own, sitePlan], goals);
    expect([origins.get('mine'), origins.get('file_download'), origins.get('add_to_cart')]).toEqual([
      'site',
      'own',
      'shipped',
    ]);
  });
});

describe('auditTab', () => {
  it('says in the report what the page was read as', () => {
    const { report, site: read } = auditTab(
      [DEFAULT_PLAN],
      records({ signals: [site(['shop'], ['add-to-cart button'])] }),
      { generatedAt: T0 },
    );
    expect(read).toEqual({ kinds: ['shop'], signs: ['add-to-cart button'] });
    expect(report.site).toEqual({ kinds: ['shop'], signs: ['add-to-cart button'] });
    expect(report.goals.map((g) => g.id)).not.toContain('article_read');
  });
});
