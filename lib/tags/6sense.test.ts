import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the 6sense WebTag: the j.6sc.co libraries (legacy and WebTag 2.0), the b.6sc.co page beacon
// (token = the WebTag token; its other fields are not documented and kept as sent), and the documented Company
// Details API on epsilon.6sense.com.
const TOKEN = '5f4c3b2a1e0d9c8b7a6f5e4d3c2b1a09';

describe('6sense', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page beacon',
      {
        url: `https://b.6sc.co/v1/beacon/img.gif?token=${TOKEN}&svisitor=8d1f2e3a-1111&visitor=7c2a-2222&session=6b3c-3333&url=https%3A%2F%2Fshop.example%2Fpricing&m=1`,
      },
      {
        event: 'page_view',
        account: TOKEN,
        params: {
          svisitor_id: '8d1f2e3a-1111',
          visitor_id: '7c2a-2222',
          session_id: '6b3c-3333',
          url: 'https://shop.example/pricing',
        },
      },
    ],
    [
      'beacon naming its event',
      {
        url: `https://b.6sc.co/v1/beacon/img.gif?token=${TOKEN}&event=form_submit&url=https%3A%2F%2Fshop.example%2Fdemo`,
      },
      { event: 'form_submit', account: TOKEN, params: { url: 'https://shop.example/demo' } },
    ],
    [
      'company details lookup',
      { url: 'https://epsilon.6sense.com/v3/company/details', method: 'GET' },
      { event: 'company_details', params: {} },
    ],
    [
      'company details, older version',
      { url: 'https://epsilon.6sense.com/v1/company/details/' },
      { event: 'company_details' },
    ],
    [
      'legacy library',
      { url: 'https://j.6sc.co/6si.min.js' },
      { event: 'library_load', params: { script: '6si.min.js' } },
    ],
    [
      'WebTag 2.0 library names its token',
      { url: `https://j.6sc.co/j/${TOKEN}.js` },
      { event: 'library_load', account: TOKEN },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: '6sense', ...want }));

  it('names no account for the company lookup: its API token is a header', () =>
    expect(decodeRequest({ url: 'https://epsilon.6sense.com/v3/company/details' })[0]?.account).toBeUndefined());

  it.each([
    'https://6sense.com/platform/',
    'https://epsilon.6sense.com/v2/people/enrichment',
    'https://j.6sc.co/other.js',
    'https://b.6sc.co.evil.example/v1/beacon/img.gif?token=x',
    'https://j.6sc.co/6si.min.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === '6sense' && h.event !== 'library_load')).toEqual([]),
  );
});
