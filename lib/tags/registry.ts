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
import { adobeWebSdk } from './adobe-web-sdk';
import { adobeTarget } from './adobe-target';
import { adobeLaunch } from './adobe-launch';
import { adobeDtm } from './adobe-dtm';
import { adobeAudienceManager } from './adobe-audience-manager';
import { adobeEcid } from './adobe-ecid';
import { adobeHeartbeat } from './adobe-heartbeat';
import { atInternet } from './at-internet';
import { comscore } from './comscore';
import { parsely } from './parsely';
import { webtrends } from './webtrends';
import { piwikPro } from './piwik-pro';
import { piwikProTagManager } from './piwik-pro-tag-manager';
import { ensighten } from './ensighten';
import { mparticle } from './mparticle';
import { lytics } from './lytics';
import { fullstory } from './fullstory';
import { crazyEgg } from './crazy-egg';
import { glassbox } from './glassbox';
import { medalliaDxa } from './medallia-dxa';
import { indicative } from './indicative';
import { split } from './split';
import { optimizely } from './optimizely';
import { dynamicYield } from './dynamic-yield';
import { omniconvert } from './omniconvert';
import { sixSense } from './6sense';
import { demandbase } from './demandbase';
import { merkury } from './merkury';
import { braze } from './braze';
import { brevo } from './brevo';
import { invoca } from './invoca';
import { vibes } from './vibes';
import { amazonAds } from './amazon-ads';
import { theTradeDesk } from './the-trade-desk';
import { adform } from './adform';
import { outbrain } from './outbrain';
import { teads } from './teads';
import { rtbHouse } from './rtb-house';
import { zemanta } from './zemanta';
import { sojern } from './sojern';
import { seznamSklik } from './seznam-sklik';
import { spotifyPixel } from './spotify-pixel';
import { taboola } from './taboola';
import { yahooAds } from './yahoo-ads';
import { customerIo } from './customer-io';
import { vwo } from './vwo';
import { intercom } from './intercom';

/**
 * Every decoder, in the order they are asked. Order matters only where two could claim a request:
 * GA4 (`/g/collect`, any host) before Universal Analytics (`/collect`), Google Ads before Floodlight.
 * decodeRequest offers a request only to the decoders whose `hosts` cover its hostname and to those without `hosts`
 * (the ones that read first-party proxies and self-hosted collectors), still in this order.
 */
export const DECODERS: readonly TagDecoder[] = [
  ga4,
  universalAnalytics,
  gtm,
  googleAds,
  floodlight,
  metaPixel,
  linkedin,
  tiktok,
  pinterest,
  snapchat,
  x,
  microsoftUet,
  reddit,
  quora,
  criteo,
  adobeAnalytics,
  segment,
  mixpanel,
  amplitude,
  heap,
  hotjar,
  matomo,
  plausible,
  posthog,
  snowplow,
  klaviyo,
  hubspot,
  rudderstack,
  tealium,
  clarity,
  adobeWebSdk,
  adobeTarget,
  adobeLaunch,
  adobeDtm,
  adobeAudienceManager,
  adobeEcid,
  adobeHeartbeat,
  atInternet,
  comscore,
  parsely,
  webtrends,
  piwikPro,
  piwikProTagManager,
  ensighten,
  mparticle,
  lytics,
  fullstory,
  crazyEgg,
  glassbox,
  medalliaDxa,
  indicative,
  split,
  optimizely,
  dynamicYield,
  omniconvert,
  sixSense,
  demandbase,
  merkury,
  braze,
  brevo,
  invoca,
  vibes,
  amazonAds,
  theTradeDesk,
  adform,
  outbrain,
  teads,
  rtbHouse,
  zemanta,
  sojern,
  seznamSklik,
  spotifyPixel,
  taboola,
  yahooAds,
  customerIo,
  vwo,
  intercom,
];
