import { parseForm } from './params';
import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Amazon Ad Tag (AAT) and the Amazon DSP pixel. The Ad Tag library is `https://c.amazon-adsystem.com/aat/amzn.js`;
// `amzn('addTag', '<tag id>')` then `amzn('trackEvent', '<event>', {…})` send `https://s.amazon-adsystem.com/iu3?
// pid=<tag id>&event=<event>&ts=…` with the event's attributes as further fields (regional: `https://aax-eu.
// amazon-adsystem.com/s/iu3?…`). The DSP's image pixel, as the DSP
// gives it to advertisers: `https://s.amazon-adsystem.com/iui3?d=forester-did&ex-fargs=%3Fid%3D<pixel id>%26type%3D
// <n>%26m%3D<marketplace>&ex-fch=…&ex-src=<page>&ex-hargs=v%3D1.0%3Bc%3D<advertiser id>%3Bp%3D<pixel id>`.
// Amazon publishes no request reference for either (the Ad Tag's events are documented as calls, not as requests):
// the fields are read as the tag and the pixel send them, unknown ones kept under their own names.
// Not hits: Amazon Publisher Services (`apstag.js`, `aax.amazon-adsystem.com` bids: the publisher side, not an
// advertiser's tag) and cookie matching (`s.amazon-adsystem.com/ecm3`).

const AAT_NAMES: Readonly<Record<string, string>> = { ts: 'timestamp' };
const AAT_SKIP: ReadonlySet<string> = new Set(['pid', 'event']);
const DSP_SKIP: ReadonlySet<string> = new Set(['ex-fargs', 'ex-hargs', 'd']);

/** `v=1.0;c=<advertiser>;p=<pixel>`: the DSP pixel's header arguments. */
function hargs(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

function dspHit(url: URL, req: Parameters<TagDecoder['decode']>[1]): TagHit {
  const read = pixelFields(url, req);
  const fargs = parseForm((read.fields.get('ex-fargs') ?? '').replace(/^\?/, ''));
  const header = hargs(read.fields.get('ex-hargs') ?? '');
  const hit = pixelHit('amazon-ads', read, {
    event: 'pixel',
    account: fargs.get('id') ?? header.p,
    names: { 'ex-src': 'page_url', 'ex-fch': 'fch' },
    skip: DSP_SKIP,
  });
  const type = fargs.get('type');
  if (type) hit.params.pixel_type = type;
  const marketplace = fargs.get('m');
  if (marketplace) hit.params.marketplace = marketplace;
  if (header.c) hit.params.advertiser_id = header.c;
  return hit;
}

export const amazonAds: TagDecoder = {
  vendor: 'amazon-ads',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'c.amazon-adsystem.com') return url.pathname === '/aat/amzn.js';
    if (host === 's.amazon-adsystem.com') return url.pathname === '/iu3' || url.pathname === '/iui3';
    return url.pathname === '/s/iu3' && host.startsWith('aax') && host.endsWith('.amazon-adsystem.com');
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (path === '/aat/amzn.js')
      return [{ vendor: 'amazon-ads', event: 'library_load', params: { script: 'amzn.js' } }];
    if (path === '/iui3') return [dspHit(url, req)];
    if (path !== '/iu3' && path !== '/s/iu3') return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('amazon-ads', read, {
        event: firstOf(read.fields, 'event'),
        account: firstOf(read.fields, 'pid'),
        names: AAT_NAMES,
        skip: AAT_SKIP,
      }),
    ];
  },
};
