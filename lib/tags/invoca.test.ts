import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Invoca Tag: solutions.invocacdn.com/js/networks/<network>/<tag>/tag-live.js, the shared
// invoca-latest.min.js, and the number request to pnapi.invoca.net/<network>/na.json with the visit's data.

describe('invoca', () => {
  it.each<[string, HitRequest, object]>([
    [
      'number request',
      {
        url: 'https://pnapi.invoca.net/1742/na.json?js_version=4.31.1&utm_source=google&utm_medium=cpc&gclid=Cj0KCQ&landing_page=https%3A%2F%2Fshop.example%2Fcall',
      },
      {
        event: 'number_request',
        account: '1742',
        params: { utm_source: 'google', utm_medium: 'cpc', gclid: 'Cj0KCQ', landing_page: 'https://shop.example/call' },
      },
    ],
    [
      'JSONP number request',
      { url: 'https://pnapi.invoca.net/2081/na.jsonp?jsoncallback=Invoca_cb&campaign_id=brand&js_version=4.31.1' },
      { event: 'number_request', account: '2081', params: { campaign_id: 'brand' } },
    ],
    [
      'number request as a POST',
      {
        url: 'https://pnapi.invoca.net/1742/na.json',
        method: 'POST',
        body: 'js_version=4.31.1&utm_campaign=spring&calling_page=https%3A%2F%2Fshop.example%2F',
      },
      {
        event: 'number_request',
        account: '1742',
        params: { utm_campaign: 'spring', calling_page: 'https://shop.example/' },
      },
    ],
    [
      'live tag',
      { url: 'https://solutions.invocacdn.com/js/networks/1742/1203331537/tag-live.js' },
      { event: 'library_load', account: '1742', params: { tag_id: '1203331537', script: 'tag-live.js' } },
    ],
    [
      'draft tag',
      { url: 'https://solutions.invocacdn.com/js/networks/1742/1203331537/tag-draft.js' },
      { event: 'library_load', params: { script: 'tag-draft.js' } },
    ],
    [
      'shared library',
      { url: 'https://solutions.invocacdn.com/js/invoca-latest.min.js' },
      { event: 'library_load', params: { version: 'latest' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'invoca', ...want }));

  it.each([
    'https://www.invoca.com/',
    'https://pnapi.invoca.net/1742/other.json',
    'https://solutions.invocacdn.com/js/networks/1742/1203331537/other.js',
    'https://pnapi.invoca.net.evil.example/1742/na.json',
    'https://solutions.invocacdn.com/js/invoca-latest.min.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'invoca' && h.event !== 'library_load')).toEqual([]),
  );
});
