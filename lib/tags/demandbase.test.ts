import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes from Demandbase's IP-API reference (v2 and v3: auth, page, page_title, referrer, callback) and its
// tag.demandbase.com tag.
const KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8';

describe('demandbase', () => {
  it.each<[string, HitRequest, object]>([
    [
      'IP-API v2 page view',
      {
        url: `https://api.company-target.com/api/v2/ip.json?key=${KEY}&referrer=https%3A%2F%2Fwww.google.com%2F&page=https%3A%2F%2Fshop.example%2Fpricing&page_title=Pricing&src=tag`,
      },
      {
        event: 'ip_lookup',
        account: KEY,
        params: {
          page_url: 'https://shop.example/pricing',
          page_title: 'Pricing',
          referrer: 'https://www.google.com/',
          called_from: 'tag',
        },
      },
    ],
    [
      'IP-API v3 with auth',
      {
        url: `https://api.company-target.com/api/v3/ip.json?auth=${KEY}&page=https%3A%2F%2Fshop.example%2F&page_title=Home&referrer=`,
      },
      { event: 'ip_lookup', account: KEY, params: { page_url: 'https://shop.example/', page_title: 'Home' } },
    ],
    [
      'JavaScript form with a callback',
      {
        url: `https://api.company-target.com/api/v2/ip.js?key=${KEY}&page=https%3A%2F%2Fshop.example%2Fdemo&var=organization&callback=dbCallback`,
      },
      { event: 'ip_lookup', account: KEY, params: { page_url: 'https://shop.example/demo' } },
    ],
    [
      'IP-API with its fields in a JSON body',
      {
        url: 'https://api.company-target.com/api/v3/ip.json?referrer=&page=https%3A%2F%2Fshop.example%2Fplatform',
        method: 'POST',
        body: JSON.stringify({ src: 'tag', auth: KEY }),
      },
      { event: 'ip_lookup', account: KEY, params: { page_url: 'https://shop.example/platform', called_from: 'tag' } },
    ],
    [
      'Engagement event',
      {
        url: 'https://et.company-target.com/events/',
        method: 'POST',
        body: JSON.stringify({ type: 'experience_fired', experience_id: 'exp-12' }),
      },
      { event: 'experience_fired', params: { experience_id: 'exp-12' } },
    ],
    [
      'the tag',
      { url: 'https://tag.demandbase.com/3a7f0c2e9b1d4f6a.min.js' },
      { event: 'library_load', account: '3a7f0c2e9b1d4f6a' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'demandbase', ...want }));

  it('drops the JSONP plumbing and empty fields from the params', () => {
    const params = decodeRequest({
      url: `https://api.company-target.com/api/v2/ip.js?key=${KEY}&var=organization&callback=cb&referrer=`,
    })[0]?.params;
    expect(params).toEqual({});
  });

  it.each([
    'https://www.demandbase.com/resources/',
    'https://s.company-target.com/s/sync?exc=lr',
    'https://api.company-target.com/api/v2/domain.json?key=x',
    'https://api.company-target.com.evil.example/api/v2/ip.json?key=x',
    'https://tag.demandbase.com/3a7f0c2e9b1d4f6a.min.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'demandbase' && h.event !== 'library_load')).toEqual([]),
  );
});
