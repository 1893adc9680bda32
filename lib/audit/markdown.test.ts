import { describe, expect, it } from 'vitest';
import type { StoredFiring, StoredHit } from '../store/types';
import { reportToMarkdown } from './markdown';
import { SHOP_FIRINGS, SHOP_HITS, firing, hit, newsletter, purchase, shopReport, T0 } from './testing';

const make = shopReport;
const HITS = SHOP_HITS;
const FIRINGS = SHOP_FIRINGS;

describe('reportToMarkdown', () => {
  it('writes a summary a consultant can paste', () => {
    const text = reportToMarkdown(make(HITS, FIRINGS));
    expect(text).toContain('# Tracking audit: Shop');
    expect(text).toContain('https://shop.example/ · plan “Shop micro-conversions” · 2025-11-23 07:40 UTC');
    expect(text).toContain('**0 of 1 goal that fired is fully tracked.** 1 goal of the plan did not fire. 1 error.');
    expect(text).toContain('| Goal | Fired | Google Analytics 4 | Meta Pixel |');
    expect(text).toContain('| Newsletter signup | 1 | ✓ sign_up | ✗ Lead |');
    // The goals that did not fire: one line after the table, not a row each.
    expect(text).not.toContain('| Purchase |');
    expect(text).toContain('– 1 goal not triggered on these pages: Purchase.');
    expect(text).toContain(
      '## Errors (1)\n\n- Meta Pixel Lead is missing on the “newsletter” form: add the Lead event to the Meta Pixel tag of that form.',
    );
    expect(text).not.toContain('## Warnings');
    expect(text).not.toContain('## Notes');
    expect(text).toContain('| Meta Pixel | 111 | 1 | 1 | 0 |');
  });

  it.each<[string, StoredHit[], StoredFiring[], string]>([
    [
      'every goal tracked',
      [hit('ga4', 'sign_up', T0), hit('meta-pixel', 'Lead', T0)],
      [firing(newsletter.id, T0)],
      '**1 of 1 goal that fired is fully tracked.**',
    ],
    ['nothing fired', [], [], '**No goal of the plan fired** (2 goals in the plan). No problems found.'],
    [
      'the goals that fired come first, as they fired',
      [],
      [
        firing(purchase.id, T0 - 5000, {
          trigger: 'datalayer_event',
          element: undefined,
          detail: { event: 'purchase' },
        }),
        firing(newsletter.id, T0),
      ],
      '| Purchase | 1 |',
    ],
  ])('headline: %s', (_, hits, firings, want) => expect(reportToMarkdown(make(hits, firings))).toContain(want));

  it.each<[string, StoredHit[], string]>([
    [
      'sent',
      [hit('meta-pixel', 'Lead', T0 + 1, { id: 'a' }), hit('meta-pixel', 'Lead', T0 + 1001, { id: 'b' })],
      '✓ Lead |',
    ],
    ['missing for one of two firings', [hit('meta-pixel', 'Lead', T0 + 1)], '✗ Lead (1 of 2 sent) |'],
    [
      'blocked',
      [
        hit('meta-pixel', 'Lead', T0 + 1, { status: 'blocked' }),
        hit('meta-pixel', 'Lead', T0 + 1001, { status: 'blocked' }),
      ],
      '⛔ Lead |',
    ],
    [
      'failed',
      [
        hit('meta-pixel', 'Lead', T0 + 1, { status: 'failed' }),
        hit('meta-pixel', 'Lead', T0 + 1001, { status: 'failed' }),
      ],
      '⚠ Lead |',
    ],
  ])('cell: %s', (_, hits, want) => {
    const text = reportToMarkdown(make(hits, [firing(newsletter.id, T0), firing(newsletter.id, T0 + 1000)]));
    expect(text.split('\n').find((l) => l.startsWith('| Newsletter signup'))).toContain(want);
  });

  it('keeps page text from becoming markup', () => {
    const report = make([hit('ga4', 'x|y<img src=x onerror=alert(1)>[link](http://evil)', T0)], []);
    report.page.title = 'Shop | <script>';
    const text = reportToMarkdown(report);
    expect(text).toContain('# Tracking audit: Shop \\| \\<script\\>');
    expect(text).not.toMatch(/[^\\]<img/);
    expect(text).not.toMatch(/[^\\]\[link\]/);
  });

  it('lists the funnels step by step, the untracked step with the tag never sent', () => {
    const report = make(HITS, FIRINGS);
    report.funnels = [
      {
        id: 'checkout',
        name: 'Checkout',
        steps: [
          {
            goal: 'add_to_cart',
            name: 'Add to cart',
            reached: true,
            tracked: true,
            at: T0,
            page: 'https://shop.example/p/1',
          },
          {
            goal: 'begin_checkout',
            name: 'Begin checkout',
            reached: true,
            tracked: false,
            at: T0 + 60_000,
            page: 'https://shop.example/checkout?step=1',
            missing: [{ vendor: 'ga4', event: 'begin_checkout', status: 'missing' }],
          },
          { goal: 'purchase', name: 'Purchase', reached: false, tracked: false },
        ],
      },
    ];
    const text = reportToMarkdown(report);
    expect(text).toContain(
      [
        '## Funnels',
        '',
        '**Checkout** — 2 of 3 steps reached, 1 not tracked',
        '',
        '1. ✓ Add to cart — on /p/1 at 07:40:00',
        '2. ✗ Begin checkout — on /checkout?step=1 at 07:41:00 — Google Analytics 4 begin_checkout never sent',
        '3. – Purchase — not reached',
      ].join('\n'),
    );
    // Without funnels in the plan, no section.
    expect(reportToMarkdown(make(HITS, FIRINGS))).not.toContain('## Funnels');
  });
});
