import { describe, expect, it } from 'vitest';
import type { ExpectedTag, GoalFiring, Trigger } from '../goals/types';
import {
  STATUS_LEGEND,
  capitalize,
  clock,
  count,
  describeScope,
  elementWords,
  expectListWords,
  expectedWords,
  goalCount,
  listWords,
  notTriggeredWords,
  seconds,
  tagLabel,
  triggerWords,
  vendorName,
  vendorShortName,
  verdictWords,
} from '.';

// The vocabulary: one way to say each thing, on every surface.

const T0 = 1_763_883_600_123;

describe('numbers and names', () => {
  it.each<[number, string]>([
    [2000, '2 s'],
    [500, '0.5 s'],
    [1234, '1.2 s'],
    [90_000, '90 s'],
    [0, '0 s'],
    [2, 'less than 0.1 s'],
  ])('seconds(%d)', (ms, want) => expect(seconds(ms)).toBe(want));
  it.each<[string | undefined, string]>([
    ['UTC', '07:40:00'],
    ['Europe/Paris', '08:40:00'],
    ['Not/AZone', '07:40:00 UTC'],
  ])('clock in %s', (zone, want) => expect(clock(T0, zone)).toBe(want));
  it.each<[string[], string]>([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('listWords(%j)', (items, want) => expect(listWords(items)).toBe(want));
  it.each<[string, string, string]>([
    ['meta-pixel', 'Meta Pixel', 'Meta Pixel'],
    ['ga4', 'Google Analytics 4', 'GA4'],
    ['not-a-vendor', 'not-a-vendor', 'not-a-vendor'],
  ])('vendor %s', (slug, name, short) => {
    expect(vendorName(slug)).toBe(name);
    expect(vendorShortName(slug)).toBe(short);
  });
  it.each<[number, string]>([
    [1, '1 hit'],
    [2, '2 hits'],
    [0, '0 hits'],
    [5000, '5,000 hits'],
  ])('count(%d)', (n, want) => expect(count(n, 'hit')).toBe(want));
  it('capitalizes a clause into a label', () => expect(capitalize('a form is submitted')).toBe('A form is submitted'));
  it.each<[string[] | undefined, string]>([
    [undefined, 'All sites'],
    [[], 'All sites'],
    [['https://shop.example', '*/checkout*'], 'https://shop.example, */checkout*'],
  ])('describeScope(%j)', (scope, want) => expect(describeScope(scope)).toBe(want));
  it.each([
    [0, '0 goals'],
    [1, '1 goal'],
    [12, '12 goals'],
  ])('goalCount(%i)', (n, want) => expect(goalCount(n)).toBe(want));
});

describe('triggers', () => {
  // when: the marketer's words (no selector, no pattern); detail: the developer's; noun and clause for sentences.
  it.each<[Trigger, string, string | undefined, string, string]>([
    [
      { kind: 'form_submit', selector: 'form#newsletter', hasField: 'email' },
      'a form with an email field is submitted',
      'form matching form#newsletter',
      'the submit',
      'the form was submitted',
    ],
    [
      { kind: 'form_submit', hasField: 'tel' },
      'a form with a phone field is submitted',
      undefined,
      'the submit',
      'the form was submitted',
    ],
    [
      { kind: 'form_submit', hasField: 'company' },
      'a form with a field named “company” is submitted',
      undefined,
      'the submit',
      'the form was submitted',
    ],
    [{ kind: 'form_submit' }, 'a form is submitted', undefined, 'the submit', 'the form was submitted'],
    [
      { kind: 'click', text: 'Add to cart' },
      '“Add to cart” is clicked',
      undefined,
      'the click',
      '“Add to cart” was clicked',
    ],
    [
      { kind: 'click', selector: '.add-to-cart' },
      'a chosen button or link is clicked',
      'element matching .add-to-cart',
      'the click',
      'the element was clicked',
    ],
    [
      { kind: 'video', action: 'play' },
      'a video starts playing',
      undefined,
      'the video play',
      'the video started playing',
    ],
    [
      { kind: 'video', action: 'progress', percent: 50, selector: 'video#intro' },
      'a video is watched to 50 %',
      'video matching video#intro',
      'the video progress',
      'the video reached 50 %',
    ],
    [
      { kind: 'video', action: 'complete' },
      'a video is watched to the end',
      undefined,
      'the video end',
      'the video was watched to the end',
    ],
    [
      { kind: 'datalayer_event', event: 'purchase' },
      'the page reports “purchase” to its dataLayer (the list of events the tag manager reads)',
      undefined,
      'the dataLayer event “purchase”',
      'the page pushed “purchase” to the dataLayer',
    ],
    [
      { kind: 'page_view', url: '*/thank-you*' },
      'a page of this goal is viewed',
      'address matches */thank-you*',
      'the page view',
      'the page was viewed',
    ],
    [
      { kind: 'scroll_depth', percent: 75 },
      'the visitor scrolls 75 % down the page',
      undefined,
      'the scroll',
      'the visitor scrolled to 75 %',
    ],
    [
      { kind: 'download' },
      'a link to a document or an archive (PDF, ZIP, …) is clicked',
      undefined,
      'the download click',
      'a download link was clicked',
    ],
    [
      { kind: 'download', extensions: ['pdf', 'zip'] },
      'a link to a file (pdf, zip) is clicked',
      undefined,
      'the download click',
      'a download link was clicked',
    ],
    [
      { kind: 'outbound_click' },
      'a link to another site is clicked',
      undefined,
      'the outbound click',
      'a link to another site was clicked',
    ],
    [
      { kind: 'outbound_click', hosts: ['a.example', 'b.example', 'c.example'] },
      'a link to a.example, b.example or c.example is clicked',
      undefined,
      'the outbound click',
      'a link to another site was clicked',
    ],
    [
      { kind: 'site_search' },
      'the visitor searches the site',
      'the address has ?q=, ?s=, ?search= or ?query=',
      'the search',
      'a site search was made',
    ],
    [
      { kind: 'site_search', param: 'term' },
      'the visitor searches the site',
      'the address has ?term=',
      'the search',
      'a site search was made',
    ],
    [
      { kind: 'element_visible', selector: '#reviews' },
      'a chosen part of the page comes into view',
      'element matching #reviews',
      'the element showing',
      'the element came into view',
    ],
    [
      { kind: 'time_on_page', seconds: 30 },
      'the visitor has spent 30 seconds on the page',
      undefined,
      'the 30 seconds mark',
      'the visitor had spent 30 seconds on the page',
    ],
    [
      { kind: 'time_on_page', seconds: 120 },
      'the visitor has spent 2 minutes on the page',
      undefined,
      'the 2 minutes mark',
      'the visitor had spent 2 minutes on the page',
    ],
  ])('%j', (trigger, when, detail, noun, clause) => {
    const words = triggerWords(trigger);
    expect({ when: words.when, detail: words.detail, noun: words.noun, clause: words.clause }).toEqual({
      when,
      detail,
      noun,
      clause,
    });
  });

  it('never puts a selector or a pattern in the words a marketer reads', () => {
    const trigger: Trigger = {
      kind: 'form_submit',
      selector: 'form:not(:has(input[type=password]))',
      hasField: 'email',
    };
    const { when, noun, clause, tagPlace } = triggerWords(trigger);
    expect([when, noun, clause, ...tagPlace].join(' ')).not.toMatch(/[:#.[]|\(/);
  });
});

describe('elements', () => {
  it.each<[string, Pick<GoalFiring, 'trigger' | 'element' | 'detail'>, { what: string; selector?: string }]>([
    [
      'a form by its submit button',
      {
        trigger: 'form_submit',
        element: { tag: 'form', id: 'newsletter', text: 'Subscribe', selector: 'form#newsletter' },
      },
      { what: 'the “Subscribe” form', selector: 'form#newsletter' },
    ],
    [
      'a form by its id, when it has no button text',
      { trigger: 'form_submit', element: { tag: 'form', id: 'newsletter-form', selector: 'form#newsletter-form' } },
      { what: 'the “newsletter form” form', selector: 'form#newsletter-form' },
    ],
    [
      'a button of a product',
      {
        trigger: 'click',
        element: { tag: 'button', text: 'Add to cart', context: 'Desk lamp', selector: 'li:nth-of-type(2) > button' },
      },
      { what: 'the “Add to cart” button of Desk lamp', selector: 'li:nth-of-type(2) > button' },
    ],
    [
      'a link',
      {
        trigger: 'download',
        element: { tag: 'a', id: 'care-guide', text: 'Download the care guide (PDF)', selector: 'a#care-guide' },
      },
      { what: 'the “Download the care guide (PDF)” link', selector: 'a#care-guide' },
    ],
    [
      'an element with no text and a tool-made id',
      { trigger: 'click', element: { tag: 'div', id: 'x9f3' } },
      { what: 'an element', selector: 'div#x9f3' },
    ],
    [
      'a long text, cut',
      {
        trigger: 'click',
        element: {
          tag: 'button',
          text: 'Yes please send me the weekly newsletter about mugs and tea',
          selector: 'button',
        },
      },
      { what: 'the “Yes please send me the weekly newslette…” button', selector: 'button' },
    ],
    [
      'a dataLayer event',
      { trigger: 'datalayer_event', detail: { event: 'purchase', source: 'dataLayer' } },
      { what: 'the dataLayer event “purchase”' },
    ],
    ['a scroll', { trigger: 'scroll_depth', detail: { percent: '75' } }, { what: 'the scroll to 75 %' }],
    ['time on page', { trigger: 'time_on_page', detail: { seconds: '60' } }, { what: '60 s on the page' }],
    [
      'a page view',
      { trigger: 'page_view', detail: { url: 'https://shop.example/products/mug?ref=home', virtual: 'false' } },
      { what: 'the page /products/mug?ref=home' },
    ],
  ])('%s', (_, f, want) => expect(elementWords(f)).toEqual(want));
});

describe('expected tags', () => {
  it.each<[ExpectedTag[] | undefined, string]>([
    [
      [
        { vendor: 'ga4', event: 'sign_up' },
        { vendor: 'meta-pixel', event: 'Lead' },
      ],
      'GA4 sign_up, Meta Pixel Lead',
    ],
    [[{ vendor: 'linkedin' }], 'LinkedIn any event'],
    [[{ vendor: 'google-ads', event: 'conversion', account: 'AW-1' }], 'Google Ads conversion (account AW-1)'],
    [
      [
        {
          vendor: 'ga4',
          event: 'purchase',
          params: {
            currency: 'EUR',
            value: { exists: true },
            transaction_id: { regex: '^T-' },
            coupon: { exists: false },
            tax: { equals: '0' },
          },
        },
      ],
      'GA4 purchase (currency = EUR, value set, transaction_id matching /^T-/, no coupon, tax = 0)',
    ],
    [[], 'No tag expected (logged only)'],
    [undefined, 'No tag expected (logged only)'],
  ])('%j → %s', (tags, want) => expect(expectListWords(tags)).toBe(want));

  it.each<[ExpectedTag, string, string]>([
    [{ vendor: 'meta-pixel', event: 'Lead' }, 'Lead', 'Meta Pixel · Lead'],
    [{ vendor: 'meta-pixel' }, 'any event', 'Meta Pixel · any event'],
    [
      { vendor: 'ga4', event: 'sign_up', account: 'G-1' },
      'sign_up (account G-1)',
      'Google Analytics 4 · sign_up (G-1)',
    ],
  ])('%j', (tag, words, label) => {
    expect(expectedWords(tag)).toBe(words);
    expect(tagLabel(tag)).toBe(label);
  });
});

describe('statuses', () => {
  it('names each status once, the same on every surface', () =>
    expect(STATUS_LEGEND).toBe('✓ sent · ✗ missing · ⛔ blocked · ⚠ failed · – not triggered'));
  it.each<[Parameters<typeof verdictWords>, string]>([
    [['missing', 1, 2], 'missing (1 of 2 sent)'],
    [['missing', 0, 2], 'missing'],
    [['sent', 2, 2], 'sent'],
  ])('verdictWords(%j)', (args, want) => expect(verdictWords(...args)).toBe(want));
  it.each<[number, number, string]>([
    [12, 1, '12 goals not triggered on this page'],
    [1, 3, '1 goal not triggered on these pages'],
  ])('notTriggeredWords(%i, %i)', (n, pages, want) => expect(notTriggeredWords(n, pages)).toBe(want));
});
