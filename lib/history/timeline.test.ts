import { describe, expect, it } from 'vitest';
import { SHOP_PLAN, shopVisit, T0 } from './testing';
import { visitTimeline } from './timeline';

// One visit opened: its pages in order, each with the goals that fired there, the funnel steps reached there and
// the tags it sent.

describe('visitTimeline', () => {
  const { visit, records } = shopVisit(T0, 1, { beginCheckout: false });
  const t = visitTimeline([SHOP_PLAN], visit, records, T0);

  it('lists the pages in order with their titles', () =>
    expect(t.pages.map((p) => [p.url, p.title])).toEqual([
      ['https://shop.example/product/mug', 'Page /product/mug'],
      ['https://shop.example/checkout', 'Page /checkout'],
      ['https://shop.example/thank-you', 'Page /thank-you'],
    ]));

  it('puts each goal firing on its page with its tags’ verdict', () =>
    expect(t.pages.map((p) => p.firings.map((f) => [f.goalName, f.tags.map((x) => `${x.event} ${x.status}`)]))).toEqual(
      [
        [['product_view', ['view_item sent']]],
        [['begin_checkout', ['begin_checkout missing']]],
        [['purchase', ['purchase sent']]],
      ],
    ));

  it('says which funnel step was reached on which page, and whether it was tracked', () =>
    expect(t.pages.map((p) => p.steps.map((s) => `${s.funnel}: ${s.name} ${s.state}`))).toEqual([
      ['Checkout: Product page tracked'],
      ['Checkout: Begin checkout untracked'],
      ['Checkout: Purchase tracked'],
    ]));

  it('sums the tags each page sent', () =>
    expect(t.pages.map((p) => p.tags.map((x) => `${x.event} ×${x.hits}`))).toEqual([
      ['page_view ×1', 'view_item ×1'],
      ['page_view ×1'],
      ['page_view ×1', 'purchase ×1'],
    ]));

  it('names the untracked step as the popup does', () =>
    expect(t.funnels.untracked.map((f) => f.goalId)).toEqual(['begin_checkout']));

  it('leaves out a new tab’s blank page that recorded nothing', () => {
    const blank = { id: 'blank', tabId: 1, url: 'about:blank', startedAt: T0 - 10, navigations: [] };
    const withBlank = visitTimeline([SHOP_PLAN], { ...visit, sessions: [blank, ...visit.sessions] }, records, T0);
    expect(withBlank.pages.map((p) => p.sessionId)).not.toContain('blank');
  });
});
