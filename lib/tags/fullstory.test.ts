import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Shapes from FullStory's recording snippet and its documented data-capture hosts (edge.fullstory.com for fs.js and
// settings, rs.fullstory.com for /rec/page and /rec/bundle with OrgId/UserId/SessionId/PageId).
describe('fullstory', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page start',
      {
        url: 'https://rs.fullstory.com/rec/page',
        method: 'POST',
        body: '{"OrgId":"o-1AB2CD-na1","UserId":"5678901234567890","Url":"https://shop.example/mug","Referrer":"https://www.google.com/","Width":1280,"Height":720}',
      },
      {
        event: 'page_view',
        account: 'o-1AB2CD-na1',
        params: {
          user_id: '5678901234567890',
          page_url: 'https://shop.example/mug',
          referrer: 'https://www.google.com/',
          width: '1280',
        },
      },
    ],
    [
      'recording bundle',
      {
        url: 'https://rs.fullstory.com/rec/bundle/v2?OrgId=o-1AB2CD-na1&UserId=5678901234567890&SessionId=1234567890123456&PageId=6543210987654321&Seq=3&ClientTime=1763884800123',
        method: 'POST',
        body: '\u001f\ufffd\b\u0000',
      },
      {
        event: 'recording',
        account: 'o-1AB2CD-na1',
        params: { session_id: '1234567890123456', page_id: '6543210987654321', sequence: '3' },
      },
    ],
    [
      'EU data centre bundle',
      {
        url: 'https://rs.eu1.fullstory.com/rec/bundle?OrgId=o-9ZY8XW-eu1&UserId=1&SessionId=2&PageId=3&Seq=1',
        method: 'POST',
      },
      { event: 'recording', account: 'o-9ZY8XW-eu1' },
    ],
    ['library', { url: 'https://edge.fullstory.com/s/fs.js' }, { event: 'library_load', params: { script: 'fs.js' } }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'fullstory', ...want }));

  it.each<HitRequest>([
    { url: 'https://edge.fullstory.com/s/settings/o-1AB2CD-na1/v1/web' },
    { url: 'https://rs.fullstory.com/rec/integrations?OrgId=o-1AB2CD-na1' },
    { url: 'https://shop.example/rec/page', method: 'POST', body: '{"OrgId":"o-1"}' },
  ])('does not read $url as a FullStory hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'fullstory')).toEqual([]),
  );
});
