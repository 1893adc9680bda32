import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../tags';
import { groupParams } from './param-groups';

describe('groupParams', () => {
  it('groups a GA4 purchase: event, page, user, consent, the items as a table, the protocol last', () => {
    // A gtag.js purchase as Google documents its /g/collect hit: shared fields in the URL, the event in the body.
    const [hit] = decodeRequest({
      url:
        'https://region1.google-analytics.com/g/collect?v=2&tid=G-SHOP123&cid=555.1763884800&sid=1763884800&_p=123&gcs=G111' +
        '&dl=https%3A%2F%2Fshop.example%2Fthanks&dt=Thanks&uid=u-42&up.plan=pro',
      method: 'POST',
      body: 'en=purchase&ep.transaction_id=T-1001&epn.value=31.5&cu=EUR&pr1=idSKU-1~nmMug~pr9.5~qt1&pr2=idSKU-2~nmKettle~pr22~qt1~vaSteel',
    });
    const grouped = groupParams(hit!.params);
    const titles = grouped.groups.map((g) => g.title);
    expect(titles).toEqual(['Event', 'Page', 'User', 'Consent', 'Protocol']);
    const of = (title: string) => Object.fromEntries(grouped.groups.find((g) => g.title === title)!.params);
    expect(of('Event')).toMatchObject({ transaction_id: 'T-1001', value: '31.5', currency: 'EUR' });
    expect(of('Page')).toMatchObject({ page_location: 'https://shop.example/thanks', page_title: 'Thanks' });
    expect(of('User')).toMatchObject({ client_id: '555.1763884800', user_id: 'u-42', 'user.plan': 'pro' });
    expect(Object.keys(of('Consent')).length).toBeGreaterThan(0);
    expect(of('Protocol')).toMatchObject({ protocol_version: '2', page_load_id: '123' });
    expect(grouped.items).toEqual({
      name: 'items',
      columns: ['item_id', 'item_name', 'price', 'quantity', 'item_variant'],
      rows: [
        { index: 0, values: { item_id: 'SKU-1', item_name: 'Mug', price: '9.5', quantity: '1' } },
        {
          index: 1,
          values: { item_id: 'SKU-2', item_name: 'Kettle', price: '22', quantity: '1', item_variant: 'Steel' },
        },
      ],
    });
    // Nothing lost, nothing twice: every param is in one group or in the table.
    const cells = grouped.items!.rows.reduce((n, r) => n + Object.keys(r.values).length, 0);
    expect(grouped.groups.reduce((n, g) => n + g.params.length, 0) + cells).toBe(Object.keys(hit!.params).length);
  });

  it.each([
    [
      'a Meta Pixel Lead',
      { event: 'Lead', page_url: 'https://shop.example/', browser_id: 'fb.1.1', value: '5' },
      { Event: ['event', 'value'], Page: ['page_url'], User: ['browser_id'] },
    ],
    ['no params', {}, {}],
    ['only custom fields', { plan: 'pro', seats: '3' }, { Event: ['plan', 'seats'] }],
  ])('%s', (_, params, want) => {
    const got = Object.fromEntries(groupParams(params).groups.map((g) => [g.title, g.params.map(([k]) => k)]));
    expect(got).toEqual(want);
    expect(groupParams(params).items).toBeUndefined();
  });
});
