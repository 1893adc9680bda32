import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of VWO: the SmartCode's j.php?a=<account id>, its libraries, the visitor tracking calls (l.gif and
// c.gif; server-side track-user and track-goal with account_id, experiment_id, combination, u, goal_id, r) and the
// event architecture's /events/t?en=<event>&a=<account id> with a JSON body.
const HOST = 'https://dev.visualwebsiteoptimizer.com';

describe('vwo', () => {
  it.each<[string, HitRequest, object]>([
    [
      'visitor counted in a variation',
      { url: `${HOST}/l.gif?experiment_id=12&account_id=654321&combination=2&u=D1F8C3A9B2E4&s=1&random=0.51` },
      {
        event: 'variation_shown',
        account: '654321',
        params: { campaign_id: '12', variation_id: '2', visitor_id: 'D1F8C3A9B2E4' },
      },
    ],
    [
      'goal conversion with revenue',
      {
        url: `${HOST}/c.gif?experiment_id=12&account_id=654321&combination=2&u=D1F8C3A9B2E4&goal_id=3&r=59.9&random=0.2`,
      },
      { event: 'goal', account: '654321', params: { goal_id: '3', revenue: '59.9' } },
    ],
    [
      'server-side track-user',
      {
        url: `${HOST}/server-side/track-user?experiment_id=7&account_id=654321&combination=1&u=U-1&sid=1763884800&random=0.7&ap=server`,
      },
      { event: 'variation_shown', account: '654321', params: { session_id: '1763884800', platform: 'server' } },
    ],
    [
      'event architecture',
      {
        url: `${HOST}/events/t?en=vwo_variationShown&a=654321&eTime=1763884800123`,
        method: 'POST',
        body: JSON.stringify({
          d: {
            msgId: 'm-1',
            visId: 'V-1',
            sessionId: 1763884800,
            event: { props: { id: 12, variation: '2', isFirst: 1 }, name: 'vwo_variationShown', time: 1763884800123 },
          },
        }),
      },
      {
        event: 'vwo_variationShown',
        account: '654321',
        params: { id: '12', variation: '2', visitor_id: 'V-1', session_id: '1763884800' },
      },
    ],
    [
      'event from an EU account',
      {
        url: `${HOST}/eu01/events/t?en=purchase_completed&a=987654`,
        method: 'POST',
        body: JSON.stringify({ d: { visId: 'V-2', event: { name: 'purchase_completed', props: { revenue: 59.9 } } } }),
      },
      { event: 'purchase_completed', account: '987654', params: { revenue: '59.9', visitor_id: 'V-2' } },
    ],
    [
      'SmartCode',
      { url: `${HOST}/j.php?a=654321&u=https%3A%2F%2Fshop.example%2F&vn=2.1&x=true` },
      { event: 'library_load', account: '654321', params: { script: 'j.php' } },
    ],
    ['account library', { url: `${HOST}/tag/654321.js` }, { event: 'library_load', account: '654321' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'vwo', ...want }));

  it.each([
    `${HOST}/server-side/settings?a=654321&i=sdkkey&r=0.3&platform=server&api-version=1`,
    'https://vwo.com/pricing/',
    `${HOST}/health`,
    'https://dev.visualwebsiteoptimizer.com.evil.example/c.gif?account_id=1&goal_id=2',
    `${HOST}/j.php?a=654321`,
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'vwo' && h.event !== 'library_load')).toEqual([]),
  );
});
