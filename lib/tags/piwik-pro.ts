import { queryOf } from './params';
import { isPiwikProTracking, trackingHits } from './matomo';
import type { TagDecoder, TagHit } from './types';

// Piwik PRO Analytics. The JavaScript tracker (ppms.js) sends `GET|POST https://<account>.piwik.pro/ppms.php?
// idsite=<site id>&rec=1&action_name=…&url=…&_id=…` (older setups `…/piwik.php`), or bulk JSON `{"requests": ["?idsite=
// …&rec=1&…", …]}`: the Tracking HTTP API it shares with Matomo, read by the same code (matomo.ts) — events e_c/e_a/
// e_n/e_v, goals idgoal, site search, ecommerce ec_id, downloads and outlinks. The account is the site ID (Piwik
// PRO's "site ID" / "app ID", a UUID). Piwik PRO also runs on customers' own domains and on premises, so `ppms.php`
// is recognised on any host, and `piwik.php` on any host when its site id is a UUID (Matomo's are numbers). Library:
// `ppms.js` (`https://<account>.piwik.pro/ppms.js`, or proxied). Tag Manager containers are piwik-pro-tag-manager.ts.

function isTracker(path: string): 'ppms' | 'piwik' | undefined {
  if (path.endsWith('/ppms.php')) return 'ppms';
  if (path.endsWith('/piwik.php')) return 'piwik';
  return undefined;
}

export const piwikPro: TagDecoder = {
  vendor: 'piwik-pro',
  anyHost: true,
  // Off piwik.pro: the tracker and its script on a customer's own domain.
  pathMarks: /\/(?:ppms\.(?:js|php)|piwik\.php)$/,
  matches: (url, req) => {
    const path = url.pathname;
    if (path.endsWith('/ppms.js')) return true;
    const tracker = isTracker(path);
    if (tracker === undefined) return false;
    if (tracker === 'piwik' && !isPiwikProTracking(url, req.body)) return false;
    return queryOf(url).has('idsite') || req.body?.includes('idsite=') === true;
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname.endsWith('/ppms.js'))
      return [{ vendor: 'piwik-pro', event: 'library_load', params: { script: 'ppms.js' } }];
    if (isTracker(url.pathname) === undefined) return [];
    return trackingHits('piwik-pro', url, req.body);
  },
};
