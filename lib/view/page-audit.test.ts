import { expect, it } from 'vitest';
import { firing, hit, newsletter, T0 } from '../audit/testing';
import type { Plan } from '../goals/types';
import { session } from './fixtures';
import { pageAudit } from './page-audit';

const plan: Plan = { version: 1, name: 'Shop', goals: [newsletter] };
const page = session({ url: 'https://shop.example/', title: 'Shop', startedAt: T0 - 10_000 });

it("audits the page with the tab's hits around it, and knows which of them the Hits view lists", () => {
  const own = hit('ga4', 'sign_up', T0 + 50, { id: 'own', tabId: 7 });
  const beacon = hit('meta-pixel', 'Lead', T0 + 400, { id: 'beacon', tabId: 7, sessionId: 's2' });
  const result = pageAudit(
    [plan],
    {
      session: page,
      hits: [own],
      auditHits: [own, beacon],
      firings: [firing('newsletter_signup', T0, { tabId: 7 })],
      signals: [],
    },
    T0 + 60_000,
  );

  expect(result.audit.report).toMatchObject({
    version: 1,
    generatedAt: T0 + 60_000,
    page: { url: 'https://shop.example/', title: 'Shop' },
    plan: { name: 'Shop' },
  });
  expect(result.audit.report.hits.map((h) => h.id)).toEqual(['own', 'beacon']);
  const [goal] = result.goals;
  expect(goal!.firings[0]!.tags.map((t) => [t.status, t.hitId, t.hitShown])).toEqual([
    ['sent', 'own', true],
    ['sent', 'beacon', false],
  ]);
  expect(result.findings).toEqual([]);
  expect(result.audit.summary.badge).toEqual({ text: '1', color: 'green' });
});

it('has no goals without a plan, and says what it found anyway', () => {
  const params = { currency: 'EUR', value: '19.90', transaction_id: 'T-1', 'items.0.item_id': 'MUG-1' };
  const dup = [hit('ga4', 'purchase', T0, { tabId: 7, params }), hit('ga4', 'purchase', T0 + 5, { tabId: 7, params })];
  const result = pageAudit([], { session: page, hits: dup, auditHits: dup, firings: [], signals: [] }, T0);
  expect(result.goals).toEqual([]);
  expect(result.audit.report.plan.name).toBe('No plan');
  expect(result.findings.map((g) => [g.severity, g.findings.map((f) => f.kind)])).toEqual([
    ['error', ['duplicate_hit']],
    ['info', ['tag_without_goal']],
  ]);
});
