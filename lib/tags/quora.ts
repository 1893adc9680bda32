import { namedParams, nameTable, queryOf, readBody, withForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Quora Pixel: GET https://q.quora.com/_/ad/<pixel id>/pixel?tag=ViewContent|Generic|CompleteRegistration|
//   AddPaymentInfo|AddToCart|AddToWishlist|Search|InitiateCheckout|Purchase|GenerateLead…
// The pixel id (32 hex digits) is a path segment; the GTM template adds `i=gtm&u=<page url>`, the <noscript>
// image `noscript=1`. Library: https://a.quora.com/qevents.js

const PIXEL_PATH = /^\/_\/ad\/([^/]+)\/pixel\/?$/;
const NAMES = nameTable({ i: 'integration', u: 'page_url' });
const SKIP: ReadonlySet<string> = new Set(['tag']);

function isLibrary(url: URL): boolean {
  return url.hostname === 'a.quora.com' && url.pathname === '/qevents.js';
}

export const quora: TagDecoder = {
  vendor: 'quora',
  matches: (url) => (url.hostname === 'q.quora.com' && PIXEL_PATH.test(url.pathname)) || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) return [{ vendor: 'quora', event: 'library_load', params: {} }];
    const pixel = url.hostname === 'q.quora.com' ? PIXEL_PATH.exec(url.pathname)?.[1] : undefined;
    if (pixel === undefined) return [];
    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const hit: TagHit = {
      vendor: 'quora',
      event: fields.get('tag') ?? undefined,
      account: pixel,
      params: namedParams(fields, NAMES, SKIP),
    };
    if (body.kind === 'broken')
      hit.partial = 'body is not valid JSON (cut at the capture limit?): only the URL was read';
    return [hit];
  },
};
