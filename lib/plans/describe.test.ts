import { describe, expect, it } from 'vitest';
import type { ExpectedTag, Trigger } from '../goals/types';
import { describeExpect, describeScope, describeTrigger, goalCount } from './describe';

describe('triggers in plain words', () => {
  it.each<[Trigger, string]>([
    [{ kind: 'form_submit', hasField: 'email' }, 'Form submitted with an email field'],
    [{ kind: 'form_submit', selector: 'form#newsletter', hasField: 'email' }, 'Form submitted with an email field (form matching form#newsletter)'],
    [{ kind: 'form_submit', hasField: 'tel' }, 'Form submitted with a phone field'],
    [{ kind: 'form_submit', hasField: 'company' }, 'Form submitted with a field named "company"'],
    [{ kind: 'form_submit' }, 'Form submitted'],
    [{ kind: 'click', text: 'Add to cart' }, 'Click on "Add to cart"'],
    [{ kind: 'click', selector: '.add-to-cart' }, 'Click on .add-to-cart'],
    [{ kind: 'click', selector: '.cta', text: 'Buy' }, 'Click on .cta reading "Buy"'],
    [{ kind: 'video', action: 'play' }, 'Video starts playing'],
    [{ kind: 'video', action: 'progress', percent: 50, selector: 'video#intro' }, 'Video watched to 50 % (video#intro)'],
    [{ kind: 'video', action: 'complete' }, 'Video watched to the end'],
    [{ kind: 'datalayer_event', event: 'add_to_cart' }, 'dataLayer event "add_to_cart"'],
    [{ kind: 'page_view', url: '*/thank-you*' }, 'Page viewed whose address matches */thank-you*'],
    [{ kind: 'scroll_depth', percent: 75 }, 'Page scrolled to 75 %'],
    [{ kind: 'download' }, 'File downloaded (documents, archives, media)'],
    [{ kind: 'download', extensions: ['pdf', 'zip'] }, 'File downloaded (pdf, zip)'],
    [{ kind: 'outbound_click' }, 'Link to another site clicked'],
    [{ kind: 'outbound_click', hosts: ['a.example', 'b.example', 'c.example'] }, 'Link to a.example, b.example or c.example clicked'],
    [{ kind: 'site_search' }, 'Site search (the address has ?q=, ?s=, ?search= or ?query=)'],
    [{ kind: 'site_search', param: 'term' }, 'Site search (the address has ?term=)'],
    [{ kind: 'element_visible', selector: '#reviews' }, '#reviews comes into view'],
    [{ kind: 'time_on_page', seconds: 30 }, '30 seconds on the page'],
    [{ kind: 'time_on_page', seconds: 60 }, '1 minute on the page'],
    [{ kind: 'time_on_page', seconds: 120 }, '2 minutes on the page'],
  ])('%j → %s', (trigger, want) => expect(describeTrigger(trigger)).toBe(want));
});

describe('expected tags in plain words', () => {
  it.each<[ExpectedTag[] | undefined, string]>([
    [[{ vendor: 'ga4', event: 'sign_up' }, { vendor: 'meta-pixel', event: 'Lead' }], 'GA4 sign_up, Meta Pixel Lead'],
    [[{ vendor: 'linkedin' }], 'LinkedIn (any event)'],
    [[{ vendor: 'google-ads', event: 'conversion', account: 'AW-1' }], 'Google Ads conversion on AW-1'],
    [
      [{ vendor: 'ga4', event: 'purchase', params: { currency: 'EUR', value: { exists: true }, transaction_id: { regex: '^T-' }, coupon: { exists: false }, tax: { equals: '0' } } }],
      'GA4 purchase (currency=EUR, with value, transaction_id matching /^T-/, without coupon, tax=0)',
    ],
    [[], 'No tag expected (logged only)'],
    [undefined, 'No tag expected (logged only)'],
  ])('%j → %s', (tags, want) => expect(describeExpect(tags)).toBe(want));
});

describe('scopes and counts', () => {
  it.each<[string[] | undefined, string]>([
    [undefined, 'All sites'],
    [[], 'All sites'],
    [['https://shop.example', '*/checkout*'], 'https://shop.example, */checkout*'],
  ])('describeScope(%j)', (scope, want) => expect(describeScope(scope)).toBe(want));
  it.each([[0, '0 goals'], [1, '1 goal'], [12, '12 goals']])('goalCount(%i)', (n, want) => expect(goalCount(n)).toBe(want));
});
