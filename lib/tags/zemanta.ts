import { domainIs } from './params';
import { pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Zemanta Pixel (Outbrain's DSP). The JavaScript pixel (`zem('init', { id: <account id> })`, then
// `zem('track', '<event>')`) and its <noscript> image both request `https://p1.zemanta.com/v2/p/js/<account id>/
// <event>/` (the image: `/v2/p/ns/<account id>/<event>/`), PAGE_VIEW on every page and the event names a conversion
// definition names otherwise. Image pixels created before the JavaScript pixel are `https://p1.zemanta.com/p/
// <account id>/<pixel slug>/`: the slug is the event. Zemanta's help pages describe the pixel and its conversion
// definitions, not the URL's variants; the path shapes here are the ones its tags carry, read whether or not the
// `js`/`ns` segment is there. The account is the Zemanta account id.

const V2 = /^\/v2\/p\/(?:(js|ns)\/)?(\d+)\/([^/]+)\/?$/;
const LEGACY = /^\/p\/(\d+)\/([^/]+)\/?$/;

function parse(path: string): { account: string; event: string; kind: string } | undefined {
  const v2 = V2.exec(path);
  if (v2)
    return { account: v2[2]!, event: v2[3]!, kind: v2[1] === 'ns' ? 'image' : v2[1] === 'js' ? 'javascript' : 'v2' };
  const legacy = LEGACY.exec(path);
  return legacy ? { account: legacy[1]!, event: legacy[2]!, kind: 'legacy image' } : undefined;
}

export const zemanta: TagDecoder = {
  vendor: 'zemanta',
  matches: (url) => {
    const path = url.pathname;
    return (
      (path.startsWith('/v2/p/') || path.startsWith('/p/')) &&
      domainIs(url.hostname, 'zemanta.com') &&
      parse(path) !== undefined
    );
  },
  decode: (url, req): TagHit[] => {
    const pixel = parse(url.pathname);
    if (!pixel) return [];
    const hit = pixelHit('zemanta', pixelFields(url, req), { event: pixel.event, account: pixel.account });
    hit.params.pixel_type = pixel.kind;
    return [hit];
  },
};
