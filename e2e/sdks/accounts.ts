// What the SDK fixture page (e2e/sdks/page.ts) sends, shared with the test that checks the audit report.

/** One account per SDK, in the form each vendor issues them: token, API key, write key, app id, site domain. */
export const ACCOUNTS = {
  posthog: 'phc_tagwatchSdkFixture01',
  amplitude: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  mixpanel: '0123456789abcdef0123456789abcdef',
  segment: 'SegWriteKeyTagwatch01',
  snowplow: 'shop-web',
  plausible: 'shop.example',
  rudderstack: '2TagwatchRudderWriteKey01',
} as const;

export type SdkVendor = keyof typeof ACCOUNTS;

/** The custom event every SDK tracks on the click, with `plan: 'pro'` among its properties. */
export const EVENT = 'trial_started';
/** The same, sent by posthog-js through sendBeacon (a gzipped Blob). */
export const BEACON_EVENT = 'trial_started_beacon';
