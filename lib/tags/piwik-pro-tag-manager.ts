import { domainIs } from './params';
import type { TagDecoder, TagHit } from './types';

// Piwik PRO Tag Manager is a tag manager: the container snippet loads `https://<account>.containers.piwik.pro/
// <container id>.js` (async) or `<container id>.sync.js` (sync), older accounts `https://<account>.piwik.pro/
// containers/<container id>.js`. The container id is the site / app ID (a UUID): the account. The preview and debug
// scripts under the same id are loads of the container too. Tag managers send nothing of their own, so there are only
// library loads. Containers served from a customer's own domain keep only a UUID file name, too thin to claim.

const CONTAINER = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.sync)?(?:\/[a-z-]+)?\.js$/i;

export const piwikProTagManager: TagDecoder = {
  vendor: 'piwik-pro-tag-manager',
  matches: (url) => url.pathname.endsWith('.js') && domainIs(url.hostname, 'piwik.pro') && CONTAINER.test(url.pathname),
  decode: (url): TagHit[] => {
    const m = CONTAINER.exec(url.pathname);
    if (!m) return [];
    const account = url.hostname.split('.')[0];
    const params: Record<string, string> = { loading: m[2] ? 'sync' : 'async' };
    if (account && account !== 'containers' && !account.startsWith('www')) params.account_name = account;
    return [{ vendor: 'piwik-pro-tag-manager', event: 'library_load', account: m[1], params }];
  },
};
