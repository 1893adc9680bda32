import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Optimizely's Event API reference (POST logx.optimizely.com/v1/events: account_id, project_id,
// visitors[].snapshots[].decisions/events) and the Web snippet (cdn.optimizely.com/js/<project id>.js).
const EVENTS = 'https://logx.optimizely.com/v1/events';
const payload = (events: unknown[]): string =>
  JSON.stringify({
    account_id: '8504447126',
    project_id: '8504447126001',
    client_name: 'js',
    client_version: '0.200.0',
    anonymize_ip: true,
    visitors: [
      {
        visitor_id: 'oeu1763884800000r0.123',
        snapshots: [
          { decisions: [{ campaign_id: '20000001', experiment_id: '20000002', variation_id: '20000003' }], events },
        ],
      },
    ],
  });

describe('optimizely', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'campaign activated',
      {
        url: EVENTS,
        method: 'POST',
        body: payload([{ entity_id: '20000001', type: 'campaign_activated', timestamp: 1763884800123, uuid: 'e1' }]),
      },
      {
        event: 'campaign_activated',
        account: '8504447126001',
        params: {
          account_id: '8504447126',
          campaign_id: '20000001',
          experiment_id: '20000002',
          variation_id: '20000003',
          visitor_id: 'oeu1763884800000r0.123',
        },
      },
    ],
    [
      'tracked conversion with revenue',
      {
        url: EVENTS,
        method: 'POST',
        body: payload([
          {
            entity_id: '30000001',
            key: 'purchase',
            type: 'other',
            revenue: 5980,
            value: 59.8,
            tags: { currency: 'EUR' },
            timestamp: 1763884800500,
            uuid: 'e2',
          },
        ]),
      },
      {
        event: 'purchase',
        account: '8504447126001',
        params: { entity_id: '30000001', revenue: '5980', value: '59.8', 'tags.currency': 'EUR' },
      },
    ],
    [
      'Classic event',
      {
        url: 'https://8504447126001.log.optimizely.com/event?a=8504447126&d=8504447126001&y=false&n=add_to_cart&u=oeu1&wxhr=true&x20000002=20000003',
      },
      {
        event: 'add_to_cart',
        account: '8504447126001',
        params: { account_id: '8504447126', visitor_id: 'oeu1', x20000002: '20000003' },
      },
    ],
    [
      'Web snippet',
      { url: 'https://cdn.optimizely.com/js/8504447126001.js' },
      { event: 'library_load', account: '8504447126001' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'optimizely', ...want }));

  it.each<HitRequest>([
    { url: 'https://cdn.optimizely.com/datafiles/AbCdEf123456.json' },
    { url: 'https://cdn.optimizely.com/public/8504447126/data/tag_groups/x.json' },
    { url: 'https://www.optimizely.com/products/' },
    { url: 'https://shop.example/v1/events', method: 'POST', body: payload([{ key: 'purchase' }]) },
  ])('does not read $url as an Optimizely hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'optimizely')).toEqual([]),
  );
});
