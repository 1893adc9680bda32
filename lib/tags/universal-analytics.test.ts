import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';

// Request shapes from Google's Universal Analytics Measurement Protocol v1 parameter reference: hits on
// /collect (also /r/collect, /j/collect from analytics.js), /batch with one hit per body line, analytics.js loads.
const UA = 'https://www.google-analytics.com/collect?v=1&tid=UA-1234-1&cid=555.666';

describe('universal-analytics', () => {
  it.each([
    [
      'page view',
      `${UA}&t=pageview&dl=https%3A%2F%2Fshop.example%2F&dp=%2Fpricing&dt=Pricing&dh=shop.example`,
      {
        event: 'pageview',
        account: 'UA-1234-1',
        params: {
          client_id: '555.666',
          page_location: 'https://shop.example/',
          page_path: '/pricing',
          page_title: 'Pricing',
          page_hostname: 'shop.example',
        },
      },
    ],
    [
      'event',
      `${UA}&t=event&ec=Video&ea=play&el=Intro&ev=1&ni=1`,
      {
        event: 'event',
        params: {
          event_category: 'Video',
          event_action: 'play',
          event_label: 'Intro',
          event_value: '1',
          non_interaction: '1',
        },
      },
    ],
    [
      'classic transaction',
      `${UA}&t=transaction&ti=T-1&ta=Online&tr=49.9&ts=4.9&tt=8.3&cu=EUR`,
      {
        event: 'transaction',
        params: {
          transaction_id: 'T-1',
          affiliation: 'Online',
          revenue: '49.9',
          shipping: '4.9',
          tax: '8.3',
          currency: 'EUR',
        },
      },
    ],
    [
      'classic item',
      `${UA}&t=item&ti=T-1&in=Shirt&ip=9.99&iq=2&ic=SKU1&iv=Apparel`,
      {
        event: 'item',
        params: {
          item_name: 'Shirt',
          item_price: '9.99',
          item_quantity: '2',
          item_code: 'SKU1',
          item_category: 'Apparel',
        },
      },
    ],
    [
      'enhanced ecommerce purchase',
      `${UA}&t=event&ec=Ecommerce&ea=Purchase&pa=purchase&ti=T-2&tr=20&pr1id=SKU1&pr1nm=Shirt&pr1pr=10&pr1qt=2&pr1cd3=Blue&pr2id=SKU2&pr2ca=Socks`,
      {
        event: 'event',
        params: {
          product_action: 'purchase',
          transaction_id: 'T-2',
          revenue: '20',
          'products.0.id': 'SKU1',
          'products.0.name': 'Shirt',
          'products.0.price': '10',
          'products.0.quantity': '2',
          'products.0.dimension3': 'Blue',
          'products.1.id': 'SKU2',
          'products.1.category': 'Socks',
        },
      },
    ],
    [
      'impressions and promotions',
      `${UA}&t=pageview&il1nm=Search%20Results&il1pi1id=SKU1&il1pi2nm=Mug&promo1id=P1&promo1nm=Summer&promoa=click`,
      {
        params: {
          'impression_lists.0.name': 'Search Results',
          'impression_lists.0.products.0.id': 'SKU1',
          'impression_lists.0.products.1.name': 'Mug',
          'promotions.0.id': 'P1',
          'promotions.0.name': 'Summer',
          promotion_action: 'click',
        },
      },
    ],
    [
      'custom dimensions, metrics and content groups',
      `${UA}&t=pageview&cd1=member&cm2=5&cg1=Blog`,
      { params: { dimension1: 'member', metric2: '5', content_group1: 'Blog' } },
    ],
    [
      'social',
      `${UA}&t=social&sn=facebook&sa=like&st=https%3A%2F%2Fshop.example%2F`,
      { event: 'social', params: { social_network: 'facebook', social_action: 'like' } },
    ],
    [
      'timing',
      `${UA}&t=timing&utc=JS&utv=load&utt=320&utl=Main`,
      {
        event: 'timing',
        params: { timing_category: 'JS', timing_variable: 'load', timing_time: '320', timing_label: 'Main' },
      },
    ],
    [
      'exception',
      `${UA}&t=exception&exd=TypeError&exf=0`,
      { event: 'exception', params: { exception_description: 'TypeError', exception_fatal: '0' } },
    ],
    [
      'screen view',
      `${UA}&t=screenview&an=Shop&av=1.2&cd=Home`,
      { event: 'screenview', params: { app_name: 'Shop', app_version: '1.2', screen_name: 'Home' } },
    ],
    [
      'campaign',
      `${UA}&t=pageview&cn=spring&cs=newsletter&cm=email`,
      { params: { campaign_name: 'spring', campaign_source: 'newsletter', campaign_medium: 'email' } },
    ],
    [
      'analytics.js /j/collect',
      'https://www.google-analytics.com/j/collect?v=1&_v=j101&a=1&t=pageview&_s=1&tid=UA-1234-1&jid=9',
      { event: 'pageview', params: { library_version: 'j101', hit_sequence: '1', join_id: '9' } },
    ],
    [
      '/r/collect',
      'https://www.google-analytics.com/r/collect?v=1&t=pageview&tid=UA-1234-1&cid=1',
      { event: 'pageview', account: 'UA-1234-1' },
    ],
    [
      'first-party proxy',
      'https://metrics.shop.example/collect?v=1&tid=UA-99-2&cid=1&t=event&ec=Form&ea=submit',
      { event: 'event', account: 'UA-99-2', params: { event_action: 'submit' } },
    ],
    [
      'analytics.js',
      'https://www.google-analytics.com/analytics.js',
      { event: 'library_load', params: { script: 'analytics.js' } },
    ],
    ['analytics_debug.js', 'https://www.google-analytics.com/analytics_debug.js', { event: 'library_load' }],
    [
      'gtag.js with a UA id',
      'https://www.googletagmanager.com/gtag/js?id=UA-1234-1',
      { event: 'library_load', account: 'UA-1234-1' },
    ],
  ])('%s', (_, url, want) => {
    const hits = decodeRequest({ url });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'universal-analytics', ...want });
  });

  it('reads a POSTed /collect body as the hit', () => {
    const hits = decodeRequest({
      url: 'https://www.google-analytics.com/collect',
      method: 'POST',
      body: 'v=1&tid=UA-1234-1&cid=1&t=event&ec=Newsletter&ea=signup',
    });
    expect(hits).toMatchObject([
      {
        vendor: 'universal-analytics',
        event: 'event',
        account: 'UA-1234-1',
        params: { event_category: 'Newsletter', event_action: 'signup' },
      },
    ]);
  });

  it('reads a POSTed hit on a first-party proxy by its body', () => {
    const hits = decodeRequest({
      url: 'https://shop.example/collect',
      method: 'POST',
      body: 'v=1&tid=UA-7-1&cid=1&t=pageview&dp=%2F',
    });
    expect(hits).toMatchObject([{ vendor: 'universal-analytics', event: 'pageview', account: 'UA-7-1' }]);
  });

  it('reads a /batch body as one hit per line', () => {
    const body = [
      'v=1&tid=UA-1234-1&cid=1&t=pageview&dp=%2Fa',
      '',
      'v=1&tid=UA-1234-1&cid=1&t=event&ec=Video&ea=play',
      'v=1&tid=UA-1234-1&cid=1&t=timing&utc=JS&utv=load&utt=9',
    ].join('\n');
    const hits = decodeRequest({ url: 'https://www.google-analytics.com/batch', method: 'POST', body });
    expect(hits.map((h) => h.event)).toEqual(['pageview', 'event', 'timing']);
    expect(hits.every((h) => h.vendor === 'universal-analytics' && h.account === 'UA-1234-1')).toBe(true);
  });

  it('marks a hit without a hit type partial', () => {
    const [hit] = decodeRequest({ url: `${UA}&ec=x` });
    expect(hit).toMatchObject({ vendor: 'universal-analytics', account: 'UA-1234-1' });
    expect(hit!.partial).toMatch(/hit type/);
  });

  it('survives a 10 MB body and invalid percent-encoding', () => {
    const body = 'v=1&tid=UA-1234-1&t=event&el=%E0%A4%A&ea=' + 'x'.repeat(10 * 1024 * 1024);
    const hits = decodeRequest({ url: 'https://www.google-analytics.com/collect', method: 'POST', body });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'universal-analytics', event: 'event' });
    expect(hits[0]!.partial).toMatch(/only its start/);
  });

  it.each([
    ['GA4 hit', 'https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123&en=page_view'],
    ['advertising-features copy', 'https://stats.g.doubleclick.net/j/collect?v=1&tid=UA-1234-1&t=pageview&cid=1'],
    ['advertising-features redirect', 'https://stats.g.doubleclick.net/r/collect?v=1&tid=UA-1234-1&t=pageview&cid=1'],
    ['/collect on another host without a UA payload', 'https://api.example/collect?v=2&tid=G-1&t=event'],
    ['/collect with a v=1 but no UA id', 'https://api.example/collect?v=1&tid=XYZ&t=event'],
    ['a batch endpoint of another product', 'https://api.example/batch'],
    ['Google Ads ccm ping', 'https://www.google.com/ccm/collect?en=page_view&tid=AW-1'],
    ['ec.js plugin', 'https://www.google-analytics.com/plugins/ua/ec.js'],
    ['analytics.js on another host', 'https://cdn.example/analytics.js'],
  ])('does not read a %s as a UA hit', (_, url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'universal-analytics')).toEqual([]),
  );
});
