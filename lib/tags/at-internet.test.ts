import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from AT Internet's SmartTag hit reference (hit.xiti: s, s2, p, type=click, click=A|N|S|T) and
// Piano Analytics' collection API (/event?s=…&idclient=… with {"events": [{"name", "data"}]}).
const PIANO = 'https://abcdefg.pa-cd.com/event?s=612345&idclient=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

describe('at-internet', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'SmartTag page display',
      {
        url: 'https://logc407.xiti.com/hit.xiti?s=612345&s2=3&p=shop%3A%3Aproducts%3A%3Amug&vtag=5.29.0&ptag=js&idclient=abc-123&x1=%5Bsummer%5D',
      },
      {
        event: 'page.display',
        account: '612345',
        params: {
          level2: '3',
          page: 'shop::products::mug',
          tag_version: '5.29.0',
          visitor_id: 'abc-123',
          x1: '[summer]',
        },
      },
    ],
    [
      'SmartTag download click',
      { url: 'https://logc407.xiti.com/hit.xiti?s=612345&s2=3&p=catalog_pdf&type=click&click=T' },
      { event: 'click.download', account: '612345', params: { page: 'catalog_pdf' } },
    ],
    [
      'Piano Analytics page display',
      {
        url: PIANO,
        method: 'POST',
        body: '{"events":[{"name":"page.display","data":{"page":"home","page_chapter1":"shop","site_level2":"3"}}]}',
      },
      {
        event: 'page.display',
        account: '612345',
        params: {
          page: 'home',
          page_chapter1: 'shop',
          site_level2: '3',
          visitor_id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        },
      },
    ],
    [
      'Piano Analytics events in the query',
      { url: `${PIANO}&events=${encodeURIComponent('[{"name":"click.action","data":{"click":"subscribe"}}]')}` },
      { event: 'click.action', account: '612345', params: { click: 'subscribe' } },
    ],
    [
      'SmartTag library',
      { url: 'https://tag.aticdn.net/612345/smarttag.js' },
      { event: 'library_load', account: '612345', params: { script: 'smarttag.js' } },
    ],
    [
      'Piano Analytics library',
      { url: 'https://tag.aticdn.net/piano-analytics.js' },
      { event: 'library_load', params: { script: 'piano-analytics.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'at-internet', ...want }));

  it('reads each event of a batch', () => {
    const hits = decodeRequest({
      url: PIANO,
      method: 'POST',
      body: '{"events":[{"name":"page.display","data":{"page":"cart"}},{"name":"cart.display","data":{"cart_id":"C1"}}]}',
    });
    expect(hits.map((h) => h.event)).toEqual(['page.display', 'cart.display']);
  });

  it.each<HitRequest>([
    { url: 'https://tag.aticdn.net/612345/smarttag-plugins.css' },
    { url: 'https://abcdefg.pa-cd.com/health' },
    { url: 'https://shop.example/event?s=612345', method: 'POST', body: '{"events":[]}' },
    { url: 'https://www.xiti.com/en/privacy' },
  ])('does not read $url as a Piano hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'at-internet')).toEqual([]),
  );
});
