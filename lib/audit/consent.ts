import type { ConsentAnswer, ConsentSource, GcmType } from '../consent/answers';
import { LI_PURPOSES } from '../consent/tc-string';
import type { StoredCookie, StoredHit } from '../store/types';
import { VENDORS, isVendorId, type ConsentPurpose, type VendorId } from '../tags/vendors';

// What fired, and what was stored, before the visitor consented. Two kinds of evidence:
// - the page's answers (lib/consent/answers.ts: Consent Mode commands, the TCF API's TC string, the CMPs' own
//   state), against the purposes each vendor needs (the registry): a hit or a cookie whose purpose was denied is an
//   error, one sent before the page answered at all a warning;
// - what a Google hit says about itself (gcs/gcd, decoded into `consent.*` params): Google tags do fire without
//   consent, as cookieless pings (`gcs=G100`) — expected, not a finding — but one that claims a purpose granted
//   before any answer granted it was granted by the page's own default, not by the visitor.

export type ConsentRule =
  /** An advertising tag fired while the page said ad storage is denied. */
  | 'ad_pixel_denied'
  /** An advertising tag fired before the page answered, or while the answer was still open. */
  | 'ad_pixel_before_answer'
  /** Any other tag (analytics, session recording, testing…) fired while a purpose it needs was denied. */
  | 'purpose_denied'
  /** …or before the page answered for that purpose. */
  | 'purpose_before_answer'
  /** The TC string in force does not consent to the vendor's IAB vendor id. */
  | 'tcf_vendor_denied'
  /** A Google hit claimed a purpose granted while the page said denied. */
  | 'google_granted_while_denied'
  /** A Google hit claimed a purpose granted before any answer granted it. */
  | 'google_granted_before_update';

/** What a hit or a cookie needs: the registry's purposes, in Consent Mode's and in the TCF's words. */
export interface ConsentNeed {
  purposes: readonly GcmType[];
  tcfPurposes: readonly number[];
  tcfVendorId?: number;
}

/** Why something was held against the page's answers. */
export interface ConsentWhy {
  /** The Consent Mode purpose that was denied or unanswered. */
  purpose?: GcmType;
  /** The TCF purpose the TC string did not allow. */
  tcfPurpose?: number;
  /** The vendor's IAB id the TC string did not consent to. */
  tcfVendorId?: number;
  /** The answer that decided: absent when the page had not answered yet. */
  source?: ConsentSource;
  /** Region-specific defaults disagreed and the visitor's region could not be told. */
  regional?: true;
}

export interface ConsentBreach extends ConsentWhy {
  rule: ConsentRule;
  severity: 'error' | 'warning';
  hit: StoredHit;
}

export interface CookieBreach extends ConsentWhy {
  /** denied: set while its purpose was denied; before_answer: set before the page answered. */
  rule: 'denied' | 'before_answer';
  severity: 'error' | 'warning';
  cookie: StoredCookie;
  vendor: VendorId;
  purpose: GcmType;
}

type Verdict = { state: 'granted' } | ({ state: 'denied' | 'unanswered' } & ConsentWhy);

export function vendorNeed(vendor: VendorId): ConsentNeed {
  const info = VENDORS[vendor];
  return {
    purposes: info.purposes,
    tcfPurposes: info.tcfPurposes,
    ...(info.tcfVendorId !== undefined ? { tcfVendorId: info.tcfVendorId } : {}),
  };
}

/** What one answer says of a need; undefined when it says nothing about it. */
function judge(answer: ConsentAnswer, need: ConsentNeed): Verdict | undefined {
  const { tcf } = answer;
  if (tcf) {
    if (tcf.error || need.tcfPurposes.length === 0) return undefined;
    if (!tcf.gdprApplies) return { state: 'granted' };
    if (answer.kind === 'default')
      return { state: 'unanswered', source: 'tcf', ...(need.purposes[0] ? { purpose: need.purposes[0] } : {}) };
    for (const p of need.tcfPurposes) {
      const allowed =
        tcf.purposeConsents.includes(p) || (LI_PURPOSES.has(p) && tcf.purposeLegitimateInterests.includes(p));
      if (!allowed)
        return {
          state: 'denied',
          source: 'tcf',
          tcfPurpose: p,
          ...(need.purposes[0] ? { purpose: need.purposes[0] } : {}),
        };
    }
    return { state: 'granted' };
  }
  let mentioned = false;
  for (const p of need.purposes) {
    const s = answer.purposes[p];
    if (s === 'denied') return { state: 'denied', purpose: p, source: answer.source };
    if (s === 'granted') mentioned = true;
  }
  return mentioned ? { state: 'granted' } : undefined;
}

/** The TC string in force at `at` refuses the vendor itself (its GVL id neither consented nor under legitimate interest). */
function vendorRefused(answers: readonly ConsentAnswer[], need: ConsentNeed, at: number): boolean {
  if (need.tcfVendorId === undefined) return false;
  let latest: ConsentAnswer | undefined;
  for (const a of answers) {
    if (a.at > at) break;
    if (a.tcf && a.kind === 'answer' && !a.tcf.error) latest = a;
  }
  const tcf = latest?.tcf;
  if (!tcf?.gdprApplies) return false;
  return !tcf.vendorConsents.includes(need.tcfVendorId) && !tcf.vendorLegitimateInterests.includes(need.tcfVendorId);
}

/**
 * The page's consent for `need` at `at`: the latest answer that speaks of it wins (the visitor's choice, or a CMP's
 * record of an earlier one); before any answer, the page's defaults (a denied default denies); before anything was
 * said, `unanswered` if the page speaks of it later. Undefined when the page never says anything about it.
 * `applied`: the defaults Google's own hits say were applied to this visitor (gcd), which settle region-specific ones.
 */
export function verdictAt(
  answers: readonly ConsentAnswer[],
  need: ConsentNeed,
  at: number,
  applied: Partial<Record<GcmType, 'granted' | 'denied'>> = {},
): Verdict | undefined {
  const before: ConsentAnswer[] = [];
  for (const a of answers) if (a.at <= at) before.push(a);
  for (let i = before.length - 1; i >= 0; i--) {
    const a = before[i]!;
    if (a.kind !== 'answer') continue;
    const v = judge(a, need);
    if (v) return v;
  }
  const judged = before
    .filter((a) => a.kind === 'default')
    .map((a) => [a, judge(a, need)] as const)
    .filter((x): x is readonly [ConsentAnswer, Verdict] => x[1] !== undefined);
  if (judged.length > 0) {
    const global = judged.filter(([a]) => !a.region);
    const regional = judged.filter(([a]) => a.region);
    const states = new Set(judged.map(([, v]) => v.state));
    if (regional.length > 0 && states.size > 1) {
      // Defaults differ by region, and which applies depends on where the visitor is. Google's hits say which
      // default their tags applied; without one, the state is open.
      const said = need.purposes.map((p) => applied[p]).filter((s) => s !== undefined);
      if (said.length > 0) {
        const denied = need.purposes.find((p) => applied[p] === 'denied');
        return denied ? { state: 'denied', purpose: denied, source: 'gcm_default' } : { state: 'granted' };
      }
      return { state: 'unanswered', regional: true, ...(need.purposes[0] ? { purpose: need.purposes[0] } : {}) };
    }
    const pool = global.length > 0 ? global : regional;
    const denied = pool.findLast(([, v]) => v.state === 'denied');
    if (denied) return denied[1];
    const open = pool.findLast(([, v]) => v.state === 'unanswered');
    if (open) return open[1];
    return { state: 'granted' };
  }
  // Nothing said yet: a hit before the page said anything is before its answer, if it ever answers.
  for (const a of answers) {
    if (a.at <= at) continue;
    if (judge(a, need)) return { state: 'unanswered', ...(need.purposes[0] ? { purpose: need.purposes[0] } : {}) };
  }
  return undefined;
}

/** The Consent Mode defaults Google's hits on the tab say their tags applied (gcd), per type. */
function appliedDefaults(hits: readonly StoredHit[]): Map<number, Partial<Record<GcmType, 'granted' | 'denied'>>> {
  const out = new Map<number, Partial<Record<GcmType, 'granted' | 'denied'>>>();
  for (const hit of hits) {
    for (const [key, value] of Object.entries(hit.params)) {
      if (!key.startsWith('consent.default.') || (value !== 'granted' && value !== 'denied')) continue;
      let tab = out.get(hit.tabId);
      if (!tab) out.set(hit.tabId, (tab = {}));
      tab[key.slice('consent.default.'.length) as GcmType] ??= value;
    }
  }
  return out;
}

function byTab(answers: readonly ConsentAnswer[]): Map<number, ConsentAnswer[]> {
  const out = new Map<number, ConsentAnswer[]>();
  for (const a of answers) {
    let list = out.get(a.tabId);
    if (!list) out.set(a.tabId, (list = []));
    list.push(a);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

/** The latest state any answer gave Consent Mode type `t` at `at`, visitor answers over defaults. */
function typeStateAt(
  answers: readonly ConsentAnswer[],
  t: GcmType,
  at: number,
): { state: 'granted' | 'denied'; byVisitor: boolean } | undefined {
  let answer: 'granted' | 'denied' | undefined;
  let byDefault: 'granted' | 'denied' | undefined;
  for (const a of answers) {
    if (a.at > at) break;
    const s = a.purposes[t];
    if (!s) continue;
    if (a.kind === 'answer') answer = s;
    else if (!a.region) byDefault = byDefault === 'denied' ? 'denied' : s;
  }
  if (answer) return { state: answer, byVisitor: true };
  return byDefault ? { state: byDefault, byVisitor: false } : undefined;
}

function googleRule(
  hit: StoredHit,
  answers: readonly ConsentAnswer[] | undefined,
  purposes: readonly ConsentPurpose[],
): ConsentBreach | undefined {
  const types = [...new Set<GcmType>(['ad_storage', ...purposes])];
  for (const t of types) {
    if (hit.params[`consent.${t}`] !== 'granted') continue; // denied: a cookieless ping, as designed
    if (answers) {
      const s = typeStateAt(answers, t, hit.at);
      if (s?.state === 'denied') return { rule: 'google_granted_while_denied', severity: 'error', hit, purpose: t };
      if (!s?.byVisitor) return { rule: 'google_granted_before_update', severity: 'warning', hit, purpose: t };
      continue;
    }
    // No page answers: only the hit's own gcd can tell a default from an update. gcs alone (G111) cannot.
    const byDefault =
      hit.params['consent.source'] === 'default' ||
      (hit.params[`consent.default.${t}`] === 'granted' && hit.params[`consent.update.${t}`] === undefined);
    if (byDefault) return { rule: 'google_granted_before_update', severity: 'warning', hit, purpose: t };
  }
  return undefined;
}

function why(v: ConsentWhy): ConsentWhy {
  const out: ConsentWhy = {};
  if (v.purpose) out.purpose = v.purpose;
  if (v.tcfPurpose !== undefined) out.tcfPurpose = v.tcfPurpose;
  if (v.tcfVendorId !== undefined) out.tcfVendorId = v.tcfVendorId;
  if (v.source) out.source = v.source;
  if (v.regional) out.regional = true;
  return out;
}

/** Every hit that went out before consent, with the rule it broke. */
export function consentBreaches(hits: readonly StoredHit[], answers: readonly ConsentAnswer[] = []): ConsentBreach[] {
  const timelines = byTab(answers);
  const applied = appliedDefaults(hits);
  const out: ConsentBreach[] = [];
  for (const hit of hits) {
    // A library load sets nothing by itself, and a blocked request reached no one.
    if (hit.event === 'library_load' || hit.status === 'blocked' || !isVendorId(hit.vendor)) continue;
    const info = VENDORS[hit.vendor];
    const timeline = timelines.get(hit.tabId);
    if (info.google) {
      const breach = googleRule(hit, timeline, info.purposes);
      if (breach) out.push(breach);
      continue;
    }
    if (!timeline || info.purposes.length === 0) continue;
    const need = vendorNeed(hit.vendor);
    const verdict = verdictAt(timeline, need, hit.at, applied.get(hit.tabId));
    const ad = info.category === 'advertising';
    if (verdict?.state === 'denied')
      out.push({ rule: ad ? 'ad_pixel_denied' : 'purpose_denied', severity: 'error', hit, ...why(verdict) });
    else if (verdict?.state === 'unanswered')
      out.push({
        rule: ad ? 'ad_pixel_before_answer' : 'purpose_before_answer',
        severity: 'warning',
        hit,
        ...why(verdict),
      });
    else if (vendorRefused(timeline, need, hit.at)) {
      out.push({
        rule: 'tcf_vendor_denied',
        severity: 'error',
        hit,
        tcfVendorId: need.tcfVendorId!,
        source: 'tcf',
        ...(need.purposes[0] ? { purpose: need.purposes[0] } : {}),
      });
    }
  }
  return out;
}

/**
 * Every tracking cookie set before consent: a cookie needs device storage (TCF purpose 1) and the Consent Mode
 * purpose its vendor sets it for. `classify` names a cookie's vendor and purpose (lib/tags/cookies.ts).
 */
export function cookieBreaches(
  cookies: readonly StoredCookie[],
  answers: readonly ConsentAnswer[],
  classify: (name: string) => { vendor: VendorId; purpose: ConsentPurpose } | undefined,
  hits: readonly StoredHit[] = [],
): CookieBreach[] {
  const timelines = byTab(answers);
  const applied = appliedDefaults(hits);
  const out: CookieBreach[] = [];
  for (const cookie of cookies) {
    const known = classify(cookie.name);
    const timeline = timelines.get(cookie.tabId);
    if (!known || !timeline) continue;
    const vendorId = VENDORS[known.vendor].tcfVendorId;
    const need: ConsentNeed = {
      purposes: [known.purpose],
      tcfPurposes: [1],
      ...(vendorId !== undefined ? { tcfVendorId: vendorId } : {}),
    };
    const verdict = verdictAt(timeline, need, cookie.at, applied.get(cookie.tabId));
    const base = { cookie, vendor: known.vendor, purpose: known.purpose };
    if (verdict?.state === 'denied')
      out.push({ ...base, rule: 'denied', severity: 'error', ...why(verdict), purpose: known.purpose });
    else if (verdict?.state === 'unanswered')
      out.push({ ...base, rule: 'before_answer', severity: 'warning', ...why(verdict), purpose: known.purpose });
    else if (vendorRefused(timeline, need, cookie.at))
      out.push({ ...base, rule: 'denied', severity: 'error', source: 'tcf', tcfVendorId: vendorId! });
  }
  return out;
}
