import { describe, expect, it } from 'vitest';
import { findings } from '../audit/findings';
import { reconcile } from '../audit/reconcile';
import { firing, hit, newsletter, T0 } from '../audit/testing';
import type { Goal } from '../goals/types';
import { goalViews } from './goals';
import { nextStep, siteLine } from './next-step';

// The popup's one line: what to do next.

const video: Goal = {
  id: 'video_start',
  name: 'Video started',
  trigger: { kind: 'video', action: 'play' },
  expect: [{ vendor: 'ga4', event: 'video_start' }],
};
const subscribe = { tag: 'form', id: 'newsletter', text: 'Subscribe', selector: 'form#newsletter' };

function step(firings: ReturnType<typeof firing>[], hits: ReturnType<typeof hit>[]): string {
  const goals = [newsletter, video];
  const results = reconcile(goals, firings, hits);
  return nextStep(findings({ goals, firings, hits, results, timeZone: 'UTC' }), goalViews(results, hits));
}

describe('nextStep', () => {
  it.each<[string, ReturnType<typeof firing>[], ReturnType<typeof hit>[], string]>([
    [
      'a missing tag: its fix',
      [firing(newsletter.id, T0, { element: subscribe })],
      [hit('ga4', 'sign_up', T0 + 10)],
      'Meta Pixel Lead is missing on the “Subscribe” form: add the Lead event to the Meta Pixel tag of that form.',
    ],
    [
      'two problems: the first, and how many more',
      [firing(newsletter.id, T0, { element: subscribe })],
      [],
      'Google Analytics 4 sign_up is missing on the “Subscribe” form: add the sign_up event to the Google Analytics 4 tag of that form. (1 more problem in Findings.)',
    ],
    [
      'nothing fired: what to try',
      [],
      [],
      "Nothing to check yet: do on the page what a visitor does, and each step's tags are checked as it happens. Try “Newsletter signup” or “Video started”.",
    ],
    [
      'all good: what else to try',
      [firing(newsletter.id, T0, { element: subscribe })],
      [hit('ga4', 'sign_up', T0 + 10), hit('meta-pixel', 'Lead', T0 + 12)],
      'Every goal that fired sent its tags. To check more, try “Video started”.',
    ],
  ])('%s', (_, firings, hits, want) => expect(step(firings, hits)).toBe(want));
});

describe('siteLine', () => {
  it.each<[Parameters<typeof siteLine>, string | undefined]>([
    [
      [{ kinds: ['shop'], signs: ['add-to-cart button', 'prices'] }, true],
      'This page reads as a shop (add-to-cart button, prices): the default plan checks its 5 micro-conversions and the macro conversion.',
    ],
    [
      [{ kinds: ['lead_gen'], signs: [] }, true],
      'This page reads as a lead-generation or SaaS site: the default plan checks its 4 micro-conversions and the macro conversion.',
    ],
    [[{ kinds: ['shop'], signs: [] }, false], undefined],
    [[{ kinds: [], signs: [] }, true], undefined],
    [[undefined, true], undefined],
  ])('%j', (args, want) => expect(siteLine(...args)).toBe(want));
});
