import { auditTab } from '../../lib/audit/audit-tab';
import { DEFAULT_PLAN } from '../../lib/goals/default-plan';
import type { StoredFiring, StoredHit } from '../../lib/store/types';
import { decodeRequest } from '../../lib/tags';
import { tagCorpus } from './corpus';

export interface AuditFigures {
  hits: number;
  firstMs: number;
  againMs: number;
}

/** The audit the popup and the badge run, over one page of `n` realistic hits and a firing per 50 hits. */
export function benchAudit(n = 5_000): AuditFigures {
  const hits: StoredHit[] = [];
  const t0 = 1_763_884_800_000;
  for (const [i, req] of tagCorpus(n).entries()) {
    if (hits.length >= n) break;
    for (const [j, hit] of decodeRequest(req).entries()) {
      hits.push({
        ...hit,
        id: `wr:${i}#${j}`,
        requestKey: `wr:${i}`,
        sessionId: 's1',
        tabId: 1,
        frameId: 0,
        at: t0 + i * 40,
        url: req.url,
        method: req.method ?? 'GET',
        status: 'sent',
        bodyState: 'none',
      });
    }
  }
  const firings: StoredFiring[] = Array.from({ length: Math.floor(n / 50) }, (_, i) => ({
    id: `f${i}`,
    goalId: 'add_to_cart_event',
    goalName: 'Add to cart',
    trigger: 'datalayer_event',
    at: t0 + i * 2_000,
    url: 'https://shop.example/p',
    sessionId: 's1',
    tabId: 1,
    frameId: 0,
  }));
  const records = {
    sessions: [{ id: 's1', tabId: 1, url: 'https://shop.example/p', startedAt: t0, navigations: [] }],
    hits,
    firings,
    signals: [],
  };
  let start = performance.now();
  auditTab([DEFAULT_PLAN], records, { generatedAt: t0 });
  const firstMs = performance.now() - start;
  start = performance.now();
  auditTab([DEFAULT_PLAN], records, { generatedAt: t0 });
  return { hits: hits.length, firstMs, againMs: performance.now() - start };
}
