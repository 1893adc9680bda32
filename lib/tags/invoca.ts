import { pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Invoca (call tracking). The Invoca Tag, as the Tag Wizard publishes it, is
// `https://solutions.invocacdn.com/js/networks/<network id>/<tag id>/tag-live.js` (`tag-draft.js` while being
// tested), which loads the shared library `https://solutions.invocacdn.com/js/invoca-latest.min.js` (or a pinned
// `invoca-<version>.min.js`). The account is the network (Invoca's word for a customer account); the tag id is a
// param. On each landing page the tag asks Invoca for the phone number to show, with the visit's marketing data:
// `https://pnapi.invoca.net/<network id>/na.json` (or `.jsonp`). Invoca documents the tag's settings, not this request's fields, so they are kept under their own
// names; the request is the hit that attributes later calls to the visit.

const TAG = /^\/js\/networks\/(\d+)\/(\d+)\/tag-(live|draft)\.js$/;
const LIBRARY = /^\/js\/invoca-([^/]*?)\.min\.js$/;
const ALLOCATION = /^\/(\d+)\/na\.jsonp?$/;

function library(path: string): TagHit | undefined {
  const tag = TAG.exec(path);
  if (tag)
    return {
      vendor: 'invoca',
      event: 'library_load',
      account: tag[1],
      params: { script: `tag-${tag[3]}.js`, tag_id: tag[2] ?? '' },
    };
  const lib = LIBRARY.exec(path);
  return lib
    ? { vendor: 'invoca', event: 'library_load', params: { script: 'invoca.js', version: lib[1] ?? '' } }
    : undefined;
}

export const invoca: TagDecoder = {
  vendor: 'invoca',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'solutions.invocacdn.com') return library(url.pathname) !== undefined;
    return host === 'pnapi.invoca.net' && ALLOCATION.test(url.pathname);
  },
  decode: (url, req): TagHit[] => {
    if (url.hostname === 'solutions.invocacdn.com') {
      const lib = library(url.pathname);
      return lib ? [lib] : [];
    }
    const network = ALLOCATION.exec(url.pathname)?.[1];
    if (network === undefined) return [];
    return [pixelHit('invoca', pixelFields(url, req), { event: 'number_request', account: network })];
  },
};
