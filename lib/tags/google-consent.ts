// Google Consent Mode as Google's tags report it on every hit (GA4, Google Ads, Floodlight):
//   gcs=G1xy          x = ad_storage, y = analytics_storage; 1 granted, 0 denied (Google's long-standing format).
//   gcd=13r3r3r3r5l1  Consent Mode v2: two leading digits, then one letter per signal — ad_storage,
//                     analytics_storage, ad_user_data, ad_personalization — each followed by a separator digit.
// The gcd letters are not in Google's reference pages; the table below is the one the measurement community
// (Markus Baersch's Consent Mode v2 write-up and others) documents and that real hits agree with. The tail after
// the fourth letter (`5l1`) has no documented meaning and is left alone.

export type ConsentSignal = 'ad_storage' | 'analytics_storage' | 'ad_user_data' | 'ad_personalization';
export type ConsentChoice = 'granted' | 'denied';
/** 'not_set': the page uses Consent Mode but never set this signal — a v2 signal missing is worth reporting. */
export type ConsentValue = ConsentChoice | 'not_set';

export interface SignalState {
  value: ConsentValue;
  /** What the page declared before the visitor chose (`gtag('consent', 'default', …)`). */
  default?: ConsentChoice;
  /** What the banner said afterwards (`gtag('consent', 'update', …)`). */
  update?: ConsentChoice;
}

/** gcd's signal order. */
export const GCD_SIGNALS: readonly ConsentSignal[] = [
  'ad_storage',
  'analytics_storage',
  'ad_user_data',
  'ad_personalization',
];

// letter → [default, update]; undefined = that command never set the signal.
const GCD_LETTERS: Readonly<Record<string, readonly [ConsentChoice | undefined, ConsentChoice | undefined]>> = {
  l: [undefined, undefined],
  p: ['denied', undefined],
  q: ['denied', 'denied'],
  t: ['granted', undefined],
  r: ['denied', 'granted'],
  m: [undefined, 'denied'],
  n: [undefined, 'granted'],
  u: ['granted', 'denied'],
  v: ['granted', 'granted'],
};

// Compiled once: decoders run on every request of every tab.
const GCD_SHAPE = /^\d\d([a-z])\d([a-z])\d([a-z])\d([a-z])/;

function gcsDigit(ch: string | undefined): ConsentValue | undefined {
  if (ch === '1') return 'granted';
  if (ch === '0') return 'denied';
  if (ch === '-') return 'not_set';
  return undefined;
}

/** `G111` → both granted; anything that is not `G1` + two state characters → undefined. */
export function decodeGcs(
  gcs: string | null | undefined,
): Partial<Record<'ad_storage' | 'analytics_storage', ConsentValue>> | undefined {
  if (!gcs || gcs.length < 4 || !gcs.startsWith('G1')) return undefined;
  const ad = gcsDigit(gcs[2]);
  const analytics = gcsDigit(gcs[3]);
  if (ad === undefined && analytics === undefined) return undefined;
  const out: Partial<Record<'ad_storage' | 'analytics_storage', ConsentValue>> = {};
  if (ad !== undefined) out.ad_storage = ad;
  if (analytics !== undefined) out.analytics_storage = analytics;
  return out;
}

/** `13r3r3l3l5l1` → per signal: its value now, and what the default and update commands said. */
export function decodeGcd(gcd: string | null | undefined): Partial<Record<ConsentSignal, SignalState>> | undefined {
  if (!gcd || gcd.length < 10) return undefined;
  const m = GCD_SHAPE.exec(gcd);
  if (!m) return undefined;
  const out: Partial<Record<ConsentSignal, SignalState>> = {};
  let any = false;
  for (let i = 0; i < GCD_SIGNALS.length; i++) {
    const entry = GCD_LETTERS[m[i + 1]!];
    if (!entry) continue; // a letter Google added later: say nothing rather than guess
    const [byDefault, byUpdate] = entry;
    const state: SignalState = { value: byUpdate ?? byDefault ?? 'not_set' };
    if (byDefault) state.default = byDefault;
    if (byUpdate) state.update = byUpdate;
    out[GCD_SIGNALS[i]!] = state;
    any = true;
  }
  return any ? out : undefined;
}

// Key strings built once: every Google hit writes them.
const VALUE_KEYS = GCD_SIGNALS.map((signal) => `consent.${signal}`);
const DEFAULT_KEYS = GCD_SIGNALS.map((signal) => `consent.default.${signal}`);
const UPDATE_KEYS = GCD_SIGNALS.map((signal) => `consent.update.${signal}`);

/** A page sends the same few gcs/gcd values on every hit: decode each once, then copy the pairs. */
const CACHE_MAX = 256;
const gcdCache = new Map<string, ReadonlyArray<readonly [string, string]>>();
const gcsCache = new Map<string, ReadonlyArray<readonly [string, string]>>();

function remember(
  cache: Map<string, ReadonlyArray<readonly [string, string]>>,
  key: string,
  pairs: ReadonlyArray<readonly [string, string]>,
): void {
  if (key.length > 64) return; // real values are about a dozen characters; garbage is not worth keeping
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, pairs);
}

function gcdPairs(gcd: string): ReadonlyArray<readonly [string, string]> {
  const cached = gcdCache.get(gcd);
  if (cached) return cached;
  const pairs: Array<readonly [string, string]> = [];
  const v2 = decodeGcd(gcd);
  let source: 'default' | 'update' | undefined;
  if (v2) {
    for (let i = 0; i < GCD_SIGNALS.length; i++) {
      const state = v2[GCD_SIGNALS[i]!];
      if (!state) continue;
      pairs.push([VALUE_KEYS[i]!, state.value]);
      if (state.default) pairs.push([DEFAULT_KEYS[i]!, state.default]);
      if (state.update) pairs.push([UPDATE_KEYS[i]!, state.update]);
      if (state.update) source = 'update';
      else if (state.default && source === undefined) source = 'default';
    }
  }
  if (source) pairs.push(['consent.source', source]);
  remember(gcdCache, gcd, pairs);
  return pairs;
}

function gcsPairs(gcs: string): ReadonlyArray<readonly [string, string]> {
  const cached = gcsCache.get(gcs);
  if (cached) return cached;
  const pairs: Array<readonly [string, string]> = [];
  const v1 = decodeGcs(gcs);
  if (v1?.ad_storage) pairs.push([VALUE_KEYS[0]!, v1.ad_storage]);
  if (v1?.analytics_storage) pairs.push([VALUE_KEYS[1]!, v1.analytics_storage]);
  remember(gcsCache, gcs, pairs);
  return pairs;
}

/**
 * Write the readable consent params into `params`:
 *   consent.<signal>          'granted' | 'denied' | 'not_set'
 *   consent.default.<signal>  what the default command said, when gcd tells
 *   consent.update.<signal>   what the update command said, when gcd tells
 *   consent.source            'update' once any signal was updated, 'default' when only defaults were set
 * gcs wins over gcd for the two storage signals it carries: it is the state the tag applied to this very hit.
 */
export function writeConsent(
  params: Record<string, string>,
  gcs: string | null | undefined,
  gcd: string | null | undefined,
): void {
  if (gcd) for (const [key, value] of gcdPairs(gcd)) params[key] = value;
  if (gcs) for (const [key, value] of gcsPairs(gcs)) params[key] = value;
}

/** The readable consent params on their own, for callers that build their params elsewhere. */
export function consentParams(gcs: string | null | undefined, gcd: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  writeConsent(out, gcs, gcd);
  return out;
}

/** Short names of the other consent-related fields Google's tags send, shared by the Google decoders. */
export const GOOGLE_CONSENT_NAMES: Readonly<Record<string, string>> = {
  npa: 'non_personalized_ads',
  gcu: 'consent_updated',
  dma_cps: 'dma_consent_purposes',
};
