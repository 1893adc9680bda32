import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Webtrends' query parameter reference (dcs.gif with dcsuri/dcssip/dcsref and WT.* fields, WT.dl).
const DCSID = 'dcs222abcdefghijk0123456789_1a2b';
const ONDEMAND = `https://statse.webtrendslive.com/${DCSID}/dcs.gif`;

describe('webtrends', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: `${ONDEMAND}?dcsdat=1763884800123&dcssip=shop.example&dcsuri=%2Fproducts%2Fmug&dcsref=https%3A%2F%2Fwww.google.com%2F&WT.co_f=2a1b3c4d5e6f&WT.vtid=2a1b3c4d5e6f&WT.ti=Mug&WT.dl=0&WT.cg_n=Products`,
      },
      {
        event: 'page_view',
        account: DCSID,
        params: {
          host: 'shop.example',
          path: '/products/mug',
          referrer: 'https://www.google.com/',
          page_title: 'Mug',
          visitor_id: '2a1b3c4d5e6f',
          content_group: 'Products',
        },
      },
    ],
    [
      'download',
      { url: `${ONDEMAND}?dcssip=shop.example&dcsuri=%2Fcare-guide.pdf&WT.ti=Download%3Acare-guide.pdf&WT.dl=20` },
      { event: 'download', account: DCSID, params: { path: '/care-guide.pdf' } },
    ],
    [
      'purchase on a SmartSource Data Collector',
      {
        url: `https://sdc.shop.example/${DCSID}/dcs.gif?dcssip=shop.example&dcsuri=%2Fthanks&WT.dl=0&WT.tx_e=p&WT.tx_u=2&WT.tx_s=59.80&WT.tx_i=T-1001&WT.pn_sku=SKU1`,
      },
      {
        event: 'page_view',
        account: DCSID,
        params: { transaction_event: 'p', units: '2', revenue: '59.80', invoice_id: 'T-1001', sku: 'SKU1' },
      },
    ],
    ['off-site link', { url: `${ONDEMAND}?dcssip=shop.example&dcsuri=%2Fpartner&WT.dl=24` }, { event: 'offsite_link' }],
    [
      'library',
      { url: 'https://s.webtrends.com/js/webtrends.min.js' },
      { event: 'library_load', params: { script: 'webtrends.min.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'webtrends', ...want }));

  it.each<HitRequest>([
    { url: 'https://shop.example/images/dcs.gif' },
    { url: 'https://shop.example/js/webtrends.min.js' },
    { url: 'https://www.webtrends.com/about/' },
  ])('does not read $url as a Webtrends hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'webtrends')).toEqual([]),
  );
});
