import { hostIs, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Google Tag Manager only loads: `https://www.googletagmanager.com/gtm.js?id=GTM-XXXX&l=dataLayer` (a container)
// and `…/gtag/js?id=GT-XXXX` (a Google tag, which is a container too). Both can be served first-party
// (`https://shop.example/gtm.js?id=GTM-ABC`, server-side tagging), so the path and the id decide, not the host.
// The `ns.html?id=GTM-…` iframe is the container's <noscript> fallback, not a load of the container script.

const GTM_NAMES: Readonly<Record<string, string>> = {
  l: 'datalayer_name',
  gtm_auth: 'environment_auth',
  gtm_preview: 'environment',
  gtm_cookies_win: 'environment_cookies',
  cx: 'context',
};

/**
 * The id of a gtag.js load (`/gtag/js?id=G-…`, `/gtag/destination?id=AW-…`) on any host, or undefined. Shared by
 * the Google decoders: the id's prefix says whose library it is (G- GA4, AW- Ads, DC- Floodlight, GT- Google tag,
 * UA- Universal Analytics).
 */
export function gtagScriptId(url: URL): string | undefined {
  const path = url.pathname;
  if (!path.endsWith('/gtag/js') && !path.endsWith('/gtag/destination')) return undefined;
  return queryOf(url).get('id') ?? undefined;
}

/** The params of a gtag.js library load: which loader, and the data layer it reads. */
export function gtagScriptParams(url: URL): Record<string, string> {
  const params: Record<string, string> = {
    script: url.pathname.endsWith('/gtag/destination') ? 'gtag/destination' : 'gtag/js',
  };
  const layer = queryOf(url).get('l');
  if (layer) params.datalayer_name = layer;
  return params;
}

function isContainerLoad(url: URL): boolean {
  if (!url.pathname.endsWith('/gtm.js')) return false;
  if (hostIs(url, 'googletagmanager.com')) return true;
  return queryOf(url).get('id')?.startsWith('GTM-') === true;
}

export const gtm: TagDecoder = {
  vendor: 'gtm',
  anyHost: true,
  // Off googletagmanager.com: a first-party gtm.js or gtag.js.
  pathMarks: /\/gtm\.js$|\/gtag\/(?:js|destination)$/,
  matches: (url) => isContainerLoad(url) || gtagScriptId(url)?.startsWith('GT-') === true,
  decode: (url): TagHit[] => {
    const gtagId = gtagScriptId(url);
    if (gtagId !== undefined)
      return [{ vendor: 'gtm', event: 'library_load', account: gtagId, params: gtagScriptParams(url) }];
    const params: Record<string, string> = { script: 'gtm.js' };
    let account: string | undefined;
    for (const [key, value] of queryOf(url)) {
      if (key === 'id') account = value;
      else params[GTM_NAMES[key] ?? key] = value;
    }
    const hit: TagHit = { vendor: 'gtm', event: 'library_load', account, params };
    if (!account?.startsWith('GTM-')) hit.partial = 'no container id (id=GTM-…) in the gtm.js URL';
    return [hit];
  },
};
