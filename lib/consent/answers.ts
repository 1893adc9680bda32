import type { StoredSignal } from '../store/types';
import type { ConsentPurpose } from '../tags/vendors';
import { decodeTcString } from './tc-string';

// The page's answers about consent, from every source a site uses, in one shape: what each said, when, and whether
// it was the page's own default (before the visitor chose) or an answer (the visitor's choice, or the CMP's record
// of an earlier one). The main-world hooks send each source's state as a small JSON text; everything in it is a
// claim of the page, read defensively here, never trusted to have the right types.

/** Where an answer came from. */
export type ConsentSource = 'gcm_default' | 'gcm_update' | 'tcf' | 'onetrust' | 'cookiebot' | 'usercentrics' | 'didomi';

/** Consent Mode's consent types: the registry's purposes and v2's two advertising signals. */
export type GcmType = ConsentPurpose | 'ad_user_data' | 'ad_personalization' | 'security_storage';
export type PurposeState = 'granted' | 'denied';

export interface TcfAnswer {
  gdprApplies: boolean;
  /** `tcloaded` (a stored answer), `useractioncomplete` (the visitor just chose), `cmpuishown` (the banner is up). */
  eventStatus?: string;
  cmpId?: number;
  purposeConsents: number[];
  purposeLegitimateInterests: number[];
  vendorConsents: number[];
  vendorLegitimateInterests: number[];
  /** Why the TC string could not be read: the answer then says nothing. */
  error?: string;
}

export interface ConsentAnswer {
  at: number;
  tabId: number;
  source: ConsentSource;
  kind: 'default' | 'answer';
  /** Per Consent Mode type: what this source says. A type it does not mention is absent. */
  purposes: Partial<Record<GcmType, PurposeState>>;
  /** gtag('consent', 'default', { region: [...] }): the default applies to visitors from these regions only. */
  region?: string[];
  /** gtag's `wait_for_update`: how long Google tags wait for an update before they send, in ms. */
  waitForUpdateMs?: number;
  tcf?: TcfAnswer;
}

const GCM_TYPES: readonly GcmType[] = [
  'ad_storage',
  'analytics_storage',
  'ad_user_data',
  'ad_personalization',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

type Json = Record<string, unknown>;

function parse(data: string | undefined): unknown {
  if (data === undefined) return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

function state(v: unknown): PurposeState | undefined {
  return v === 'granted' || v === 'denied' ? v : undefined;
}

function yes(v: unknown): PurposeState | undefined {
  return v === true ? 'granted' : v === false ? 'denied' : undefined;
}

function stringList(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function set(
  out: Partial<Record<GcmType, PurposeState>>,
  types: readonly GcmType[],
  value: PurposeState | undefined,
): void {
  if (value) for (const t of types) out[t] = value;
}

// ── Google Consent Mode ──────────────────────────────────────────────────────

function gcm(signal: Extract<StoredSignal, { kind: 'consent' }>): Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> {
  const kind = signal.source === 'gcm_default' ? 'default' : 'answer';
  const params = obj(parse(signal.data));
  const purposes: Partial<Record<GcmType, PurposeState>> = {};
  if (!params) {
    // Rows written before the hooks sent the whole command kept the two storage types only.
    set(purposes, ['ad_storage'], signal.adStorage);
    set(purposes, ['analytics_storage'], signal.analyticsStorage);
    return { kind, purposes };
  }
  for (const t of GCM_TYPES) set(purposes, [t], state(params[t]));
  const out: Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> = { kind, purposes };
  const region = stringList(params.region).map((r) => r.toUpperCase());
  if (region.length > 0) out.region = region;
  const wait = Number(params.wait_for_update);
  if (Number.isFinite(wait) && wait > 0) out.waitForUpdateMs = wait;
  return out;
}

// ── IAB TCF ──────────────────────────────────────────────────────────────────

/** What a TC string grants in Consent Mode's words (for the timeline): storage with the purposes each type needs. */
const TCF_FOR_GCM: ReadonlyArray<[GcmType, readonly number[]]> = [
  ['ad_storage', [1, 3, 4]],
  ['ad_personalization', [3, 4]],
  ['analytics_storage', [1, 8]],
  ['personalization_storage', [1, 5, 6]],
];

function tcf(
  signal: Extract<StoredSignal, { kind: 'consent' }>,
): Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> | undefined {
  const d = obj(parse(signal.data));
  if (!d) {
    // An older row: the hooks said only whether purpose 1 was consented.
    const purposes: Partial<Record<GcmType, PurposeState>> = {};
    set(purposes, ['ad_storage'], signal.adStorage);
    return { kind: 'answer', purposes };
  }
  const gdprApplies = d.gdprApplies !== false;
  const eventStatus = typeof d.eventStatus === 'string' ? d.eventStatus.slice(0, 40) : undefined;
  const tcString = typeof d.tcString === 'string' ? d.tcString : '';
  const answer: TcfAnswer = {
    gdprApplies,
    purposeConsents: [],
    purposeLegitimateInterests: [],
    vendorConsents: [],
    vendorLegitimateInterests: [],
  };
  if (eventStatus) answer.eventStatus = eventStatus;
  if (typeof d.cmpId === 'number' && Number.isInteger(d.cmpId)) answer.cmpId = d.cmpId;
  const purposes: Partial<Record<GcmType, PurposeState>> = {};
  if (!gdprApplies) {
    // The CMP says the GDPR does not apply to this visitor: nothing is held back.
    for (const [t] of TCF_FOR_GCM) purposes[t] = 'granted';
    return { kind: 'answer', purposes, tcf: answer };
  }
  if (!tcString) {
    // The banner is up and no earlier answer is stored: nothing answered yet.
    return { kind: 'default', purposes, tcf: answer };
  }
  const decoded = decodeTcString(tcString);
  if (!decoded.ok) return { kind: 'answer', purposes, tcf: { ...answer, error: decoded.error } };
  const { tc } = decoded;
  Object.assign(answer, {
    cmpId: tc.cmpId,
    purposeConsents: tc.purposeConsents,
    purposeLegitimateInterests: tc.purposeLegitimateInterests,
    vendorConsents: tc.vendorConsents,
    vendorLegitimateInterests: tc.vendorLegitimateInterests,
  });
  for (const [t, needs] of TCF_FOR_GCM)
    purposes[t] = needs.every((p) => tc.purposeConsents.includes(p)) ? 'granted' : 'denied';
  return { kind: 'answer', purposes, tcf: answer };
}

// ── The CMPs' own state ──────────────────────────────────────────────────────

/** OneTrust's default cookie categories (its documentation's category ids). Custom groups say nothing. */
const ONETRUST_GROUPS: ReadonlyArray<[string, readonly GcmType[]]> = [
  ['C0002', ['analytics_storage']],
  ['C0003', ['functionality_storage', 'personalization_storage']],
  ['C0004', ['ad_storage', 'ad_user_data', 'ad_personalization']],
];

function onetrust(d: Json): Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> {
  const active = new Set(stringList(d.groups));
  const purposes: Partial<Record<GcmType, PurposeState>> = {};
  // Only a page that uses the standard ids tells us anything: its list always holds C0001 (strictly necessary).
  if (active.has('C0001'))
    for (const [group, types] of ONETRUST_GROUPS) set(purposes, types, active.has(group) ? 'granted' : 'denied');
  return { kind: d.answered === true ? 'answer' : 'default', purposes };
}

function cookiebot(d: Json): Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> {
  const purposes: Partial<Record<GcmType, PurposeState>> = {};
  set(purposes, ['functionality_storage', 'personalization_storage'], yes(d.preferences));
  set(purposes, ['analytics_storage'], yes(d.statistics));
  set(purposes, ['ad_storage', 'ad_user_data', 'ad_personalization'], yes(d.marketing));
  return { kind: d.answered === true ? 'answer' : 'default', purposes };
}

/**
 * Usercentrics: each service's category and consent (`UC_UI.getServicesBaseInfo()`). Categories are the site's
 * own: only "all accepted", "all denied", and the standard marketing / functional categories say something.
 */
function usercentrics(d: Json): Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> {
  const services = Array.isArray(d.services) ? d.services : [];
  const byCategory = new Map<string, boolean[]>();
  for (const s of services) {
    if (!Array.isArray(s) || typeof s[0] !== 'string' || typeof s[1] !== 'boolean') continue;
    const slug = s[0].toLowerCase();
    if (slug === 'essential') continue;
    byCategory.set(slug, [...(byCategory.get(slug) ?? []), s[1]]);
  }
  const all = [...byCategory.values()].flat();
  const purposes: Partial<Record<GcmType, PurposeState>> = {};
  if (all.length > 0 && all.every(Boolean))
    set(
      purposes,
      GCM_TYPES.filter((t) => t !== 'security_storage'),
      'granted',
    );
  else if (all.length > 0 && !all.some(Boolean))
    set(
      purposes,
      GCM_TYPES.filter((t) => t !== 'security_storage'),
      'denied',
    );
  else {
    for (const [slug, consents] of byCategory) {
      const value: PurposeState = consents.every(Boolean) ? 'granted' : 'denied';
      if (slug === 'marketing') set(purposes, ['ad_storage', 'ad_user_data', 'ad_personalization'], value);
      else if (slug === 'functional') set(purposes, ['functionality_storage'], value);
      else if (/analytic|statistic|performance/.test(slug)) set(purposes, ['analytics_storage'], value);
    }
  }
  return { kind: d.answered === true ? 'answer' : 'default', purposes };
}

/** Didomi's standard purpose ids (its TCF-aligned vocabulary) by the Consent Mode type each stands for. */
const DIDOMI_PURPOSES: ReadonlyArray<[GcmType, readonly string[]]> = [
  ['ad_storage', ['select_basic_ads', 'create_ads_profile', 'select_personalized_ads', 'measure_ad_performance']],
  ['analytics_storage', ['measure_content_performance', 'market_research']],
  ['personalization_storage', ['create_content_profile', 'select_personalized_content']],
];

function didomi(d: Json): Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> {
  const enabled = new Set(stringList(d.enabled));
  const disabled = new Set(stringList(d.disabled));
  const purposes: Partial<Record<GcmType, PurposeState>> = {};
  // Device storage ("cookies", TCF purpose 1) refused refuses everything that stores an identifier.
  const storage = disabled.has('cookies') ? 'denied' : undefined;
  for (const [t, ids] of DIDOMI_PURPOSES) {
    const known = ids.filter((id) => enabled.has(id) || disabled.has(id));
    if (known.length === 0) {
      if (storage) purposes[t] = storage;
      continue;
    }
    purposes[t] = storage ?? (known.some((id) => disabled.has(id)) ? 'denied' : 'granted');
  }
  return { kind: d.answered === true ? 'answer' : 'default', purposes };
}

const CMPS = { onetrust, cookiebot, usercentrics, didomi } as const;

/** The consent answers among a tab's page events, oldest first. Unreadable ones are dropped. */
export function consentAnswers(signals: readonly StoredSignal[]): ConsentAnswer[] {
  const out: ConsentAnswer[] = [];
  for (const s of signals) {
    if (s.kind !== 'consent') continue;
    let body: Omit<ConsentAnswer, 'at' | 'tabId' | 'source'> | undefined;
    switch (s.source) {
      case 'gcm_default':
      case 'gcm_update':
        body = gcm(s);
        break;
      case 'tcf':
        body = tcf(s);
        break;
      case 'onetrust':
      case 'cookiebot':
      case 'usercentrics':
      case 'didomi': {
        const d = obj(parse(s.data));
        body = d ? CMPS[s.source](d) : undefined;
        break;
      }
    }
    if (body) out.push({ at: s.at, tabId: s.tabId, source: s.source, ...body });
  }
  return out.sort((a, b) => a.at - b.at);
}
