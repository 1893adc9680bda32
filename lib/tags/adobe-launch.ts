import { domainIs } from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Launch (now "Tags" in Adobe Experience Platform) is a tag manager: the embed code loads
// `https://assets.adobedtm.com/<company>/<property>/launch-<environment>[-development|-staging].min.js` (Adobe-managed
// hosting on Akamai; the unminified build drops `.min`). Adobe's China node serves the same paths from
// `assets.adoberesources.cn` (the tags `cdnAllowList`). The account is the property's path segment: it stays the
// same across a property's environments, which the file name tells apart. Rule and extension modules the library
// loads afterwards (`…/RC<id>-source.min.js`, `/extensions/EP<id>/…`) are parts of it, not loads of their own.
// Self-hosted builds keep the file name but not the host, and are left alone: `launch-<hash>.js` on a site's own
// host is too thin a signal. Tag managers send nothing of their own, so there are only library loads.

const LAUNCH = /^\/([^/]+)\/([^/]+)\/launch-([0-9a-zA-Z]+)(-development|-staging)?(?:\.min)?\.js$/;

function isLaunchHost(host: string): boolean {
  return domainIs(host, 'adobedtm.com') || domainIs(host, 'adoberesources.cn');
}

export const adobeLaunch: TagDecoder = {
  vendor: 'adobe-launch',
  matches: (url) => url.pathname.endsWith('.js') && isLaunchHost(url.hostname) && LAUNCH.test(url.pathname),
  decode: (url): TagHit[] => {
    const m = LAUNCH.exec(url.pathname);
    if (!m) return [];
    const [, company = '', property, environmentId = '', suffix] = m;
    const environment = suffix === '-development' ? 'development' : suffix === '-staging' ? 'staging' : 'production';
    const params: Record<string, string> = { company, environment, environment_id: environmentId };
    if (url.hostname.endsWith('.cn')) params.cdn = 'china';
    return [{ vendor: 'adobe-launch', event: 'library_load', account: property, params }];
  },
};
