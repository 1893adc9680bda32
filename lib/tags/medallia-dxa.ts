import { domainIs } from './params';
import type { TagDecoder, TagHit } from './types';

// Medallia DXA (formerly Decibel Insight) records sessions. The tag loads `https://cdn.decibelinsight.net/i/
// <account id>/<property id>/di.js` (older snippets `//decibelinsight.net/i/<account id>/di.js`). Recording data
// streams over a WebSocket to `wss://collection.decibelinsight.net/i/<account id>/ws/`, which webRequest does not
// report as HTTP; what does arrive over HTTP under `collection.decibelinsight.net/i/<account id>/…` (fallbacks,
// beacons) is read as a `recording` hit. The docs describe the snippet, not the collection requests, so nothing
// beyond the path is read from them. The account is the account id in the path.

const LIBRARY = /^\/i\/(\d+)(?:\/(\d+))?\/di\.js$/;
const COLLECTION = /^\/i\/(\d+)\/./;

export const medalliaDxa: TagDecoder = {
  vendor: 'medallia-dxa',
  matches: (url) => {
    if (!domainIs(url.hostname, 'decibelinsight.net')) return false;
    const path = url.pathname;
    if (path.endsWith('/di.js')) return LIBRARY.test(path);
    return url.hostname.startsWith('collection') && COLLECTION.test(path);
  },
  decode: (url): TagHit[] => {
    const path = url.pathname;
    const lib = LIBRARY.exec(path);
    if (lib)
      return [
        {
          vendor: 'medallia-dxa',
          event: 'library_load',
          account: lib[1],
          params: lib[2] ? { property_id: lib[2], script: 'di.js' } : { script: 'di.js' },
        },
      ];
    const m = COLLECTION.exec(path);
    if (!m) return [];
    return [{ vendor: 'medallia-dxa', event: 'recording', account: m[1], params: { path } }];
  },
};
