import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Goal } from '../goals/types';
import type { HitStatus, StoredFiring, StoredHit } from '../store/types';
import { DEFAULT_LEAD_MS, reconcile } from './reconcile';
import { firing, hit, newsletter } from './testing';

// Invariants of the assignment, whatever the timing: one hit counts for one firing, a sent tag's hit is of the
// firing's tab and window, and a tag is missing only when every usable hit in its window went to another firing.

const goal: Goal = { ...newsletter, expect: [{ vendor: 'meta-pixel', event: 'Lead' }], windowMs: 5000 };

const hitArb = fc.record({
  at: fc.integer({ min: -5000, max: 30_000 }),
  tabId: fc.integer({ min: 1, max: 2 }),
  event: fc.constantFrom('Lead', 'PageView'),
  status: fc.constantFrom<HitStatus>('sent', 'pending', 'blocked', 'failed'),
});
const firingArb = fc.record({ at: fc.integer({ min: 0, max: 20_000 }), tabId: fc.integer({ min: 1, max: 2 }) });

describe('reconcile (properties)', () => {
  it("assigns each hit at most once, inside the firing's tab and window, and misses only what it must", () => {
    fc.assert(
      fc.property(fc.array(firingArb, { maxLength: 8 }), fc.array(hitArb, { maxLength: 12 }), (fs, hs) => {
        const firings: StoredFiring[] = fs.map((f, i) => firing(goal.id, f.at, { id: `f${i}`, tabId: f.tabId }));
        const hits: StoredHit[] = hs.map((h, i) =>
          hit('meta-pixel', h.event, h.at, { id: `h${i}`, tabId: h.tabId, status: h.status }),
        );
        const byId = new Map(hits.map((h) => [h.id, h]));
        const [result] = reconcile([goal], firings, hits);
        expect(result!.fired).toBe(firings.length);

        const used = result!.firings
          .flatMap((f) => f.tags.map((t) => t.hitId))
          .filter((id): id is string => id !== undefined);
        expect(new Set(used).size).toBe(used.length);

        for (const {
          firing: f,
          tags: [tag],
        } of result!.firings) {
          const inWindow = (h: StoredHit): boolean =>
            h.tabId === f.tabId && h.at >= f.at - DEFAULT_LEAD_MS && h.at <= f.at + 5000 && h.event === 'Lead';
          if (tag!.hitId) {
            const h = byId.get(tag!.hitId)!;
            expect(inWindow(h)).toBe(true);
            expect(tag!.status).toBe(h.status === 'pending' ? 'sent' : h.status);
          }
          if (tag!.status !== 'sent') {
            // Every usable hit of the window went to another firing.
            for (const h of hits)
              if (inWindow(h) && (h.status === 'sent' || h.status === 'pending')) expect(used).toContain(h.id);
          }
        }
      }),
    );
  });
});
