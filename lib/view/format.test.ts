import { describe, expect, it } from 'vitest';
import type { StoredHit } from '../store/types';
import {
  blockedSummary,
  clockTime,
  failedSummary,
  offsetTime,
  plural,
  sessionLabel,
  shortUrl,
  statusDetail,
  vendorOwner,
} from './format';

describe('clockTime', () => {
  it.each([
    [new Date(2025, 0, 2, 3, 4, 5, 6).getTime(), '03:04:05.006'],
    [new Date(2025, 0, 2, 23, 59, 59, 999).getTime(), '23:59:59.999'],
    [new Date(2025, 0, 2, 12, 0, 0, 120).getTime(), '12:00:00.120'],
  ])('%s → %s', (at, want) => expect(clockTime(at)).toBe(want));
});

describe('offsetTime', () => {
  it.each([
    ['right at the start', 0, '+0.000 s'],
    ['milliseconds', 1234, '+1.234 s'],
    ['just under a minute', 59_999, '+59.999 s'],
    ['minutes', 123_456, '+2:03.456'],
    ['hours', 3_723_000, '+1:02:03'],
    ['before the page started', -120, '−0.120 s'],
  ])('%s', (_, diff, want) => expect(offsetTime(1_000_000 + diff, 1_000_000)).toBe(want));
});

describe('vendorOwner', () => {
  it.each([
    ['ga4', 'Google'],
    ['floodlight', 'Google'],
    ['meta-pixel', 'Meta'],
    ['clarity', 'Microsoft'],
    ['hotjar', 'Hotjar'],
  ] as const)('%s is sent to %s', (vendor, want) => expect(vendorOwner(vendor)).toBe(want));
});

describe('statusDetail', () => {
  type Case = Pick<StoredHit, 'status' | 'statusCode' | 'error' | 'vendor'>;
  it.each<[string, Case, string]>([
    ['sent', { vendor: 'ga4', status: 'sent', statusCode: 204 }, 'Sent — Google answered (HTTP 204).'],
    ['pending', { vendor: 'meta-pixel', status: 'pending' }, 'Sent, no answer from Meta yet.'],
    [
      'blocked with the browser error',
      { vendor: 'ga4', status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' },
      'Blocked — the request never reached Google (blocked by the browser or an extension): net::ERR_BLOCKED_BY_CLIENT',
    ],
    [
      'failed with an HTTP code',
      { vendor: 'tiktok', status: 'failed', statusCode: 503 },
      'Failed — TikTok answered HTTP 503.',
    ],
    [
      'failed unreachable',
      { vendor: 'linkedin', status: 'failed', error: 'net::ERR_NAME_NOT_RESOLVED' },
      'Failed — LinkedIn could not be reached: net::ERR_NAME_NOT_RESOLVED',
    ],
  ])('%s', (_, hit, want) => expect(statusDetail(hit)).toBe(want));
});

it.each([
  [1, 'ga4', '1 blocked — the request never reached Google (blocked by the browser or an extension)'],
  [2, 'ga4', '2 blocked — the requests never reached Google (blocked by the browser or an extension)'],
  [3, 'meta-pixel', '3 blocked — the requests never reached Meta (blocked by the browser or an extension)'],
] as const)('blockedSummary(%i, %s)', (count, vendor, want) => expect(blockedSummary(count, vendor)).toBe(want));

it.each([
  [[], '1 failed — Google answered with an error or could not be reached'],
  [
    ['HTTP 404', 'net::ERR_TIMED_OUT'],
    '1 failed — Google answered with an error or could not be reached: HTTP 404, net::ERR_TIMED_OUT',
  ],
])('failedSummary with reasons %j', (reasons, want) => expect(failedSummary(1, 'ga4', reasons)).toBe(want));

it.each([
  [0, 'hit', '0 hits'],
  [1, 'hit', '1 hit'],
  [5000, 'hit', '5,000 hits'],
])('plural(%i, %s)', (n, word, want) => expect(plural(n, word)).toBe(want));

it.each([
  ['https://shop.example/', 'shop.example'],
  ['https://shop.example/cart?step=2', 'shop.example/cart?step=2'],
  ['chrome://extensions/', 'chrome://extensions/'],
  ['not a url', 'not a url'],
])('shortUrl(%s)', (url, want) => expect(shortUrl(url)).toBe(want));

it.each([
  [
    { url: 'https://shop.example/cart', title: 'Cart', startedAt: new Date(2025, 0, 1, 9, 5, 7).getTime() },
    true,
    'This page · 09:05:07 · Cart',
  ],
  [
    { url: 'https://shop.example/cart', title: '  ', startedAt: new Date(2025, 0, 1, 9, 5, 7).getTime() },
    false,
    'Earlier · 09:05:07 · shop.example/cart',
  ],
])('sessionLabel %#', (s, newest, want) => expect(sessionLabel(s, newest)).toBe(want));
