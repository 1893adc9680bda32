import { domainIs } from './params';
import { decodeSpecBody, specPathKind } from './segment';
import type { TagDecoder, TagHit } from './types';

// RudderStack: the JavaScript SDK POSTs Segment-Spec JSON to its data plane,
// `https://<workspace>.dataplane.rudderstack.com/v1/<track|page|identify|group|alias|screen|batch>`
// (older: `hosted.rudderlabs.com`). The write key rides in Basic auth, which webRequest does not show us, so the
// account is only known when a body carries `writeKey`. The SDK itself: `cdn.rudderlabs.com/v3/modern/rsa.min.js`
// (v3), `cdn.rudderlabs.com/v1.1/rudder-analytics.min.js` (v1). Plugin chunks under `/plugins/` are parts of a load
// already counted, and `api.rudderstack.com/sourceConfig` is the SDK fetching its settings: neither is a hit.

const LIBRARY_FILES: ReadonlySet<string> = new Set([
  'rsa.min.js',
  'rsa.js',
  'rudder-analytics.min.js',
  'rudder-analytics.js',
]);

function libraryFile(host: string, path: string): string | undefined {
  if (host !== 'cdn.rudderlabs.com' && host !== 'cdn.rudderstack.com') return undefined;
  if (path.includes('/plugins/')) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1);
  return LIBRARY_FILES.has(file) ? file : undefined;
}

export const rudderstack: TagDecoder = {
  vendor: 'rudderstack',
  accountInBasicAuth: true,
  matches: (url) => {
    const host = url.hostname;
    if (!domainIs(host, 'rudderstack.com') && !domainIs(host, 'rudderlabs.com')) return false;
    const path = url.pathname;
    return libraryFile(host, path) !== undefined || (path.startsWith('/v1/') && specPathKind(path) !== undefined);
  },
  decode: (url, req): TagHit[] => {
    const file = libraryFile(url.hostname, url.pathname);
    if (file !== undefined) {
      const version = url.pathname.split('/')[1] ?? '';
      return [{ vendor: 'rudderstack', event: 'library_load', params: { script: file, sdk_version: version } }];
    }
    const kind = specPathKind(url.pathname);
    if (kind === undefined) return [];
    return decodeSpecBody('rudderstack', req.body, kind, undefined);
  },
};
