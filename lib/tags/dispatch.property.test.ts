import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, decodeRequestAllDecoders, mayCarryHits, type HitRequest, type TagHit } from '.';
import { DECODERS } from './registry';
import type { TagDecoder } from './types';
import { VENDOR_IDS, VENDORS, type VendorId } from './vendors';

// Host dispatch (index.ts) offers a request only to the decoders whose `hosts` cover its hostname, plus the ones
// without `hosts`. That is an optimisation, never a change: for any request, decodeRequest must answer exactly what
// asking every decoder in registry order answers. A host missing from a decoder's list would silently drop its
// hits, so the requests below are built from every vendor's real hosts and paths (the decoders' tests and the
// bench corpus), varied by subdomain, path, query and body, and mixed with look-alikes and first-party hosts.

/** Real endpoints per vendor: host → paths, from the decoders' tests and scripts/bench/corpus.ts. */
const ENDPOINTS: ReadonlyArray<readonly [VendorId | 'other', string, readonly string[]]> = [
  ['ga4', 'www.google-analytics.com', ['/g/collect', '/mp/collect']],
  ['ga4', 'region1.google-analytics.com', ['/g/collect']],
  ['ga4', 'region1.analytics.google.com', ['/g/collect']],
  ['ga4', 'analytics.google.com', ['/g/collect']],
  ['ga4', 'stats.g.doubleclick.net', ['/g/collect', '/r/collect', '/j/collect']],
  [
    'universal-analytics',
    'www.google-analytics.com',
    ['/collect', '/r/collect', '/j/collect', '/batch', '/analytics.js', '/analytics_debug.js', '/plugins/ua/ec.js'],
  ],
  ['gtm', 'www.googletagmanager.com', ['/gtm.js', '/gtag/js', '/gtag/destination', '/ns.html']],
  [
    'google-ads',
    'www.googleadservices.com',
    [
      '/pagead/conversion/123456789/',
      '/pagead/conversion/abc/',
      '/pagead/conversion.js',
      '/pagead/conversion_async.js',
    ],
  ],
  [
    'google-ads',
    'www.google.com',
    ['/pagead/1p-conversion/123456789/', '/pagead/1p-user-list/123456789/', '/ccm/collect', '/search'],
  ],
  ['google-ads', 'www.google.co.uk', ['/pagead/1p-conversion/123456789/', '/ccm/collect']],
  ['google-ads', 'googleads.g.doubleclick.net', ['/pagead/viewthroughconversion/123456789/']],
  [
    'floodlight',
    'ad.doubleclick.net',
    ['/activity;src=1234567;type=group;cat=act;ord=1', '/ddm/activity/src=1;type=g;cat=c', '/activityj;src=1;cat=x'],
  ],
  ['floodlight', '1234567.fls.doubleclick.net', ['/activityi;src=1234567;type=invmedia;cat=lead0;ord=1']],
  ['meta-pixel', 'www.facebook.com', ['/tr', '/tr/', '/tracking/', '/trending']],
  ['meta-pixel', 'facebook.com', ['/tr']],
  ['meta-pixel', 'connect.facebook.net', ['/en_US/fbevents.js', '/signals/config/111']],
  ['linkedin', 'px.ads.linkedin.com', ['/collect', '/collect/', '/wa/', '/attribution_trigger', '/collect/script.js']],
  ['linkedin', 'px4.ads.linkedin.com', ['/collect/']],
  ['linkedin', 'dc.ads.linkedin.com', ['/collect/']],
  ['linkedin', 'snap.licdn.com', ['/li.lms-analytics/insight.min.js']],
  ['linkedin', 'www.linkedin.com', ['/px/li/sync', '/in/someone']],
  [
    'tiktok',
    'analytics.tiktok.com',
    [
      '/api/v2/pixel',
      '/api/v2/pixel/act',
      '/api/v2/pixel/batch',
      '/api/v1/track',
      '/api/v2/monitor',
      '/i18n/pixel/events.js',
      '/i18n/pixel/static/main.MTc0NjE.js',
    ],
  ],
  ['tiktok', 'analytics-sg.tiktok.com', ['/api/v2/pixel']],
  ['tiktok', 'analytics.us.tiktok.com', ['/api/v2/pixel/track']],
  ['pinterest', 'ct.pinterest.com', ['/v3/', '/v3', '/user/', '/ct.html']],
  ['pinterest', 's.pinimg.com', ['/ct/core.js', '/ct/lib/main.32155010.js', '/images/hd/logo.png']],
  ['snapchat', 'tr.snapchat.com', ['/p', '/cm/i', '/cm/p', '/config/no/1a2b.js']],
  ['snapchat', 'tr6.snapchat.com', ['/p']],
  ['snapchat', 'tr-shadow.snapchat.com', ['/p']],
  ['snapchat', 'sc-static.net', ['/scevent.min.js']],
  ['x', 'analytics.twitter.com', ['/i/adsct', '/1/i/adsct', '/i/adsctp', '/1/i/adsctp']],
  ['x', 't.co', ['/i/adsct', '/1/i/adsct', '/AbCdEf123']],
  ['x', 'analytics.x.com', ['/i/adsct']],
  ['x', 'static.ads-twitter.com', ['/uwt.js', '/oct.js']],
  ['x', 'platform.twitter.com', ['/oct.js']],
  ['microsoft-uet', 'bat.bing.com', ['/action/0', '/actions/0', '/bat.js', '/p/action/343102454.js']],
  ['microsoft-uet', 'bat.bing.net', ['/action/0']],
  ['reddit', 'alb.reddit.com', ['/rp.gif', '/rp', '/snoo.gif']],
  ['reddit', 'pixel-config.reddit.com', ['/pixels/a2_j1933bxzyyfr/config']],
  [
    'reddit',
    'www.redditstatic.com',
    ['/ads/pixel.js', '/ads/conversions-config/v1/pixel/config/t2_abc_xyz', '/shreddit/assets/app.js'],
  ],
  ['quora', 'q.quora.com', ['/_/ad/54ba43eaeb644b908aa476d8e9f908c2/pixel', '/_/ad/abc/pixel/', '/_/ad/abc/other']],
  ['quora', 'a.quora.com', ['/qevents.js']],
  ['criteo', 'sslwidget.criteo.com', ['/event']],
  ['criteo', 'dis.criteo.com', ['/dis/dis.aspx', '/dis/rtb/appnexus/cookieMatch.aspx']],
  ['criteo', 'static.criteo.net', ['/js/ld/ld.js', '/js/ld/publishertag.js']],
  ['criteo', 'dynamic.criteo.com', ['/js/ld/ld.js']],
  [
    'adobe-analytics',
    'acme.sc.omtrdc.net',
    ['/b/ss/acmeprod,acmeglobal/1/JS-2.22.0/s1', '/b/ss/acmeprod/1/JS-2.22.0/s12345'],
  ],
  ['adobe-analytics', 'acme.112.2o7.net', ['/b/ss/acmedev/1/H.27.5/s999']],
  ['segment', 'api.segment.io', ['/v1/t', '/v1/p', '/v1/batch', '/v1/identify', '/v1/m', '/v1/g']],
  ['segment', 'api.segment.com', ['/v1/track']],
  ['segment', 'events.eu1.segmentapis.com', ['/v1/t']],
  ['segment', 'cdn.segment.com', ['/analytics.js/v1/WK123/analytics.min.js', '/v1/projects/WK1/settings']],
  [
    'mixpanel',
    'api-js.mixpanel.com',
    ['/track/', '/track', '/engage/', '/groups', '/import', '/decide/', '/flags/', '/record/'],
  ],
  ['mixpanel', 'api-eu.mixpanel.com', ['/track']],
  ['mixpanel', 'cdn.mxpnl.com', ['/libs/mixpanel-2-latest.min.js']],
  ['amplitude', 'api2.amplitude.com', ['/2/httpapi', '/batch', '/', '/sr/config']],
  ['amplitude', 'api.amplitude.com', ['/']],
  ['amplitude', 'api.eu.amplitude.com', ['/2/httpapi']],
  ['amplitude', 'cdn.amplitude.com', ['/libs/analytics-browser-2.11.1-min.js.gz', '/script/0123456789abcdef.js']],
  ['amplitude', 'cdn.eu.amplitude.com', ['/script/0123456789abcdef.js']],
  ['heap', 'heapanalytics.com', ['/h', '/api/track', '/api/add_user_properties', '/api/partner/v1/events', '/docs']],
  ['heap', 'cdn.heapanalytics.com', ['/js/heap-352269000.js', '/images/logo.png']],
  ['heap', 'c.us.heap-api.com', ['/api/capture/v2/pageview', '/api/capture/v2/track']],
  ['heap', 'c.eu.heap-api.com', ['/api/track']],
  ['heap', 'cdn.us.heap-api.com', ['/config/1234567890/heap_config.js']],
  ['hotjar', 'static.hotjar.com', ['/c/hotjar-2674197.js', '/static/client/modules.css']],
  ['hotjar', 'script.hotjar.com', ['/modules.90de377b639fd5b933d2.js']],
  ['hotjar', 'in.hotjar.com', ['/api/v2/client/sites/2674197/visit-data', '/api/v2/client/sites/']],
  ['hotjar', 'ws6.hotjar.com', ['/api/v2/sites/2674197/recordings/content']],
  ['matomo', 'analytics.shop.example', ['/matomo.php', '/piwik.php', '/matomo.js', '/piwik.js']],
  ['matomo', 'cdn.matomo.cloud', ['/shop.matomo.cloud/container_AbCd1234.js', '/shop.matomo.cloud/matomo.js']],
  [
    'plausible',
    'plausible.io',
    [
      '/api/event',
      '/js/script.js',
      '/js/pa-XyZ12.js',
      '/js/script.outbound-links.tagged-events.js',
      '/docs/events-api',
    ],
  ],
  ['plausible', 'stats.shop.example', ['/api/event', '/js/plausible.js']],
  ['posthog', 'us.i.posthog.com', ['/e/', '/i/v0/e/', '/batch/', '/capture/', '/decide/', '/flags/', '/s/']],
  ['posthog', 'eu.i.posthog.com', ['/e/']],
  ['posthog', 'app.posthog.com', ['/e/', '/track', '/engage']],
  ['posthog', 'us-assets.i.posthog.com', ['/static/array.js', '/array/phc_K/config.js']],
  ['snowplow', 'collector.shop.example', ['/i', '/com.snowplowanalytics.snowplow/tp2']],
  ['snowplow', 'cdn.jsdelivr.net', ['/npm/@snowplow/javascript-tracker@3/dist/sp.js']],
  ['snowplow', 'd1fc8wv8zag5ca.cloudfront.net', ['/2.18.2/sp.js']],
  [
    'klaviyo',
    'a.klaviyo.com',
    [
      '/client/events/',
      '/client/profiles/',
      '/client/subscriptions/',
      '/api/track',
      '/api/identify',
      '/media/js/analytics/analytics.js',
      '/forms/api/v7/AbC123/full-forms',
    ],
  ],
  ['klaviyo', 'fast.a.klaviyo.com', ['/client/events/']],
  ['klaviyo', 'static.klaviyo.com', ['/onsite/js/klaviyo.js', '/onsite/js/vendors~signup_forms.js']],
  ['hubspot', 'track.hubspot.com', ['/__ptq.gif', '/__ptbe.gif', '/__ptc.gif', '/__pto.gif', '/robots.txt']],
  ['hubspot', 'track-eu1.hubspot.com', ['/__ptbe.gif']],
  ['hubspot', 'js.hs-scripts.com', ['/142972.js', '/']],
  ['hubspot', 'js-eu1.hs-scripts.com', ['/26317639.js']],
  ['hubspot', 'js.hs-analytics.net', ['/analytics/1700000000000/142972.js']],
  ['hubspot', 'js.hs-banner.com', ['/v2/142972/banner.js']],
  ['hubspot', 'js.hsforms.net', ['/forms/embed/v2.js']],
  ['hubspot', 'js.hscollectedforms.net', ['/collectedforms.js']],
  ['hubspot', 'forms.hubspot.com', ['/uploads/form/v2/142972/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f']],
  ['hubspot', 'api.hsforms.com', ['/submissions/v3/integration/submit/142972/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f']],
  [
    'hubspot',
    'forms-eu1.hsforms.com',
    ['/submissions/v3/public/submit/formsnext/multipart/26317639/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f'],
  ],
  ['hubspot', 'forms.hscollectedforms.net', ['/collected-forms/submit/form']],
  ['rudderstack', 'acmeabc.dataplane.rudderstack.com', ['/v1/track', '/v1/page', '/v1/batch']],
  ['rudderstack', 'hosted.rudderlabs.com', ['/v1/identify']],
  [
    'rudderstack',
    'cdn.rudderlabs.com',
    ['/v3/modern/rsa.min.js', '/v1.1/rudder-analytics.min.js', '/v3/modern/plugins/rsa-plugins-remote-XhrQueue.min.js'],
  ],
  ['rudderstack', 'cdn.rudderstack.com', ['/v3/modern/rsa.min.js']],
  ['rudderstack', 'api.rudderstack.com', ['/sourceConfig/']],
  [
    'tealium',
    'tags.tiqcdn.com',
    ['/utag/acme/main/prod/utag.js', '/utag/acme/main/qa/utag.sync.js', '/utag/acme/main/prod/utag.12.js'],
  ],
  ['tealium', 'collect.tealiumiq.com', ['/event', '/bulk-event']],
  ['tealium', 'collect-eu-central-1.tealiumiq.com', ['/event']],
  ['tealium', 'datacloud.tealiumiq.com', ['/acme/main/2/i.gif']],
  ['clarity', 'www.clarity.ms', ['/tag/abc1def2gh', '/tag/uet/187000123', '/s/0.7.32/clarity.js', '/tag/']],
  ['clarity', 'k.clarity.ms', ['/collect']],
  ['clarity', 'scripts.clarity.ms', ['/0.7.32/clarity.js']],
  ['clarity', 'c.clarity.ms', ['/c.gif']],
  [
    'adobe-web-sdk',
    'edge.adobedc.net',
    [
      '/ee/v1/interact',
      '/ee/v2/interact',
      '/ee/irl1/v1/interact',
      '/ee/v1/collect',
      '/ee/v1/privacy/set-consent',
      '/ee/v1/identity/acquire',
    ],
  ],
  ['adobe-web-sdk', 'server.adobedc.net', ['/ee/v2/interact']],
  ['adobe-web-sdk', 'cdn1.adoberesources.net', ['/alloy/2.19.1/alloy.min.js', '/alloy/2.19.1/alloy.js']],
  ['adobe-web-sdk', 'data.shop.example', ['/ee/v1/interact', '/ee/v1/collect']],
  [
    'adobe-target',
    'acme.tt.omtrdc.net',
    [
      '/rest/v1/delivery',
      '/m2/acme/mbox/json',
      '/m2/acme/mbox/ajax',
      '/m2/acme/ubox/image',
      '/at.js',
      '/rest/v1/delivery/health',
    ],
  ],
  ['adobe-target', 'cdn.tt.omtrdc.net', ['/cdn/target.js']],
  [
    'adobe-launch',
    'assets.adobedtm.com',
    [
      '/a1b2c3/d4e5f6/launch-0123456789ab.min.js',
      '/a1b2c3/d4e5f6/launch-EN01234-development.min.js',
      '/a1b2c3/d4e5f6/launch-EN01234-staging.js',
      '/a1b2c3/d4e5f6/0123/RC1a2b-source.min.js',
      '/extensions/EP123/Other.min.js',
    ],
  ],
  ['adobe-launch', 'assets.adoberesources.cn', ['/a1b2c3/d4e5f6/launch-0123456789ab.min.js']],
  [
    'adobe-dtm',
    'assets.adobedtm.com',
    [
      '/4a848a4a/satelliteLib-0123abcd.js',
      '/4a848a4a/satelliteLib-0123abcd-staging.js',
      '/4a848a4a/satellite-5a1b2c.js',
    ],
  ],
  ['adobe-audience-manager', 'acme.demdex.net', ['/event', '/dest5.html']],
  ['adobe-ecid', 'dpm.demdex.net', ['/id', '/id/rd', '/ibs:dpid=411&dpuuid=x', '/event']],
  ['adobe-heartbeat', 'acme.hb.omtrdc.net', ['/', '/settings/config.json']],
  [
    'adobe-heartbeat',
    'acme.hb-api.omtrdc.net',
    ['/api/v1/sessions', '/api/v1/sessions/a1b2c3/events', '/api/v1/schemas/sessionStart'],
  ],
  ['at-internet', 'logc407.xiti.com', ['/hit.xiti']],
  ['at-internet', 'abcdefg.pa-cd.com', ['/event', '/health']],
  ['at-internet', 'tag.aticdn.net', ['/612345/smarttag.js', '/piano-analytics.js']],
  [
    'comscore',
    'sb.scorecardresearch.com',
    ['/b', '/b2', '/p', '/p2', '/beacon.js', '/cs/1234567/beacon.js', '/c2/1234567/cs.js'],
  ],
  ['parsely', 'p1.parsely.com', ['/px/', '/px']],
  ['parsely', 'srv.pixel.parsely.com', ['/plogger/']],
  ['parsely', 'cdn.parsely.com', ['/keys/shop.example/p.js']],
  ['parsely', 'config.parsely.com', ['/config/shop.example']],
  ['webtrends', 'statse.webtrendslive.com', ['/dcs222abc_1a2b/dcs.gif']],
  ['webtrends', 's.webtrends.com', ['/js/webtrends.min.js', '/js/webtrends.js']],
  ['webtrends', 'sdc.shop.example', ['/dcs222abc_1a2b/dcs.gif']],
  ['piwik-pro', 'acme.piwik.pro', ['/ppms.php', '/piwik.php', '/ppms.js']],
  ['piwik-pro', 'analytics.shop.example', ['/ppms.php', '/ppms.js']],
  [
    'piwik-pro-tag-manager',
    'acme.containers.piwik.pro',
    ['/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.js', '/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.sync.js'],
  ],
  ['piwik-pro-tag-manager', 'acme.piwik.pro', ['/containers/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.js']],
  [
    'ensighten',
    'nexus.ensighten.com',
    [
      '/acme/prod/Bootstrap.js',
      '/acme/Bootstrap.js',
      '/acme/prod/serverComponent.php',
      '/acme/prod/code/bbb1b351.js',
      '/error/e.gif',
    ],
  ],
  ['ensighten', 'nexus-test.ensighten.com', ['/acme/stage/Bootstrap.js']],
  [
    'mparticle',
    'jssdks.mparticle.com',
    ['/v3/JS/us1-0123abcd/events', '/v2/JS/us1-0123abcd/Events', '/v2/JS/us1-0123abcd/Forwarding'],
  ],
  ['mparticle', 'jssdkcdns.mparticle.com', ['/js/v2/us1-0123abcd/mparticle.js', '/JS/v2/us1-0123abcd/config']],
  ['mparticle', 'identity.mparticle.com', ['/v1/identify', '/v1/login', '/v1/logout', '/v1/-88/modify']],
  [
    'lytics',
    'c.lytics.io',
    [
      '/c/1a2b3c4d',
      '/c/1a2b3c4d/web_events',
      '/api/tag/1a2b3c4d/latest.min.js',
      '/static/io.min.js',
      '/api/me/1a2b3c4d/u-1',
    ],
  ],
  ['lytics', 'api.lytics.io', ['/api/entity/user/_uids/u-1']],
  ['fullstory', 'rs.fullstory.com', ['/rec/page', '/rec/bundle', '/rec/bundle/v2', '/rec/integrations']],
  ['fullstory', 'edge.fullstory.com', ['/s/fs.js', '/s/settings/o-1AB2CD-na1/v1/web']],
  ['crazy-egg', 'script.crazyegg.com', ['/pages/scripts/0012/3456.js', '/pages/versioned/common-scripts/abc.js']],
  ['crazy-egg', 'tracking.crazyegg.com', ['/clicks', '/visits', '/']],
  ['glassbox', 'cdn.gbqofs.com', ['/acme/p/detector-dom.min.js', '/sv/a/cls_worker.js']],
  ['glassbox', 'report.acme.gbqofs.io', ['/reporting/e9d834e4-f152-3375-9a1b-0c2d3e4f5a6b/cls_report']],
  ['medallia-dxa', 'cdn.decibelinsight.net', ['/i/13996/612538/di.js', '/i/13476/di.js']],
  ['medallia-dxa', 'collection.decibelinsight.net', ['/i/13996/612538/c.json']],
  [
    'indicative',
    'api.indicative.com',
    ['/service/event', '/service/event/batch', '/service/event/0a1b2c3d', '/service/projects'],
  ],
  ['indicative', 'cdn.indicative.com', ['/js/1.0.2/Indicative.min.js', '/js/Indicative.min.js']],
  [
    'split',
    'events.split.io',
    [
      '/api/testImpressions/bulk',
      '/api/testImpressions/beacon',
      '/api/events/bulk',
      '/api/events/beacon',
      '/api/testImpressions/count',
    ],
  ],
  ['split', 'sdk.split.io', ['/api/splitChanges', '/api/memberships/u1']],
  ['split', 'cdn.split.io', ['/sdk/split-10.26.0.min.js']],
  ['optimizely', 'logx.optimizely.com', ['/v1/events']],
  ['optimizely', '8504447126001.log.optimizely.com', ['/event']],
  [
    'optimizely',
    'cdn.optimizely.com',
    ['/js/8504447126001.js', '/public/8504447126/s/8504447126001_web.js', '/datafiles/AbC.json'],
  ],
  ['dynamic-yield', 'async-px.dynamicyield.com', ['/dpx', '/uia']],
  ['dynamic-yield', 'cdn.dynamicyield.com', ['/api/8765432/api_dynamic.js', '/api/8765432/api_static.js']],
  ['dynamic-yield', 'rcom.dynamicyield.com', ['/v3/recommend/8765432']],
  ['omniconvert', 'cdn.omniconvert.com', ['/js/q7c0100.js', '/async/js/e40d47.js']],
  ['omniconvert', 'app.omniconvert.com', ['/track/goal', '/collect', '/static/editor.js']],
  // First-party and look-alike hosts: proxies some decoders must still read, and names others must not claim.
  [
    'other',
    'shop.example',
    [
      '/',
      '/g/collect',
      '/collect',
      '/gtm.js',
      '/b/ss/x/1/y',
      '/api/event',
      '/i',
      '/matomo.php',
      '/analytics.js/v1/WK9/analytics.min.js',
      '/utag/a/b/prod/utag.js',
      '/gtag/js',
      '/ccm/collect',
    ],
  ],
  ['other', 'metrics.shop.example', ['/g/collect', '/collect', '/b/ss/acmeprod/1/JS-2.22.0/s67890']],
  ['other', 'notfacebook.com', ['/tr']],
  ['other', 'facebook.com.evil.example', ['/tr']],
  ['other', 'ad.doubleclick.net.evil.example', ['/activity;src=1;type=g;cat=c']],
  ['other', 'notanalytics.tiktok.example', ['/api/v2/pixel']],
  ['6sense', 'j.6sc.co', ['/6si.min.js', '/j/5f4c3b2a1e0d.js', '/other.js']],
  ['6sense', 'b.6sc.co', ['/v1/beacon/img.gif']],
  ['6sense', 'epsilon.6sense.com', ['/v3/company/details', '/v2/people/enrichment']],
  ['demandbase', 'tag.demandbase.com', ['/3a7f0c2e9b1d4f6a.min.js']],
  ['demandbase', 'api.company-target.com', ['/api/v2/ip.json', '/api/v3/ip.js', '/api/v2/domain.json']],
  ['demandbase', 's.company-target.com', ['/s/sync']],
  ['demandbase', 'et.company-target.com', ['/events/']],
  ['merkury', 'mtag.shop.example', ['/tpTracking/loader/load.js', '/tpTracking/loader/other.js']],
  ['braze', 'sdk.iad-01.braze.com', ['/api/v3/data', '/api/v3/content_cards/sync']],
  ['braze', 'sdk.fra-02.braze.eu', ['/api/v3/data']],
  ['braze', 'js.appboycdn.com', ['/web-sdk/5.4/braze.min.js', '/web-sdk/3.5/appboy.min.js']],
  ['brevo', 'in-automate.brevo.com', ['/p', '/api/v2/trackEvent', '/api/v2/identify', '/api/v2/trackPage']],
  ['brevo', 'in-automate.sendinblue.com', ['/p']],
  ['brevo', 'sibautomation.com', ['/sa.js']],
  ['invoca', 'pnapi.invoca.net', ['/1742/na.json', '/1742/na.jsonp', '/1742/other.json']],
  ['invoca', 'solutions.invocacdn.com', ['/js/networks/1742/1203331537/tag-live.js', '/js/invoca-latest.min.js']],
  ['vibes', 'tagtracking.vibescm.com', ['/track', '/vibes-tag.js', '/health']],
  ['vibes', 'tagtracking.eu.vibes.com', ['/track']],
  ['amazon-ads', 's.amazon-adsystem.com', ['/iu3', '/iui3', '/ecm3']],
  ['amazon-ads', 'c.amazon-adsystem.com', ['/aat/amzn.js', '/aax2/apstag.js']],
  ['amazon-ads', 'aax-eu.amazon-adsystem.com', ['/s/iu3']],
  ['amazon-ads', 'aax.amazon-adsystem.com', ['/e/dtb/bid']],
  ['the-trade-desk', 'insight.adsrvr.org', ['/track/up', '/track/conv/', '/track/pxl/', '/track/cei']],
  ['the-trade-desk', 'js.adsrvr.org', ['/up_loader.1.1.0.js']],
  ['the-trade-desk', 'match.adsrvr.org', ['/track/cmf/generic']],
  ['adform', 'track.adform.net', ['/Serving/TrackPoint/', '/serving/scripts/trackpoint/async/', '/adfserve/']],
  ['adform', 's2.adform.net', ['/banners/scripts/st/trackpoint-async.js']],
  ['outbrain', 'tr.outbrain.com', ['/unifiedPixel', '/pixel', '/cachedClickId']],
  ['outbrain', 'amplify.outbrain.com', ['/cp/obtp.js']],
  ['teads', 't.teads.tv', ['/track']],
  ['teads', 'p.teads.tv', ['/teads-fellow.js']],
  // RTB House names the event only in the query: one path carries a tag id so the sample reaches its hits.
  ['rtb-house', 'creativecdn.com', ['/tags', '/tags/', '/cm-notify', '/tags?id=pr_Kx3v_home&id=pr_Kx3v_uid_u-1']],
  ['rtb-house', 'us.creativecdn.com', ['/tags', '/tags/v2']],
  ['zemanta', 'p1.zemanta.com', ['/v2/p/js/12345/PAGE_VIEW/', '/v2/p/ns/12345/PURCHASE/', '/p/4321/signup/', '/p/']],
  ['sojern', 'beacon.sojern.com', ['/pixel/p/12345', '/pixel/cdp/web', '/cm']],
  ['sojern', 'static.sojern.com', ['/sdk/latest/sojern.min.js']],
  ['seznam-sklik', 'c.seznam.cz', ['/retargeting', '/conv', '/js/rc.js', '/other']],
  ['seznam-sklik', 'c.imedia.cz', ['/checkConversion', '/retargeting']],
  ['spotify-pixel', 'img.byspotify.com', ['/']],
  ['spotify-pixel', 'pixel.byspotify.com', ['/ping.min.js']],
  ['spotify-pixel', 'pixels.spotify.com', ['/v1/ingest', '/v1/config']],
  [
    'taboola',
    'trc.taboola.com',
    ['/1234567/log/3/unip', '/actions-handler/log/3/s2s-action', '/pub-network/trc/3/json'],
  ],
  ['taboola', 'trc-events.taboola.com', ['/1234567/log/3/unip']],
  ['taboola', 'cdn.taboola.com', ['/libtrc/unip/1234567/tfa.js', '/libtrc/pub-network/loader.js']],
  ['yahoo-ads', 'sp.analytics.yahoo.com', ['/sp.pl', '/other.pl']],
  ['yahoo-ads', 's.yimg.com', ['/wi/ytc.js', '/cv/apiv2/default/logo.png']],
  [
    'customer-io',
    'cdp.customer.io',
    ['/v1/t', '/v1/p', '/v1/batch', '/v1/analytics-js/snippet/WK1/analytics.min.js', '/v1/projects/WK1/settings'],
  ],
  ['customer-io', 'cdp-eu.customer.io', ['/v1/i']],
  [
    'customer-io',
    'track.customer.io',
    [
      '/events/page.gif',
      '/events/track.gif',
      '/api/v1/customers/u-1/events',
      '/api/v1/events',
      '/api/v1/customers/u-1',
      '/api/v2/entity',
      '/api/v2/batch',
    ],
  ],
  ['customer-io', 'assets.customer.io', ['/assets/track.js', '/assets/track-eu.js']],
  [
    'vwo',
    'dev.visualwebsiteoptimizer.com',
    [
      '/j.php',
      '/l.gif',
      '/c.gif',
      '/events/t',
      '/eu01/events/t',
      '/as01/events/t',
      '/server-side/track-user',
      '/server-side/track-goal',
      '/server-side/settings',
      '/tag/654321.js',
    ],
  ],
  ['intercom', 'api-iam.intercom.io', ['/messenger/web/ping', '/messenger/web/events', '/messenger/web/metrics']],
  ['intercom', 'api-iam.eu.intercom.io', ['/messenger/web/ping']],
  ['intercom', 'widget.intercom.io', ['/widget/abc123de']],
  ['intercom', 'js.intercomcdn.com', ['/frame-modern.0a1b2c3d.js']],
  ['other', 'notsegment.io', ['/v1/t']],
  ['other', 'www.google.evil.example', ['/pagead/1p-conversion/123/']],
  ['other', 'www.bing.com', ['/action/0', '/search']],
  ['other', 'fonts.gstatic.com', ['/s/inter/v1/font.woff2']],
  ['other', 'www.youtube.com', ['/embed/abc']],
];

const HOSTS = [...new Set(ENDPOINTS.map(([, host]) => host))];
const PATHS = [...new Set(ENDPOINTS.flatMap(([, , paths]) => paths))];

// Fields the matchers look at, so queries and bodies reach the branches that decide a match.
const QUERY_PAIRS = [
  'v=2',
  'v=1',
  'tid=G-ABC123',
  'tid=UA-1234-1',
  'tid=AW-123',
  'tids=AW-1~AW-2',
  'id=GTM-ABC',
  'id=G-ABC',
  'id=AW-1',
  'id=DC-1',
  'id=GT-1',
  'id=UA-1-1',
  'measurement_id=G-1',
  'en=page_view',
  't=pageview',
  'AQB=1',
  'AQE=1',
  'idsite=1',
  'rec=1',
  'tv=js-3.0.0',
  'e=pv',
  'aid=app',
  'sdkid=CABC',
  'ev=Lead',
  'pid=123',
  'txn_id=tw-a-b',
  'ti=1',
  'evt=custom',
  'event=checkout',
  'a=1',
  'p0=e%3Dvh',
  'compression=gzip-js',
  'data=eyJldmVudCI6IngifQ',
  'company_id=AbC',
  'sv=6',
  'n=Signup',
  'label=AbC',
  'cd[value]=1',
  'pixel_id=t2_x',
  'tealium_account=acme',
  'configId=ebebf826',
  'dataStreamId=ebebf826',
  'client=acme',
  'mbox=target-global-mbox',
  's:event:type=play',
  's:sc:rsid=acmeprod',
  's=612345',
  'type=click',
  'click=A',
  'c1=2',
  'c2=1234567',
  'ns_st_ev=play',
  'idsite=shop.example',
  'action=pageview',
  'dcsuri=%2Fmug',
  'WT.dl=0',
  'WT.ti=Mug',
  'idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  'd_orgid=ADB%40AdobeOrg',
  'd_mid=123',
  'c_page=home',
  '_e=pv',
  'OrgId=o-1AB2CD-na1',
  'goal=signup',
  'sec=8765432',
  'eventName=Download',
  'ClientID=711',
  'PageID=x',
  'a=8504447126',
  'd=8504447126001',
  'events=%5B%7B%22name%22%3A%22page.display%22%7D%5D',
  'token=T1',
  'auth=K1',
  'sv_cid=1_2',
  'sib_type=track',
  'company_key=c1',
  'pid=P1',
  'ex-fargs=%3Fid%3D1',
  'adv=A1',
  'upid=U1',
  'pm=1257163',
  'ADFPageName=Home',
  'itm=eyJhIjoxfQ',
  'marketerId=M1',
  'name=PAGE_VIEW',
  'buyer_pixel_id=1',
  'action=conversion',
  'id=pr_H1_home',
  'pixelId=1',
  'pt=SEARCH',
  'key=K1',
  'a=purchase',
  '.yp=1',
  'ea=purchase',
  'account_id=1',
  'en=vwo_variationShown',
  'app_id=abc',
  'event_list=%5B%5D',
  'user_data=%7B%7D',
];

const BODIES = [
  'v=1&tid=UA-1-1&cid=1&t=pageview',
  'v=1&tid=UA-1-1&t=event\nv=1&tid=UA-1-1&t=pageview',
  'en=page_view\nen=scroll&epn.percent=90',
  'idsite=1&rec=1&action_name=x',
  'AQB=1&pageName=home&AQE=1',
  '{"n":"pageview","u":"https://shop.example/","d":"shop.example"}',
  'client=key&e=%5B%5D',
  'e=%5B%5D&client=key',
  '{"api_key":"k","events":[{"event_type":"x"}]}',
  '{"type":"track","event":"x","writeKey":"w"}',
  '{"e":[1,2,3,4,"proj",5,6,7,8,1],"a":[]}',
  '{"event":"AddToCart","context":{"pixel":{"code":"C1"}}}',
  '{"requests":["?idsite=1&rec=1"]}',
  '{"schema":"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4","data":[{"e":"pv","tv":"js"}]}',
  'data=eyJldmVudCI6IngifQ',
  '{"data":{"type":"event","attributes":{"metric":{"name":"x"}}}}',
  '{"portalId":1,"formSelectorId":"#f"}',
  'id=1&ev=Lead',
  '{"events":[{"xdm":{"eventType":"web.webpagedetails.pageViews"}}]}',
  '{"execute":{"pageLoad":{}},"notifications":[{"type":"click"}]}',
  '{"eventType":"sessionStart","params":{"analytics.reportSuite":"r"}}',
  '{"events":[{"name":"page.display","data":{"page":"p"}}]}',
  '{"events":[{"event_type":"custom_event","data":{"event_name":"x"}}]}',
  '{"dt":"pv","n":"Home"}',
  '{"OrgId":"o-1","Url":"u"}',
  '{"apiKey":"k","eventName":"x","events":[{"eventName":"y"}]}',
  '[{"f":"flag","i":[{"k":"u","t":"on"}]}]',
  '[{"eventTypeId":"x","key":"u"}]',
  '{"entries":[],"token":"t"}',
  '{"account_id":"1","project_id":"2","visitors":[{"snapshots":[{"events":[{"key":"k"}]}]}]}',
  '{"name":"x","sec":"1"}',
  'idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d&rec=1',
  '{"requests":["?idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d&rec=1"]}',
  '{"api_key":"k","events":[{"name":"ce","data":{"n":"x"}}]}',
  '{"batch":[{"action":"lead","key":"k"}]}',
  '{"name":"purchase","data":{}}',
  '{"d":{"event":{"name":"x","props":{"id":1}}}}',
  '{"th":"h","tags":[{"eventType":"home"}]}',
  '{"batch":[{"pid":"p","events":[{"action":"view"}]}]}',
  'app_id=abc&event_list=%5B%7B%22event_name%22%3A%22x%22%7D%5D',
];

const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/);

const host = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTS) },
  // A random subdomain of a real host (or of its parent domain).
  {
    weight: 3,
    arbitrary: fc
      .tuple(label, fc.constantFrom(...HOSTS), fc.boolean())
      .map(([l, h, parent]) => `${l}.${parent ? h.slice(h.indexOf('.') + 1) || h : h}`),
  },
  // Look-alikes: a real host under another domain, glued to a label, with a trailing dot, upper-cased.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTS), label).map(([h, l]) => `${h}.${l}.example`) },
  { weight: 1, arbitrary: fc.tuple(label, fc.constantFrom(...HOSTS)).map(([l, h]) => `${l}${h}`) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTS).map((h) => `${h}.`) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTS).map((h) => h.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom('127.0.0.1', '[::1]', 'localhost', 'com', 'co.uk', 'a.b.c.d.e.f.g.example') },
  { weight: 1, arbitrary: fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')) },
);

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  // Proxied under a prefix, or with a random segment added.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('/proxy', '/a1b2', '/metrics', '/x/y'), fc.constantFrom(...PATHS))
      .map(([p, q]) => `${p}${q}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...PATHS), label).map(([p, l]) => `${p}${p.endsWith('/') ? '' : '/'}${l}`),
  },
  { weight: 1, arbitrary: fc.array(label, { maxLength: 4 }).map((ls) => `/${ls.join('/')}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `/${encodeURI(s)}`) },
);

const query = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...QUERY_PAIRS),
          fc.tuple(label, fc.string({ maxLength: 12 })).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
        ),
        { maxLength: 6 },
      )
      .map((pairs) => (pairs.length > 0 ? `?${pairs.join('&')}` : '')),
  },
);

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom(...BODIES) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
);

/** `arbitrary`'s value one time in `1 + rest`, null otherwise. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, rest: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: rest, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** A real endpoint of one vendor, mostly as it is, sometimes with its host or path swapped for a generated one. */
const endpointUrl = fc
  .tuple(fc.constantFrom(...ENDPOINTS), fc.nat(), sometimes(host, 4), sometimes(path, 3), sometimes(label, 2), query)
  .map(([[, h, paths], i, otherHost, otherPath, sub, q]) => {
    const hostname = otherHost ?? (sub === null ? h : `${sub}.${h}`);
    return `${hostname}${otherPath ?? paths[i % paths.length]!}${q}`;
  });

const url = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom('https://', 'http://'), endpointUrl)
      .map(([scheme, rest]) => `${scheme}${rest}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('https://', 'http://'), host, fc.constantFrom('', ':8443', ':80'), path, query)
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string(),
      fc.constantFrom('ftp://www.facebook.com/tr', 'data:text/plain,x', 'https://', '//www.facebook.com/tr'),
    ),
  },
);

const request = fc.record({
  url,
  method: fc.constantFrom('GET', 'POST', undefined),
  body,
  type: fc.constantFrom('ping', 'image', 'xmlhttprequest', 'script', undefined),
});

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** Host equals one of `domains` or is a subdomain of one: the rule dispatch applies. */
function under(hostname: string, domains: readonly string[]): boolean {
  return domains.some((d) => hostname === d || hostname.endsWith(`.${d}`));
}

function safeMatches(decoder: TagDecoder, url: URL, req: HitRequest): boolean {
  try {
    return decoder.matches(url, req);
  } catch {
    return false;
  }
}

const HOSTED = DECODERS.filter((d) => !d.anyHost);
const hostsOf = (d: TagDecoder): readonly string[] => VENDORS[d.vendor].hosts;

// Thousands of generated requests through every decoder take seconds on a busy shared machine: the default 5 s
// timeout would fail the run for load, not for dispatch. The tests assert what is decoded, never how fast.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('host dispatch', () => {
  it('declares plain registrable domains, and names the few any-host decoders', () => {
    for (const decoder of HOSTED) expect(hostsOf(decoder).length).toBeGreaterThan(0);
    for (const id of VENDOR_IDS)
      for (const domain of VENDORS[id].hosts) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    // The decoders that read a first-party proxy or a self-hosted collector must be asked on every host.
    const anyHost = DECODERS.filter((d) => d.anyHost).map((d) => d.vendor);
    expect(anyHost).toEqual([
      'ga4',
      'universal-analytics',
      'gtm',
      'google-ads',
      'floodlight',
      'adobe-analytics',
      'segment',
      'matomo',
      'plausible',
      'snowplow',
      'tealium',
      'adobe-web-sdk',
      'webtrends',
      'piwik-pro',
      'merkury',
    ]);
  });

  it('gives any-host decoders marks dispatch can join into one pattern: no flags, no capture groups', () => {
    for (const decoder of DECODERS.filter((d) => d.anyHost)) {
      const marks = decoder.pathMarks!;
      expect(marks.flags, decoder.vendor).toBe('');
      expect(marks.source, decoder.vendor).not.toMatch(/(^|[^\\])\((?!\?:)/);
    }
  });

  it('an any-host decoder matches off its hosts only paths its marks find', () => {
    const ANY_HOST = DECODERS.filter((d) => d.anyHost);
    fc.assert(
      fc.property(request, (req: HitRequest) => {
        const parsed = parse(req.url);
        if (!parsed) return;
        for (const decoder of ANY_HOST) {
          if (!safeMatches(decoder, parsed, req) || under(parsed.hostname, hostsOf(decoder))) continue;
          expect(
            decoder.pathMarks!.test(parsed.pathname),
            `${decoder.vendor} on ${parsed.hostname}${parsed.pathname}`,
          ).toBe(true);
        }
      }),
      { numRuns: 4_000 },
    );
  });

  // Each first-party form an any-host decoder reads, off the vendor's hosts: its marks must let it through.
  it.each<[VendorId, HitRequest]>([
    ['ga4', { url: 'https://metrics.shop.example/g/collect?v=2&tid=G-1&en=page_view' }],
    [
      'ga4',
      {
        url: 'https://metrics.shop.example/mp/collect?measurement_id=G-1',
        method: 'POST',
        body: '{"client_id":"1","events":[{"name":"x"}]}',
      },
    ],
    ['ga4', { url: 'https://shop.example/gtag/js?id=G-1' }],
    ['universal-analytics', { url: 'https://shop.example/collect?v=1&tid=UA-1-1&t=pageview' }],
    ['universal-analytics', { url: 'https://shop.example/batch', method: 'POST', body: 'v=1&tid=UA-1-1&t=pageview' }],
    ['gtm', { url: 'https://shop.example/gtm.js?id=GTM-ABC' }],
    ['gtm', { url: 'https://shop.example/gtag/destination?id=GT-1' }],
    ['google-ads', { url: 'https://www.google.co.uk/pagead/1p-conversion/123/?label=x' }],
    ['google-ads', { url: 'https://www.google.com/ccm/collect?en=page_view&tid=AW-1' }],
    ['floodlight', { url: 'https://shop.example/gtag/js?id=DC-1' }],
    ['adobe-analytics', { url: 'https://metrics.shop.example/b/ss/acme/1/JS-2.22.0/s1?AQB=1&pageName=x&AQE=1' }],
    ['adobe-analytics', { url: 'https://shop.example/js/AppMeasurement.min.js' }],
    ['segment', { url: 'https://shop.example/analytics.js/v1/WK9/analytics.min.js' }],
    ['matomo', { url: 'https://analytics.shop.example/matomo.php?idsite=1&rec=1' }],
    ['matomo', { url: 'https://analytics.shop.example/piwik.js' }],
    [
      'plausible',
      {
        url: 'https://stats.shop.example/api/event',
        method: 'POST',
        body: '{"n":"pageview","u":"https://shop.example/"}',
      },
    ],
    ['plausible', { url: 'https://stats.shop.example/js/plausible.outbound-links.js' }],
    ['snowplow', { url: 'https://collector.shop.example/i?tv=js-3.0.0&e=pv&aid=app' }],
    [
      'snowplow',
      { url: 'https://collector.shop.example/com.snowplowanalytics.snowplow/tp2', method: 'POST', body: BODIES[13] },
    ],
    ['snowplow', { url: 'https://cdn.shop.example/npm/@snowplow/javascript-tracker@3/dist/sp.js' }],
    ['tealium', { url: 'https://shop.example/utag/acme/main/prod/utag.js' }],
    ['ga4', { url: 'https://metrics.shop.example/g/collect/?v=2&tid=G-1&en=page_view' }],
    [
      'adobe-web-sdk',
      {
        url: 'https://data.shop.example/ee/v1/interact?configId=ebebf826-a01f-4458-8cec-ef61de241c91',
        method: 'POST',
        body: '{"events":[{"xdm":{"eventType":"web.webpagedetails.pageViews"}}]}',
      },
    ],
    ['adobe-web-sdk', { url: 'https://shop.example/js/alloy.min.js' }],
    ['webtrends', { url: 'https://sdc.shop.example/dcs2221abcdefghijklmnop_1q2r/dcs.gif?dcsuri=/p/mug&WT.ti=Mug' }],
    [
      'piwik-pro',
      { url: 'https://shop.example/ppms.php?idsite=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d&rec=1&action_name=Mug' },
    ],
    ['piwik-pro', { url: 'https://shop.example/ppms.js' }],
    [
      'merkury',
      { url: 'https://t.shop.example/tpTracking/loader/load.js?sv_cid=1234_01&url=https%3A%2F%2Fshop.example%2F' },
    ],
  ])('still asks %s about %j', (vendor, req) => {
    const hits = decodeRequest(req);
    expect(hits.map((h) => h.vendor)).toContain(vendor);
    expect(hits).toEqual(decodeRequestAllDecoders(req));
  });

  it(
    'a decoder with hosts never matches off them',
    () => {
      fc.assert(
        fc.property(request, (req: HitRequest) => {
          const parsed = parse(req.url);
          if (!parsed) return;
          for (const decoder of HOSTED) {
            if (safeMatches(decoder, parsed, req))
              expect(under(parsed.hostname, hostsOf(decoder)), `${decoder.vendor} on ${parsed.hostname}`).toBe(true);
          }
        }),
        { numRuns: 4_000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'decodes exactly what asking every decoder in order decodes',
    () => {
      fc.assert(
        fc.property(request, (req: HitRequest) => {
          expect(decodeRequest(req)).toEqual(decodeRequestAllDecoders(req));
        }),
        { numRuns: 4_000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'is not vacuous: a fixed sample of the same requests reaches every vendor, and agrees',
    () => {
      const seen = new Map<string, number>();
      for (const req of fc.sample(request, { numRuns: 4_000, seed: 20_261_123 })) {
        const indexed = decodeRequest(req);
        expect(indexed).toEqual(decodeRequestAllDecoders(req));
        for (const hit of indexed) seen.set(hit.vendor, (seen.get(hit.vendor) ?? 0) + 1);
      }
      expect([...seen.keys()].sort()).toEqual(DECODERS.map((d) => d.vendor).sort());
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('says a URL carries no hits only when no body could give it one', () => {
    let refused = 0;
    fc.assert(
      fc.property(request, fc.array(body, { maxLength: 3 }), (req: HitRequest, bodies) => {
        if (mayCarryHits(req.url)) return;
        refused++;
        for (const b of [req.body, ...bodies])
          expect(decodeRequestAllDecoders({ ...req, body: b ?? undefined })).toEqual([]);
      }),
      { numRuns: 4_000 },
    );
    // Not vacuous: plenty of the generated URLs are turned away.
    expect(refused).toBeGreaterThan(200);
  });

  it('turns away the usual non-tag requests, and never a custom endpoint', () => {
    expect(mayCarryHits('https://shop.example/assets/app.js')).toBe(false);
    expect(mayCarryHits('https://fonts.gstatic.com/s/inter/v1/font.woff2')).toBe(false);
    expect(mayCarryHits('https://www.facebook.com/tr?id=1&ev=Lead')).toBe(true);
    expect(mayCarryHits('https://shop.example/g/collect?v=2&tid=G-1')).toBe(true);
    const endpoints = [{ host: 'metrics.shop.example', path: '/', vendor: 'meta-pixel' as const }];
    expect(mayCarryHits('https://metrics.shop.example/anything')).toBe(false);
    expect(mayCarryHits('https://metrics.shop.example/anything', { endpoints })).toBe(true);
  });

  it(
    'agrees with the unindexed loop on custom endpoints, which are tried first',
    () => {
      const endpoints = [
        { host: 'metrics.shop.example', path: '/tr', vendor: 'meta-pixel' as const },
        { host: 'shop.example', path: '/p/', vendor: 'tiktok' as const },
      ];
      fc.assert(
        fc.property(
          request,
          fc.constantFrom(
            'https://metrics.shop.example/tr?id=1&ev=Lead',
            'https://a.shop.example/p/x',
            'https://shop.example/g/collect?v=2&tid=G-1&en=x',
          ),
          (req, fixed) => {
            for (const r of [req, { ...req, url: fixed }])
              expect(decodeRequest(r, { endpoints })).toEqual(decodeRequestAllDecoders(r, { endpoints }));
          },
        ),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'stays right past the cache bound, when the host cache is cleared',
    () => {
      const hits = (h: TagHit[]): string[] => h.map((x) => `${x.vendor}:${x.event ?? ''}:${x.account ?? ''}`);
      for (let i = 0; i < 5_000; i++) {
        const req: HitRequest =
          i % 3 === 0
            ? { url: `https://h${i}.shop.example/g/collect?v=2&tid=G-${i}&en=page_view` }
            : i % 3 === 1
              ? { url: `https://www${i}.facebook.com/tr?id=${i}&ev=Lead` }
              : { url: `https://x${i}.ads.linkedin.com/collect?pid=${i}` };
        const indexed = decodeRequest(req);
        expect(hits(indexed)).toEqual(hits(decodeRequestAllDecoders(req)));
        expect(indexed).toHaveLength(1);
      }
    },
    PROPERTY_TIMEOUT_MS,
  );
});
