import type { TagDecoder } from './types';
import { ga4 } from './ga4';
import { universalAnalytics } from './universal-analytics';
import { gtm } from './gtm';
import { googleAds } from './google-ads';
import { floodlight } from './floodlight';
import { metaPixel } from './meta-pixel';
import { linkedin } from './linkedin';
import { tiktok } from './tiktok';
import { pinterest } from './pinterest';
import { snapchat } from './snapchat';
import { x } from './x';
import { microsoftUet } from './microsoft-uet';
import { reddit } from './reddit';
import { quora } from './quora';
import { criteo } from './criteo';
import { adobeAnalytics } from './adobe-analytics';
import { segment } from './segment';
import { mixpanel } from './mixpanel';
import { amplitude } from './amplitude';
import { heap } from './heap';
import { hotjar } from './hotjar';
import { matomo } from './matomo';
import { plausible } from './plausible';
import { posthog } from './posthog';
import { snowplow } from './snowplow';
import { klaviyo } from './klaviyo';
import { hubspot } from './hubspot';
import { rudderstack } from './rudderstack';
import { tealium } from './tealium';
import { clarity } from './clarity';

/**
 * Every decoder, in the order they are asked. Order matters only where two could claim a request:
 * GA4 (`/g/collect`, any host) before Universal Analytics (`/collect`), Google Ads before Floodlight.
 * decodeRequest offers a request only to the decoders whose `hosts` cover its hostname and to those without `hosts`
 * (the ones that read first-party proxies and self-hosted collectors), still in this order.
 */
export const DECODERS: readonly TagDecoder[] = [
  ga4, universalAnalytics, gtm, googleAds, floodlight, metaPixel, linkedin, tiktok, pinterest, snapchat, x,
  microsoftUet, reddit, quora, criteo, adobeAnalytics, segment, mixpanel, amplitude, heap, hotjar, matomo,
  plausible, posthog, snowplow, klaviyo, hubspot, rudderstack, tealium, clarity,
];
