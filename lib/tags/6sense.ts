import { domainIs } from './params';
import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// 6sense WebTag. The snippet (`window._6si.push(['setToken', '<token>'])`) loads `https://j.6sc.co/6si.min.js`; the
// WebTag 2.0 generator loads `https://j.6sc.co/j/<token>.js`. Company identification is the documented Company
// Details API, `GET https://epsilon.6sense.com/v3/company/details` (v1 and v2 paths too): its API token travels in
// the Authorization header, invisible here, so that hit names no account.
// The WebTag's page beacons go to `b.6sc.co`. 6sense documents their cookies (_gd_visitor, _gd_session,
// _gd_svisitor) but not the beacon's wire format: any `b.6sc.co` request is read as the page view it records,
// its `token` (the WebTag token) as the account and its fields kept under their own names; an `event` field, if
// one is sent, names the event. Cookie syncs and the IPv6 probe (`ipv6.6sc.co`) are not hits.

const WEBTAG_2 = /^\/j\/([^/]+)\.js$/;
const COMPANY_DETAILS = /^\/v\d+\/company\/details\/?$/;
const SKIP: ReadonlySet<string> = new Set(['token', 'event']);
const NAMES: Readonly<Record<string, string>> = {
  svisitor: 'svisitor_id',
  visitor: 'visitor_id',
  session: 'session_id',
};

function library(path: string): TagHit | undefined {
  if (path === '/6si.min.js') return { vendor: '6sense', event: 'library_load', params: { script: '6si.min.js' } };
  const token = WEBTAG_2.exec(path)?.[1];
  return token
    ? { vendor: '6sense', event: 'library_load', account: token, params: { script: 'webtag 2.0' } }
    : undefined;
}

export const sixSense: TagDecoder = {
  vendor: '6sense',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'j.6sc.co') return library(url.pathname) !== undefined;
    if (host === 'b.6sc.co') return true;
    return host === 'epsilon.6sense.com' && COMPANY_DETAILS.test(url.pathname);
  },
  decode: (url, req): TagHit[] => {
    const host = url.hostname;
    if (host === 'j.6sc.co') {
      const lib = library(url.pathname);
      return lib ? [lib] : [];
    }
    if (host === 'epsilon.6sense.com') {
      if (!COMPANY_DETAILS.test(url.pathname)) return [];
      return [pixelHit('6sense', pixelFields(url, req), { event: 'company_details' })];
    }
    if (!domainIs(host, '6sc.co')) return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('6sense', read, {
        event: firstOf(read.fields, 'event') ?? 'page_view',
        account: firstOf(read.fields, 'token'),
        names: NAMES,
        skip: SKIP,
      }),
    ];
  },
};
