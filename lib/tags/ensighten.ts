import { domainIs, namedParams, nameTable, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Ensighten Manage is a tag manager: the page loads `https://nexus.ensighten.com/<client>[/<space>]/Bootstrap.js`
// (`nexus-test.ensighten.com` for test publishes); Bootstrap then asks Ensighten's servers which rules apply to the
// page, `…/<client>/<space>/serverComponent.php?namespace=Bootstrapper&staticJsPath=…&publishedOn=…&ClientID=…&
// PageID=…` (the server-side conditions), and loads the tags they return from `…/<client>/<space>/code/<hash>.js`.
// Bootstrap and the server component are loads of the container (library_load, telling which); the tag files are
// parts of it. Error beacons (`/error/e.gif`) are the tag manager's own monitoring, not hits. The account is the
// client name in the path. Tag managers send nothing of their own, so there are only library loads.

const SERVER_NAMES = nameTable({
  ClientID: 'client_id',
  PageID: 'page_id',
  publishedOn: 'published_on',
  namespace: 'namespace',
  staticJsPath: 'static_js_path',
});

function isNexus(host: string): boolean {
  return domainIs(host, 'ensighten.com') && (host.startsWith('nexus') || host.includes('.nexus'));
}

export const ensighten: TagDecoder = {
  vendor: 'ensighten',
  matches: (url) => {
    const path = url.pathname;
    return (path.endsWith('/Bootstrap.js') || path.endsWith('/serverComponent.php')) && isNexus(url.hostname);
  },
  decode: (url): TagHit[] => {
    const path = url.pathname;
    const segments = path.split('/').filter(Boolean);
    if (segments.length < 2) return [];
    const [client, ...rest] = segments;
    const space = rest.length > 1 ? rest[0] : undefined;
    const params: Record<string, string> = { script: rest[rest.length - 1]! };
    if (space) params.space = space;
    if (url.hostname.startsWith('nexus-test')) params.environment = 'test';
    if (path.endsWith('/serverComponent.php')) Object.assign(params, namedParams(queryOf(url), SERVER_NAMES));
    return [{ vendor: 'ensighten', event: 'library_load', account: client, params }];
  },
};
