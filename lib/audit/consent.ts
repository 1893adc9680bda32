import type { StoredHit, StoredSignal } from '../store/types';
import { VENDORS, isVendorId } from '../tags/vendors';

// Tags that fire before the visitor consented. Two kinds of evidence:
// - what the page said (ConsentSignal: its CMP's TCF answer, gtag('consent', …), a banner's state), for every
//   advertising pixel that does not honour Google's Consent Mode: with ad storage denied it must not fire;
// - what a Google hit says about itself (gcs/gcd, decoded into `consent.*` params): Google tags do fire without
//   consent, as cookieless pings (`gcs=G100`) — expected, not a finding — but one that claims ad_storage
//   granted before any consent update was granted on the page's own default, not by the visitor.

/** What the page said about consent at one moment. Supplied by the page hooks. */
export interface ConsentSignal {
  at: number;
  tabId: number;
  source: 'tcf' | 'gcm_default' | 'gcm_update' | 'banner';
  adStorage: 'granted' | 'denied' | 'unknown';
}

export type ConsentRule =
  /** An ad pixel fired while the page said ad storage is denied. */
  | 'ad_pixel_denied'
  /** An ad pixel fired before the page said anything, or while the answer was still open. */
  | 'ad_pixel_before_answer'
  /** A Google hit claimed ad_storage granted while the page said denied. */
  | 'google_granted_while_denied'
  /** A Google hit claimed ad_storage granted before any consent update granted it. */
  | 'google_granted_before_update';

export interface ConsentBreach {
  rule: ConsentRule;
  severity: 'error' | 'warning';
  hit: StoredHit;
}

/** The consent signals the store keeps (page hooks' `consent` events) in the audit's shape. */
export function consentSignals(signals: readonly StoredSignal[]): ConsentSignal[] {
  const out: ConsentSignal[] = [];
  for (const s of signals) {
    if (s.kind !== 'consent') continue;
    out.push({ at: s.at, tabId: s.tabId, source: s.source, adStorage: s.adStorage ?? 'unknown' });
  }
  return out;
}

interface Timeline {
  signals: ConsentSignal[];
}

function latestAtOrBefore(signals: readonly ConsentSignal[], at: number): ConsentSignal | undefined {
  let found: ConsentSignal | undefined;
  for (const s of signals) {
    if (s.at > at) break;
    found = s;
  }
  return found;
}

/** A visitor's yes: an update, a TCF answer or a banner choice, not the page's own default. */
function grantedByVisitor(signals: readonly ConsentSignal[], at: number): boolean {
  for (const s of signals) {
    if (s.at > at) break;
    if (s.adStorage === 'granted' && s.source !== 'gcm_default') return true;
  }
  return false;
}

function adPixelRule(hit: StoredHit, timeline: Timeline | undefined): ConsentBreach | undefined {
  if (!timeline) return undefined; // no signal at all on this tab: nothing to hold the pixel against
  const state = latestAtOrBefore(timeline.signals, hit.at);
  if (state?.adStorage === 'granted') return undefined;
  if (state?.adStorage === 'denied') return { rule: 'ad_pixel_denied', severity: 'error', hit };
  return { rule: 'ad_pixel_before_answer', severity: 'warning', hit };
}

function googleRule(hit: StoredHit, timeline: Timeline | undefined): ConsentBreach | undefined {
  if (hit.params['consent.ad_storage'] !== 'granted') return undefined; // denied: a cookieless ping, as designed
  if (timeline) {
    const state = latestAtOrBefore(timeline.signals, hit.at);
    if (state?.adStorage === 'denied') return { rule: 'google_granted_while_denied', severity: 'error', hit };
    if (!grantedByVisitor(timeline.signals, hit.at)) return { rule: 'google_granted_before_update', severity: 'warning', hit };
    return undefined;
  }
  // No page signals: only the hit's own gcd can tell a default from an update. gcs alone (G111) cannot.
  const byDefault = hit.params['consent.source'] === 'default' ||
    (hit.params['consent.default.ad_storage'] === 'granted' && hit.params['consent.update.ad_storage'] === undefined);
  return byDefault ? { rule: 'google_granted_before_update', severity: 'warning', hit } : undefined;
}

/** Every hit that went out before consent, with the rule it broke. */
export function consentBreaches(hits: readonly StoredHit[], consent: readonly ConsentSignal[] = []): ConsentBreach[] {
  const timelines = new Map<number, Timeline>();
  for (const s of consent) {
    let t = timelines.get(s.tabId);
    if (!t) timelines.set(s.tabId, (t = { signals: [] }));
    t.signals.push(s);
  }
  for (const t of timelines.values()) t.signals.sort((a, b) => a.at - b.at);

  const out: ConsentBreach[] = [];
  for (const hit of hits) {
    // A library load sets nothing by itself, and a blocked request reached no one.
    if (hit.event === 'library_load' || hit.status === 'blocked' || !isVendorId(hit.vendor)) continue;
    const info = VENDORS[hit.vendor];
    const timeline = timelines.get(hit.tabId);
    const breach = info.google ? googleRule(hit, timeline) : info.category === 'advertising' ? adPixelRule(hit, timeline) : undefined;
    if (breach) out.push(breach);
  }
  return out;
}
