import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Snap Pixel: /p with pid, ev, pl, e_* event fields and u_* hashed user data, sent as a
// query, a form body or JSON; scevent.min.js and the pixel's config script. The /cm/ cookie matches are not hits.
const PID = '24d5aee1-b548-466b-a1ed-d2b44fe2beed';

describe('snapchat', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view in the query',
      {
        url: `https://tr.snapchat.com/p?pid=${PID}&ev=PAGE_VIEW&pl=https%3A%2F%2Fshop.example%2F&ts=1625835444408&rf=&v=1.5&if=false&bt=__LIVE__&intg=gtm&u_c1=e2e11359&m_sl=774`,
      },
      {
        event: 'PAGE_VIEW',
        account: PID,
        params: {
          page_url: 'https://shop.example/',
          library_version: '1.5',
          integration: 'gtm',
          browser_id: 'e2e11359',
          m_sl: '774',
        },
      },
    ],
    [
      'purchase as a form body',
      {
        url: 'https://tr.snapchat.com/p',
        method: 'POST',
        body: `pid=${PID}&ev=PURCHASE&pl=https%3A%2F%2Fshop.example%2Fthanks&e_pr=59.90&e_cur=EUR&e_tid=ORD-7&e_ni=2&u_hem=${'c'.repeat(64)}`,
      },
      {
        event: 'PURCHASE',
        account: PID,
        params: {
          price: '59.90',
          currency: 'EUR',
          transaction_id: 'ORD-7',
          number_items: '2',
          hashed_email: 'c'.repeat(64),
        },
      },
    ],
    [
      'sign up as flat JSON',
      {
        url: 'https://tr6.snapchat.com/p',
        method: 'POST',
        body: JSON.stringify({ pid: PID, ev: 'SIGN_UP', e_sm: 'email' }),
      },
      { event: 'SIGN_UP', account: PID, params: { sign_up_method: 'email' } },
    ],
    [
      'event in a JSON envelope',
      {
        url: 'https://tr.snapchat.com/p',
        method: 'POST',
        body: JSON.stringify({
          ctx: { url: 'https://shop.example/cart', v: '3.2' },
          req: [{ i: { pids: [PID] } }, { t: { pid: PID, ev: 'ADD_CART', price: 10, currency: 'USD' }, ts: 1 }],
        }),
      },
      {
        event: 'ADD_CART',
        account: PID,
        params: { page_url: 'https://shop.example/cart', price: '10', currency: 'USD' },
      },
    ],
    [
      'shadow host',
      { url: `https://tr-shadow.snapchat.com/p?pid=${PID}&ev=VIEW_CONTENT` },
      { event: 'VIEW_CONTENT', account: PID },
    ],
    [
      'body cut at the capture limit',
      {
        url: 'https://tr.snapchat.com/p',
        method: 'POST',
        body: '{"ctx":{"url":"https://shop.example/"},"req":[{"t":{"pid":"',
      },
      { partial: expect.stringContaining('not valid JSON') },
    ],
    ['library', { url: 'https://sc-static.net/scevent.min.js' }, { event: 'library_load' }],
    [
      'pixel config',
      { url: `https://tr.snapchat.com/config/no/${PID}.js?v=3.56.1` },
      { event: 'library_load', account: PID },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'snapchat', ...want }));

  it('reads one hit per event of a JSON envelope and skips its diagnostics', () => {
    const body = JSON.stringify({
      ctx: { url: 'u' },
      req: [
        { t: { pid: 'a', ev: 'PAGE_VIEW' } },
        { log: { name: 'ERR' } },
        { t: { pid: 'b', ev: 'PURCHASE', transaction_id: 'T-1' } },
      ],
    });
    const hits = decodeRequest({ url: 'https://tr.snapchat.com/p', method: 'POST', body });
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['PAGE_VIEW', 'a'],
      ['PURCHASE', 'b'],
    ]);
    expect(hits[0]?.params).not.toHaveProperty('transaction_id');
  });

  it.each<[string, HitRequest]>([
    ['a profile page', { url: 'https://www.snapchat.com/add/someone' }],
    [
      'pixel telemetry',
      {
        url: 'https://tr6.snapchat.com/p',
        method: 'POST',
        body: JSON.stringify({ ctx: { url: 'u' }, req: [{ i: { pids: ['04b21810'] }, del: 1003 }] }),
      },
    ],
    ['a partner sync', { url: 'https://tr.snapchat.com/cm/p?rand=1583799227113&pnid=110&pcid=' }],
    ['the cookie match', { url: `https://tr.snapchat.com/cm/i?pid=${PID}&u_scsid=2184&u_sclid=9158` }],
    ['a look-alike host', { url: `https://tr.snapchat.com.evil.example/p?pid=${PID}&ev=PAGE_VIEW` }],
    ['the library', { url: 'https://sc-static.net/scevent.min.js' }],
  ])('does not read %s as an event', (_, req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'snapchat' && h.event !== 'library_load')).toEqual([]),
  );
});
