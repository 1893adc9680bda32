import { domainIs } from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Dynamic Tag Manager (DTM, retired in favour of Launch) is a tag manager: its embed code loads the container
// `https://assets.adobedtm.com/<property hash>/satelliteLib-<build hash>[-staging].js`; the container then loads
// rule and tool files beside it (`satellite-<id>.js`, `s-code-contents-<hash>.js`, `mbox-contents-<hash>.js`), which
// are parts of it, not loads of their own. Linked embed codes can serve a Launch build under the DTM name; what the
// file is called is what is reported. The account is the property hash in the path. Tag managers send nothing of
// their own, so there are only library loads.

const SATELLITE = /^\/(?:([^/]+)\/)*satelliteLib-([0-9a-zA-Z]+)(-staging)?\.js$/;

export const adobeDtm: TagDecoder = {
  vendor: 'adobe-dtm',
  matches: (url) => url.pathname.includes('/satelliteLib-') && domainIs(url.hostname, 'adobedtm.com'),
  decode: (url): TagHit[] => {
    const path = url.pathname;
    const m = SATELLITE.exec(path);
    if (!m) return [];
    const segments = path.split('/').filter(Boolean);
    const account = segments.length > 1 ? segments[0] : undefined;
    return [
      {
        vendor: 'adobe-dtm',
        event: 'library_load',
        account,
        params: { build: m[2]!, environment: m[3] ? 'staging' : 'production' },
      },
    ];
  },
};
