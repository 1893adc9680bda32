// A page driven by the vendors' own SDKs from npm, bundled at test time (e2e/sdks.e2e.ts) and served from
// localhost. Each SDK is set up the way its documentation shows, with the settings it would fetch from its CDN
// given inline, and each tracks one custom event with one property when the visitor clicks "Start trial".
// Nothing here imitates a vendor: the requests are the SDKs' own (batched, gzipped, beaconed as they choose).

import { init as amplitudeInit, track as amplitudeTrack } from '@amplitude/analytics-browser';
import { init as plausibleInit, track as plausibleTrack } from '@plausible-analytics/tracker';
import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
import { AnalyticsBrowser } from '@segment/analytics-next';
import { newTracker, trackSelfDescribingEvent } from '@snowplow/browser-tracker';
import mixpanel from 'mixpanel-browser';
import posthog from 'posthog-js';

import { ACCOUNTS, BEACON_EVENT, EVENT } from './accounts';

/** A trial of three seats, with the cart a shop would send: big enough that batching SDKs compress their uploads. */
const PROPS = {
  plan: 'pro',
  seats: 3,
  items: Array.from({ length: 24 }, (_, i) => ({
    item_id: `SKU-${1000 + i}`,
    item_name: `Team plan add-on ${i + 1}`,
    price: 9 + i,
    quantity: 1,
  })),
};

posthog.init(ACCOUNTS.posthog, {
  api_host: 'https://us.i.posthog.com',
  autocapture: false,
  capture_pageview: false,
  disable_session_recording: true,
  disable_surveys: true,
  advanced_disable_flags: true,
  persistence: 'memory',
});

// Page views and sessions on: with them the first upload is over 2 KiB, the size from which the SDK gzips it.
amplitudeInit(ACCOUNTS.amplitude, {
  autocapture: {
    pageViews: true,
    sessions: true,
    attribution: false,
    formInteractions: false,
    fileDownloads: false,
    elementInteractions: false,
  },
  flushIntervalMillis: 500,
  fetchRemoteConfig: false,
});

mixpanel.init(ACCOUNTS.mixpanel, {
  api_host: 'https://api-js.mixpanel.com',
  batch_flush_interval_ms: 500,
  persistence: 'localStorage',
});

const segment = AnalyticsBrowser.load({
  writeKey: ACCOUNTS.segment,
  cdnSettings: { integrations: { 'Segment.io': { apiKey: ACCOUNTS.segment } } },
});

// A first-party collector that does not resolve: --stub-vendors must answer it, since the decoder reads it as Snowplow.
newTracker('sp', 'https://collector.shop.example', {
  appId: ACCOUNTS.snowplow,
  eventMethod: 'post',
  bufferSize: 1,
  stateStorageStrategy: 'none',
});

plausibleInit({ domain: ACCOUNTS.plausible, captureOnLocalhost: true, autoCapturePageviews: false, logging: false });

const rudder = new RudderAnalytics();
rudder.load(ACCOUNTS.rudderstack, 'https://tagwatchfixture.dataplane.rudderstack.com', {
  // The settings the SDK would fetch from api.rudderstack.com/sourceConfig, inline.
  getSourceConfig: () => ({
    source: {
      id: 'src-tagwatch',
      name: 'Tagwatch fixture',
      writeKey: ACCOUNTS.rudderstack,
      workspaceId: 'ws-tagwatch',
      enabled: true,
      config: {},
      destinations: [],
    },
  }),
});

document.querySelector('#trial')!.addEventListener('click', () => {
  posthog.capture(EVENT, PROPS);
  // As posthog-js sends on page exit: a gzipped Blob through sendBeacon, whose body Chromium withholds from webRequest.
  posthog.capture(BEACON_EVENT, PROPS, { transport: 'sendBeacon' });
  amplitudeTrack(EVENT, PROPS);
  mixpanel.track(EVENT, PROPS);
  void segment.track(EVENT, PROPS);
  trackSelfDescribingEvent({ event: { schema: 'iglu:example.shop/trial_started/jsonschema/1-0-0', data: PROPS } });
  // Plausible's custom properties are strings only, by its design.
  plausibleTrack(EVENT, { props: { plan: PROPS.plan } });
  rudder.track(EVENT, PROPS);
});
