import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';

// Request shapes from Campaign Manager 360's Floodlight tag formats: the image tag (ad.doubleclick.net/ddm/activity/
// src=…;type=…;cat=…;ord=…?), the iframe tag (<src>.fls.doubleclick.net/activityi;…) and gtag.js Floodlight pings
// (ad.doubleclick.net/activity;…), with sales fields qty/cost/ord, custom variables uN and consent fields.
describe('floodlight', () => {
  it.each([
    [
      'gtag counter',
      'https://ad.doubleclick.net/activity;register_conversion=1;src=1234567;type=signup;cat=newsl0;ord=8813342107421;u1=footer;npa=0;gcs=G111;gcd=13r3r3r3r5l1;~oref=https%3A%2F%2Fshop.example%2Fthanks?',
      {
        event: 'newsl0',
        account: 'DC-1234567',
        params: {
          activity_group: 'signup',
          activity: 'newsl0',
          ord: '8813342107421',
          u1: 'footer',
          non_personalized_ads: '0',
          page_location: 'https://shop.example/thanks',
          'consent.ad_storage': 'granted',
          'consent.ad_personalization': 'granted',
          'consent.source': 'update',
        },
      },
    ],
    [
      'sales tag',
      'https://ad.doubleclick.net/activity;src=1234567;type=sales;cat=purch0;qty=3;cost=59.90;ord=T-1001?',
      { event: 'purch0', params: { quantity: '3', revenue: '59.90', ord: 'T-1001' } },
    ],
    [
      'iframe tag',
      'https://1234567.fls.doubleclick.net/activityi;src=1234567;type=invmedia;cat=lead0;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;tfua=;ord=1;num=4567?',
      {
        event: 'lead0',
        account: 'DC-1234567',
        params: { activity_group: 'invmedia', limit_ad_tracking: '', device_id: '', num: '4567' },
      },
    ],
    [
      'image tag',
      'https://ad.doubleclick.net/ddm/activity/src=1234567;type=invmedia;cat=abcd1234;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;tfua=;npa=;gdpr=1;gdpr_consent=CPx;ord=1?',
      { event: 'abcd1234', account: 'DC-1234567', params: { gdpr: '1', gdpr_consent: 'CPx' } },
    ],
    [
      'activityj',
      'https://ad.doubleclick.net/activityj;src=42;type=grp;cat=act;ord=1?',
      { event: 'act', account: 'DC-42' },
    ],
    [
      'custom variables',
      'https://ad.doubleclick.net/activity;src=1;type=g;cat=c;u3=a%20b;u12=%E2%82%AC5;ord=1?',
      { params: { u3: 'a b', u12: '€5' } },
    ],
    [
      'gtag.js',
      'https://www.googletagmanager.com/gtag/js?id=DC-1234567',
      { event: 'library_load', account: 'DC-1234567' },
    ],
  ])('%s', (_, url, want) => {
    const hits = decodeRequest({ url });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'floodlight', ...want });
    expect(hits[0]!.partial).toBeUndefined();
  });

  it('keeps src out of params: it is the account', () => {
    const [hit] = decodeRequest({ url: 'https://ad.doubleclick.net/activity;src=1;type=g;cat=c?' });
    expect(hit!.params).not.toHaveProperty('src');
  });

  it.each([
    ['no activity', 'https://ad.doubleclick.net/activity;src=1234567;type=grp;ord=1?', /activity/],
    ['no advertiser', 'https://ad.doubleclick.net/activity;type=grp;cat=c;ord=1?', /advertiser/],
  ])('marks a tag with %s partial', (_, url, why) => {
    const [hit] = decodeRequest({ url });
    expect(hit).toMatchObject({ vendor: 'floodlight' });
    expect(hit!.partial).toMatch(why);
  });

  it('survives bad percent-encoding and a huge field list', () => {
    const [bad] = decodeRequest({
      url: 'https://ad.doubleclick.net/activity;src=1;type=g;cat=%E0%A4%A;u1=%;=x;;novalue?',
    });
    expect(bad).toMatchObject({ vendor: 'floodlight', account: 'DC-1', event: '%E0%A4%A' });
    const many = Array.from({ length: 5000 }, (_, i) => `u${i}=x`).join(';');
    const [big] = decodeRequest({ url: `https://ad.doubleclick.net/activity;src=1;type=g;cat=c;${many}?` });
    expect(big).toMatchObject({ vendor: 'floodlight', event: 'c' });
    expect(big!.partial).toMatch(/not read/);
  });

  it.each([
    [
      'Google Ads remarketing',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/?data=event%3Dpurchase',
    ],
    ['click tracker', 'https://ad.doubleclick.net/ddm/trackclk/N1234.5678/B1;dc_trk_aid=1;dc_trk_cid=2'],
    ['ad serving', 'https://ad.doubleclick.net/ddm/adj/N1234.site/B1;sz=300x250;ord=1?'],
    ['activity path on another host', 'https://shop.example/activity;src=1;type=g;cat=c?'],
    ['a look-alike host', 'https://ad.doubleclick.net.evil.example/activity;src=1;type=g;cat=c?'],
    ['an activity feed', 'https://ad.doubleclick.net/activityfeed'],
  ])('does not read a %s as a Floodlight hit', (_, url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'floodlight')).toEqual([]),
  );
});
