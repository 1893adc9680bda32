import { bodyFields, domainIs, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Omniconvert Explore (A/B testing, personalisation, surveys). The installation snippet loads
// `//cdn.omniconvert.com/js/<website key>.js` (the async snippet `//cdn.omniconvert.com/async/js/<website key>.js`),
// with a dns-prefetch hint for `app.omniconvert.com`, where the script reports. The website key in the script name
// is the account. Goals are tracked through the `_mktz` queue (`_mktz.push(['_Goal', name, value])`), but Omniconvert
// does not document the requests that carry them: each request to app.omniconvert.com other than a script or
// stylesheet is kept as one hit, named by the `_Goal` name when its fields carry one (`goal`, `name`), else unnamed,
// with its fields. Experiments only run on the pages they target, so a page with the script and no hit is normal.

const SCRIPT = /^\/(?:async\/)?js\/([0-9a-z]+)\.js$/i;

export const omniconvert: TagDecoder = {
  vendor: 'omniconvert',
  matches: (url) => {
    const host = url.hostname;
    if (!domainIs(host, 'omniconvert.com')) return false;
    const path = url.pathname;
    if (host === 'cdn.omniconvert.com') return SCRIPT.test(path);
    return host === 'app.omniconvert.com' && path.length > 1 && !path.endsWith('.js') && !path.endsWith('.css');
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const script = SCRIPT.exec(path);
    if (script && url.hostname === 'cdn.omniconvert.com') {
      return [
        {
          vendor: 'omniconvert',
          event: 'library_load',
          account: script[1],
          params: { loading: path.startsWith('/async/') ? 'async' : 'sync' },
        },
      ];
    }
    if (url.hostname !== 'app.omniconvert.com') return [];
    const params: Record<string, string> = { path };
    for (const [key, value] of queryOf(url)) params[key] = value;
    Object.assign(params, bodyFields(req.body));
    return [{ vendor: 'omniconvert', event: params.goal ?? params.name, params }];
  },
};
