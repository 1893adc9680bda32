import { describe, expect, it } from 'vitest';
import type { Goal } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import type { ConsentSignal } from './consent';
import { findings, piiInHit, type Finding, type FindingKind } from './findings';
import { reconcile } from './reconcile';
import { firing, hit, newsletter, purchase, T0 } from './testing';

const SHA = '0123456789abcdef'.repeat(4);
const ITEMS = { 'items.0.item_id': 'SKU1' };

function run(hits: StoredHit[], opts: { goals?: Goal[]; firings?: StoredFiring[]; consent?: ConsentSignal[] } = {}): Finding[] {
  const goals = opts.goals ?? [];
  const firings = opts.firings ?? [];
  const results = reconcile(goals, firings, hits);
  return findings({ goals, firings, hits, results, consent: opts.consent, timeZone: 'UTC' });
}

function only(kind: FindingKind, list: Finding[]): Finding[] {
  return list.filter((f) => f.kind === kind);
}

describe('missing_tag', () => {
  const goals = [newsletter];
  const firings = [firing(newsletter.id, T0, { id: 'f1' })];

  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    ['all sent: no finding', [hit('ga4', 'sign_up', T0 + 5), hit('meta-pixel', 'Lead', T0 + 5)], []],
    ['one missing', [hit('ga4', 'sign_up', T0 + 5)], [{
      kind: 'missing_tag', severity: 'error', status: 'missing', goalId: 'newsletter_signup', firingId: 'f1', vendor: 'meta-pixel', event: 'Lead', at: T0,
      message: 'Meta Pixel did not send Lead for "Newsletter signup" (the form was submitted at 07:40:00). No Meta Pixel hit at all in this tab: is the tag installed and allowed to run?',
    }]],
    ['blocked', [hit('ga4', 'sign_up', T0 + 5), hit('meta-pixel', 'Lead', T0 + 5, { id: 'blk', status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' })], [{
      kind: 'missing_tag', severity: 'error', status: 'blocked', hitId: 'blk',
      message: 'Meta Pixel tried to send Lead for "Newsletter signup" (the form was submitted at 07:40:00), but the request was blocked (net::ERR_BLOCKED_BY_CLIENT). ' +
        'Visitors with an ad blocker or strict privacy settings are not counted; if this is your own browser, check again with blockers off.',
    }]],
    ['failed', [hit('ga4', 'sign_up', T0 + 5, { id: 'bad', status: 'failed', statusCode: 503 }), hit('meta-pixel', 'Lead', T0 + 5)], [{
      kind: 'missing_tag', status: 'failed', vendor: 'ga4', hitId: 'bad',
      message: 'Google Analytics 4 sent sign_up for "Newsletter signup" (the form was submitted at 07:40:00), but the request failed (HTTP 503): the vendor did not record it.',
    }]],
    ['both missing: one finding per tag', [], [{ vendor: 'ga4' }, { vendor: 'meta-pixel' }]],
  ])('%s', (_, hits, want) => {
    const got = only('missing_tag', run(hits, { goals, firings }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });

  it('gives one finding per firing', () => {
    const two = [firing(newsletter.id, T0, { id: 'a' }), firing(newsletter.id, T0 + 1000, { id: 'b' })];
    const got = only('missing_tag', run([hit('ga4', 'sign_up', T0 + 5), hit('meta-pixel', 'Lead', T0 + 5)], { goals, firings: two }));
    expect(got.map((f) => [f.firingId, f.vendor])).toEqual([['b', 'ga4'], ['b', 'meta-pixel']]);
  });

  it('carries the reconciliation\'s reason', () => {
    const [f] = only('missing_tag', run([hit('ga4', 'sign_up', T0 + 5), hit('meta-pixel', 'PageView', T0 + 5)], { goals, firings }));
    expect(f).toMatchObject({ reason: expect.stringContaining('Seen from Meta Pixel in that window: PageView.') });
  });
});

describe('duplicate_hit', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    ['the same event twice within 2 s', [hit('ga4', 'sign_up', T0, { id: 'a' }), hit('ga4', 'sign_up', T0 + 400, { id: 'b' })],
      [{ kind: 'duplicate_hit', severity: 'warning', hitId: 'b', duplicateOf: 'a', vendor: 'ga4', event: 'sign_up',
        message: 'Google Analytics 4 sent sign_up twice within 0.4 s at 07:40:00: reports will count it twice. Check that only one tag and one trigger send it.' }]],
    ['2 s apart exactly still counts', [hit('ga4', 'sign_up', T0), hit('ga4', 'sign_up', T0 + 2000)], [{ severity: 'warning' }]],
    ['more than 2 s apart', [hit('ga4', 'sign_up', T0), hit('ga4', 'sign_up', T0 + 2001)], []],
    ['three in a row point at the first', [hit('ga4', 'sign_up', T0, { id: 'a' }), hit('ga4', 'sign_up', T0 + 1500, { id: 'b' }), hit('ga4', 'sign_up', T0 + 3000, { id: 'c' })],
      [{ hitId: 'b', duplicateOf: 'a' }, { hitId: 'c', duplicateOf: 'a' }]],
    ['other accounts are other tags', [hit('ga4', 'sign_up', T0, { account: 'G-1' }), hit('ga4', 'sign_up', T0 + 10, { account: 'G-2' })], []],
    ['other tabs', [hit('ga4', 'sign_up', T0), hit('ga4', 'sign_up', T0 + 10, { tabId: 2 })], []],
    ['other events', [hit('ga4', 'sign_up', T0), hit('ga4', 'login', T0 + 10)], []],
    ['a blocked try and its retry are one', [hit('meta-pixel', 'Lead', T0, { status: 'blocked' }), hit('meta-pixel', 'Lead', T0 + 300)], []],
    ['library loads are not events', [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'library_load', T0 + 10)], []],
    ['SPA page views of two pages', [hit('ga4', 'page_view', T0, { params: { page_location: 'https://shop.example/' } }), hit('ga4', 'page_view', T0 + 300, { params: { page_location: 'https://shop.example/cart' } })], []],
    ['two lists shown at once', [hit('ga4', 'view_item_list', T0, { params: { item_list_id: 'home' } }), hit('ga4', 'view_item_list', T0 + 50, { params: { item_list_id: 'related' } })], []],
    ['the same page view twice', [hit('ga4', 'page_view', T0, { params: { page_location: 'https://shop.example/' } }), hit('ga4', 'page_view', T0 + 300, { params: { page_location: 'https://shop.example/' } })],
      [{ severity: 'warning' }]],
    ['GA4 purchase twice with the same order', [hit('ga4', 'purchase', T0, { params: { transaction_id: 'T-1' } }), hit('ga4', 'purchase', T0 + 900, { params: { transaction_id: 'T-1' } })],
      [{ severity: 'error', message: 'Google Analytics 4 sent purchase twice within 0.9 s at 07:40:01 for order T-1: the conversion is counted twice, inflating conversions and revenue. Make the tag fire once per order.' }]],
    ['Meta Purchase twice without an order id', [hit('meta-pixel', 'Purchase', T0), hit('meta-pixel', 'Purchase', T0 + 100)],
      [{ severity: 'error', message: expect.stringContaining('with no transaction id') }]],
    ['Ads conversion twice', [hit('google-ads', 'conversion', T0, { params: { endpoint: 'conversion' } }), hit('google-ads', 'conversion', T0 + 100, { params: { endpoint: 'conversion' } })], [{ severity: 'error' }]],
    ['Ads conversion and its first-party copy', [hit('google-ads', 'conversion', T0, { params: { endpoint: 'conversion' } }), hit('google-ads', 'conversion', T0 + 100, { params: { endpoint: '1p-conversion' } })], []],
    ['impressions of two feature flags in one batch', [hit('split', 'impression', T0, { params: { feature_flag: 'a' } }), hit('split', 'impression', T0, { params: { feature_flag: 'b' } })], []],
    ['two media heartbeats at different playheads', [hit('adobe-heartbeat', 'ping', T0, { params: { playhead: '10' } }), hit('adobe-heartbeat', 'ping', T0 + 1000, { params: { playhead: '11' } })], []],
    ['two orders in a row', [hit('ga4', 'purchase', T0, { params: { transaction_id: 'T-1' } }), hit('ga4', 'purchase', T0 + 900, { params: { transaction_id: 'T-2' } })], []],
    ['one with an order id, one without', [hit('ga4', 'purchase', T0, { params: { transaction_id: 'T-1' } }), hit('ga4', 'purchase', T0 + 900)], [{ severity: 'error' }]],
  ])('%s', (_, hits, want) => {
    const got = only('duplicate_hit', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('pii_in_hit', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    ['an email in the page URL', [hit('ga4', 'page_view', T0, { id: 'a', params: { page_location: 'https://shop.example/thanks?email=jane@example.com' } })],
      [{ kind: 'pii_in_hit', severity: 'error', hitId: 'a', vendor: 'ga4', param: 'page_location', pii: 'email', encoding: 'raw', location: 'param', hits: 1,
        message: 'Google Analytics 4 received an email address (j•••@example.com) in the page_location parameter at 07:40:00. Personal data must not reach Google Analytics 4: ' +
          'keep it out of page URLs and tag fields, or send it SHA-256 hashed where the vendor asks for it.' }]],
    ['the same leak on every hit of the page: one finding', [
      hit('ga4', 'page_view', T0, { id: 'a', params: { page_location: 'https://shop.example/?e=jane%40example.com' } }),
      hit('ga4', 'scroll', T0 + 10, { id: 'b', params: { page_location: 'https://shop.example/?e=jane%40example.com' } }),
    ], [{ hitId: 'a', hits: 2, encoding: 'url-encoded', message: expect.stringContaining('a URL-encoded email address (j•••@example.com) in the page_location parameter on 2 hits, first at 07:40:00') }]],
    ['a base64 email', [hit('meta-pixel', 'Lead', T0, { params: { state: btoa('jane@example.com') } })], [{ encoding: 'base64', message: expect.stringContaining('a base64-encoded email address') }]],
    ['a phone number', [hit('meta-pixel', 'Lead', T0, { params: { lead_phone: '+44 20 7946 0958' } })], [{ pii: 'phone', param: 'lead_phone' }]],
    ['a first name in clear', [hit('tiktok', 'SubmitForm', T0, { params: { 'context.user.first_name': 'Jane' } })],
      [{ pii: 'personal_field', message: expect.stringContaining('TikTok Pixel received a first name in clear (J•••) in the context.user.first_name parameter') }]],
    ['Meta hashed user data is fine', [hit('meta-pixel', 'Lead', T0, { params: { 'user_data.em': SHA, 'user_data.ph': SHA } })], []],
    ['ids and timestamps are fine', [hit('ga4', 'page_view', T0, { params: { client_id: '123456789.1763884800', session_id: '1763884800', timestamp: '1763884800123', _p: '1763884800123' } })], []],
    ['only in the request URL', [hit('snapchat', 'PAGE_VIEW', T0, { url: 'https://tr.snapchat.com/p?u_em=jane%40example.com', params: {} })],
      [{ location: 'url', param: 'u_em', message: expect.stringContaining('in the request URL (u_em)') }]],
    ['in the URL and the params: reported once, on the param', [hit('ga4', 'page_view', T0, { url: 'https://www.google-analytics.com/g/collect?dl=https%3A%2F%2Fs.example%2F%3Fe%3Djane%40example.com',
      params: { page_location: 'https://s.example/?e=jane@example.com' } })], [{ location: 'param', param: 'page_location' }]],
    ['consent params are skipped', [hit('ga4', 'page_view', T0, { params: { 'consent.ad_storage': 'granted' } })], []],
  ])('%s', (_, hits, want) => {
    const got = only('pii_in_hit', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });

  it('never copies the personal data into the finding', () => {
    const all = run([hit('ga4', 'page_view', T0, { params: { page_location: 'https://shop.example/?email=jane.doe@example.com&phone=%2B442079460958', first_name: 'Jane' } })]);
    const text = JSON.stringify(all);
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('2079460958');
    expect(text).not.toContain('"Jane"');
  });

  it('lists each kind once per hit', () => {
    const spots = piiInHit(hit('ga4', 'page_view', T0, { url: 'https://x.example/?a=jane%40example.com&p=%2B442079460958', params: { a: 'jane@example.com' } }));
    expect(spots.map((s) => [s.location, s.param, s.match.kind])).toEqual([['param', 'a', 'email'], ['url', 'p', 'phone']]);
  });
});

describe('before_consent', () => {
  const denied: ConsentSignal[] = [{ at: T0 - 100, tabId: 1, source: 'tcf', adStorage: 'denied' }];
  it.each<[string, StoredHit[], ConsentSignal[] | undefined, Array<Partial<Finding>>]>([
    ['a pixel while denied', [hit('meta-pixel', 'PageView', T0, { id: 'a' })], denied, [{
      kind: 'before_consent', severity: 'error', rule: 'ad_pixel_denied', hitId: 'a', vendor: 'meta-pixel', hits: 1,
      message: 'Meta Pixel sent PageView at 07:40:00 while the page\'s consent said ad storage was denied. Meta Pixel must not run until the visitor accepts: let the consent banner gate the tag.',
    }]],
    ['a pixel\'s hits grouped per page', [hit('meta-pixel', 'PageView', T0, { id: 'a' }), hit('meta-pixel', 'ViewContent', T0 + 500), hit('meta-pixel', 'PageView', T0 + 900)], denied,
      [{ hitId: 'a', hits: 3, message: expect.stringContaining('Meta Pixel sent 3 hits (PageView and ViewContent), first at 07:40:00, while') }]],
    ['two pages, two findings', [hit('meta-pixel', 'PageView', T0), hit('meta-pixel', 'PageView', T0 + 900, { sessionId: 's2' })], denied, [{ hits: 1 }, { hits: 1 }]],
    ['Google cookieless pings are expected', [hit('ga4', 'page_view', T0, { params: { gcs: 'G100', 'consent.ad_storage': 'denied' } })], denied, []],
    ['no signals: only the Google rule', [hit('meta-pixel', 'PageView', T0), hit('ga4', 'page_view', T0, { params: { 'consent.ad_storage': 'granted', 'consent.source': 'default' } })], undefined,
      [{ vendor: 'ga4', severity: 'warning', rule: 'google_granted_before_update' }]],
  ])('%s', (_, hits, consent, want) => {
    const got = only('before_consent', run(hits, { consent }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('invalid_params', () => {
  it.each<[string, StoredHit, Partial<Finding> | undefined]>([
    ['GA4 purchase without transaction id', hit('ga4', 'purchase', T0, { id: 'p', params: { currency: 'EUR', value: '10', ...ITEMS } }), {
      kind: 'invalid_params', severity: 'warning', hitId: 'p', vendor: 'ga4', event: 'purchase', param: 'transaction_id', problems: ['no transaction_id'],
      message: 'Google Analytics 4 sent purchase at 07:40:00 with no transaction_id. GA4\'s ecommerce reports will miss this revenue or these products.',
    }],
    ['Meta Purchase without value', hit('meta-pixel', 'Purchase', T0, { params: { currency: 'EUR' } }), { param: 'value', message: expect.stringContaining('Meta Pixel sent Purchase at 07:40:00 with no value.') }],
    ['Ads conversion value without currency', hit('google-ads', 'conversion', T0, { params: { value: '5', endpoint: 'conversion' } }), { param: 'currency' }],
    ['a complete purchase', hit('ga4', 'purchase', T0, { params: { currency: 'EUR', value: '10', transaction_id: 'T-1', ...ITEMS } }), undefined],
  ])('%s', (_, h, want) => {
    const got = only('invalid_params', run([h]));
    if (want) expect(got).toEqual([expect.objectContaining(want)]);
    else expect(got).toEqual([]);
  });
});

describe('tag_without_goal', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    ['an event no goal expects, grouped', [hit('ga4', 'file_download', T0, { id: 'a' }), hit('ga4', 'file_download', T0 + 9000)], [{
      kind: 'tag_without_goal', severity: 'info', vendor: 'ga4', event: 'file_download', hitId: 'a', hits: 2,
      message: 'Google Analytics 4 sent file_download 2 times (first at 07:40:00), but no goal of the plan expects it. If it is a conversion you rely on, add a goal for it.',
    }]],
    ['one per vendor and event', [hit('ga4', 'scroll', T0), hit('meta-pixel', 'scroll', T0), hit('ga4', 'click', T0)], [{ vendor: 'ga4', event: 'scroll' }, { vendor: 'meta-pixel' }, { event: 'click' }]],
    ['an event the plan expects, even outside any firing', [hit('ga4', 'sign_up', T0)], []],
    ['a vendor the plan expects with any event', [hit('linkedin', 'conversion', T0)], []],
    ['page views and library loads are routine', [hit('ga4', 'page_view', T0), hit('meta-pixel', 'PageView', T0), hit('tiktok', 'Pageview', T0), hit('pinterest', 'pagevisit', T0),
      hit('snapchat', 'PAGE_VIEW', T0), hit('meta-pixel', 'library_load', T0), hit('ga4', 'user_engagement', T0)], []],
    ['hits without an event are not grouped', [hit('hotjar', undefined, T0)], []],
    ['other vendors\' page views and upkeep are routine', [hit('at-internet', 'page.display', T0), hit('adobe-web-sdk', 'web.webpagedetails.pageViews', T0),
      hit('fullstory', 'recording', T0), hit('parsely', 'heartbeat', T0), hit('adobe-ecid', 'id_request', T0), hit('adobe-audience-manager', 'event_call', T0),
      hit('split', 'impression', T0), hit('optimizely', 'campaign_activated', T0), hit('adobe-target', 'page_load', T0)], []],
    ['a tracked experiment event is not upkeep', [hit('optimizely', 'purchase', T0)], [{ vendor: 'optimizely', event: 'purchase' }]],
    ['Ads remarketing on page load is routine', [hit('google-ads', 'remarketing', T0, { params: { event_name: 'gtag.config' } }), hit('google-ads', 'remarketing', T0)], []],
    ['Ads remarketing with a gtag event is named by it', [hit('google-ads', 'remarketing', T0, { params: { event_name: 'add_to_cart' } })], [{ vendor: 'google-ads', event: 'add_to_cart' }]],
  ])('%s', (_, hits, want) => {
    const goals: Goal[] = [newsletter, { ...purchase, id: 'li', expect: [{ vendor: 'linkedin' }] }];
    const got = only('tag_without_goal', run(hits, { goals }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('library_without_hits', () => {
  it.each<[string, StoredHit[], Array<Partial<Finding>>]>([
    ['a library and nothing else', [hit('meta-pixel', 'library_load', T0, { id: 'lib' })], [{
      kind: 'library_without_hits', severity: 'warning', vendor: 'meta-pixel', hitId: 'lib', sessionId: 's1',
      message: 'Meta Pixel\'s library loaded at 07:40:00, but the page sent no Meta Pixel hit afterwards: the tag is installed but never fires. Check its init call and triggers, or whether consent held it back.',
    }]],
    ['a library and a hit', [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'PageView', T0 + 100)], []],
    ['a library and a blocked hit: it tried', [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'PageView', T0 + 100, { status: 'blocked' })], []],
    ['the hit was on another page', [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'PageView', T0 + 100, { sessionId: 's2' })], [{ sessionId: 's1' }]],
    ['two loads in one page: one finding', [hit('meta-pixel', 'library_load', T0), hit('meta-pixel', 'library_load', T0 + 5)], [{}]],
    ['a blocked library never loaded', [hit('meta-pixel', 'library_load', T0, { status: 'blocked' })], []],
    ['a tag manager sends nothing of its own', [hit('gtm', 'library_load', T0)], []],
    ['Launch, DTM, Piwik PRO Tag Manager and Ensighten are tag managers', [hit('adobe-launch', 'library_load', T0), hit('adobe-dtm', 'library_load', T0),
      hit('piwik-pro-tag-manager', 'library_load', T0), hit('ensighten', 'library_load', T0)], []],
    ['an experiment snippet on a page no experiment targets', [hit('optimizely', 'library_load', T0), hit('omniconvert', 'library_load', T0), hit('split', 'library_load', T0)], []],
    ['a heatmap script on a page without a snapshot', [hit('crazy-egg', 'library_load', T0)], []],
    ['a recorder that loaded and sent nothing', [hit('fullstory', 'library_load', T0)], [{ vendor: 'fullstory' }]],
  ])('%s', (_, hits, want) => {
    const got = only('library_without_hits', run(hits));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

describe('findings', () => {
  it('puts errors first, then warnings, then notes, each in time order', () => {
    const all = run([
      hit('ga4', 'file_download', T0),
      hit('ga4', 'sign_up', T0 + 10), hit('ga4', 'sign_up', T0 + 20),
      hit('ga4', 'page_view', T0 + 30, { params: { page_location: 'https://s.example/?email=jane@example.com' } }),
    ], { goals: [newsletter], firings: [firing(newsletter.id, T0 + 50)] });
    expect(all.map((f) => [f.severity, f.kind])).toEqual([
      ['error', 'pii_in_hit'], ['error', 'missing_tag'], ['warning', 'duplicate_hit'], ['info', 'tag_without_goal'],
    ]);
  });

  it('finds nothing in nothing', () => expect(run([])).toEqual([]));
});
