import type { Goal } from '../goals/types';
import type { ConsentAnswer, ConsentSource, GcmType } from '../consent/answers';
import { TCF_PURPOSE_NAMES } from '../consent/tc-string';
import type { StoredCookie, StoredFiring, StoredHit } from '../store/types';
import { classifyCookie } from '../tags/cookies';
import { VENDORS, isVendorId, type VendorId } from '../tags/vendors';
import { clock, count, elementWords, expectedObject, listWords, seconds, triggerWords, vendorName } from '../words';
import {
  consentBreaches,
  cookieBreaches,
  type ConsentBreach,
  type ConsentRule,
  type ConsentWhy,
  type CookieBreach,
} from './consent';
import { paramProblems } from './param-checks';
import { scanParam, type PiiEncoding, type PiiKind, type PiiMatch } from './pii';
import type { FunnelStepUntrackedFinding } from './funnels';
import type { FiringResult, GoalResult, MissingClue, TagResult, TagStatus } from './reconcile';

// The checks a marketer acts on, each a kind of Finding with a sentence that says what happened and what to do.
// Pure: the caller passes the tab's goals, firings, hits, the reconciliation and the consent signals.

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points; every kind fills in what it can. */
export interface Where {
  severity: Severity;
  /** Plain words for a marketer; never the personal data itself, never a selector or a pattern. */
  message: string;
  /** What to do, in one line: the popup's next step. */
  todo: string;
  /** For the developer: selectors, patterns, windows, what was seen. */
  detail?: string;
  /** How many times the problem happened on the page (one finding for all of them); 1 when absent. */
  occurrences?: number;
  /** When: the firing's time, or the first hit's. */
  at?: number;
  goalId?: string;
  hitId?: string;
  firingId?: string;
  vendor?: VendorId;
  param?: string;
}

export interface MissingTagFinding extends Where {
  kind: 'missing_tag';
  severity: 'error';
  status: Exclude<TagStatus, 'sent'>;
  /** The goal that owns the actions (the one with the verdict). */
  goalId: string;
  /** Every goal the actions concern: the owner, then the goals that matched the same action. */
  goals: string[];
  /** The owner's firing of the first action with the problem. */
  firingId: string;
  /** The owner's firing of every action with the problem, in time order. */
  firingIds: string[];
  vendor: VendorId;
  event?: string;
  at: number;
  /** The element of the first action, in words: `the “Subscribe” form`. */
  element: string;
  /** Actions with the problem, out of the actions the goal owns on the page: "missing on 3 of 3 clicks". */
  occurrences: number;
  outOf: number;
  /** The reconciliation's reason for the first action: what was seen instead. */
  reason?: string;
}

export interface DuplicateHitFinding extends Where {
  kind: 'duplicate_hit';
  /** error for a purchase or conversion counted twice. */
  severity: 'warning' | 'error';
  vendor: VendorId;
  event: string;
  hitId: string;
  /** The first hit of the run this one repeats. */
  duplicateOf: string;
  at: number;
}

export interface PiiFinding extends Where {
  kind: 'pii_in_hit';
  severity: 'error';
  vendor: VendorId;
  hitId: string;
  pii: PiiKind;
  encoding: PiiEncoding;
  /** In a decoded param, or only visible in the request URL. */
  location: 'param' | 'url';
  /** How many hits of the page carried it (one finding per page, vendor, param and kind). */
  hits: number;
  at: number;
}

/** The consent a finding names: which purpose, in Consent Mode's and the TCF's words, and whose answer. */
interface ConsentFacts {
  /** The Consent Mode purpose denied or unanswered (`ad_storage`, `analytics_storage`, …). */
  purpose?: GcmType;
  /** The TCF purpose the TC string did not allow (1–11). */
  tcfPurpose?: number;
  /** The vendor's IAB Global Vendor List id the TC string did not consent to. */
  tcfVendorId?: number;
  /** The answer that decided (`gcm_update`, `tcf`, `onetrust`, …); absent before the page answered. */
  source?: ConsentSource;
}

export interface BeforeConsentFinding extends Where, ConsentFacts {
  kind: 'before_consent';
  severity: 'error' | 'warning';
  rule: ConsentRule;
  vendor: VendorId;
  hitId: string;
  hits: number;
  at: number;
}

export interface CookieBeforeConsentFinding extends Where, ConsentFacts {
  kind: 'cookie_before_consent';
  severity: 'error' | 'warning';
  /** denied: set while its purpose was denied; before_answer: set before the page answered. */
  rule: 'denied' | 'before_answer';
  vendor: VendorId;
  /** The cookie's name (never its value). */
  cookie: string;
  domain: string;
  purpose: GcmType;
  /** When it was first set. */
  at: number;
}

export interface InvalidParamsFinding extends Where {
  kind: 'invalid_params';
  severity: 'warning';
  vendor: VendorId;
  event: string;
  hitId: string;
  param: string;
  problems: string[];
  at: number;
}

export interface TagWithoutGoalFinding extends Where {
  kind: 'tag_without_goal';
  severity: 'info';
  vendor: VendorId;
  event: string;
  /** The first hit of the group. */
  hitId: string;
  hits: number;
  at: number;
}

export interface LibraryWithoutHitsFinding extends Where {
  kind: 'library_without_hits';
  severity: 'warning';
  vendor: VendorId;
  hitId: string;
  sessionId: string;
  at: number;
}

export type Finding =
  | MissingTagFinding
  | DuplicateHitFinding
  | PiiFinding
  | BeforeConsentFinding
  | CookieBeforeConsentFinding
  | InvalidParamsFinding
  | TagWithoutGoalFinding
  | LibraryWithoutHitsFinding
  | FunnelStepUntrackedFinding;

export type FindingKind = Finding['kind'];

export interface FindingsInput {
  goals: readonly Goal[];
  /** Every goal of the plans, offered here or not: a hit one of them expects is no "tag without a goal". `goals` when absent. */
  knownGoals?: readonly Goal[];
  firings: readonly StoredFiring[];
  hits: readonly StoredHit[];
  results: readonly GoalResult[];
  /** The page's consent answers (lib/consent/answers.ts); without them only what Google hits say about themselves is checked. */
  consent?: readonly ConsentAnswer[];
  /** The cookies set during the visit (names only). */
  cookies?: readonly StoredCookie[];
  /** IANA zone for the times in messages; the viewer's own when absent. */
  timeZone?: string;
}

/** Two hits of the same tag this close together are one action sent twice. */
export const DUPLICATE_WINDOW_MS = 2_000;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function byTime(a: StoredHit, b: StoredHit): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function eventName(event: string | undefined): string {
  return event ?? '(no event)';
}

// ── missing_tag ──────────────────────────────────────────────────────────────

function failureDetail(hit: StoredHit | undefined): string {
  if (!hit) return 'no detail';
  if (hit.status === 'failed' && hit.statusCode !== undefined && hit.statusCode >= 400) return `HTTP ${hit.statusCode}`;
  return hit.error ?? (hit.status === 'blocked' ? 'blocked by the browser or an extension' : 'no answer');
}

/** Clues a marketer acts on (another action took the hit, the right event had wrong details, the tag is slow or absent). */
const TOLD_CLUES: ReadonlySet<MissingClue> = new Set(['elsewhere', 'mismatch', 'late', 'early', 'no_vendor_hit']);

/** One action's problem with one expected tag: the owner's firing, its result, and the goals it concerns. */
interface Problem {
  result: GoalResult;
  firing: FiringResult;
  tag: TagResult;
}

const quoted = (name: string): string => `“${name}”`;

/** `the “Add to cart” button of Desk lamp and the “Add to cart” button of Mug`, at most three named. */
function elementsWords(problems: readonly Problem[]): string {
  const names = [...new Set(problems.map((p) => elementWords(p.firing.firing).what))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : listWords(names);
}

/** The developer's account of one action: the goal, its trigger, the element's selector, the time, the reason. */
function actionDetail(p: Problem, timeZone: string | undefined): string {
  const { goal } = p.result;
  const t = triggerWords(goal.trigger);
  const where = elementWords(p.firing.firing).selector;
  const also = p.firing.alsoMatched.map((m) => quoted(m.goal.name));
  return (
    `Goal ${quoted(goal.name)} (${t.when}${t.detail ? `; ${t.detail}` : ''}) fired at ${clock(p.firing.firing.at, timeZone)}` +
    `${where ? ` on ${where}` : ''}${also.length ? `; also matched ${listWords(also)}` : ''}. ${p.tag.reason ?? ''}`.trimEnd()
  );
}

function missingTags(
  results: readonly GoalResult[],
  hits: ReadonlyMap<string, StoredHit>,
  timeZone: string | undefined,
): MissingTagFinding[] {
  // One finding per goal, expected tag and status on a page: the same problem on three clicks is one problem.
  const groups = new Map<string, Problem[]>();
  const owned = new Map<string, number>();
  for (const result of results) {
    for (const firing of result.firings) {
      if (firing.ownedBy) continue;
      const pageKey = `${firing.firing.sessionId}\u0000${result.goal.id}`;
      owned.set(pageKey, (owned.get(pageKey) ?? 0) + 1);
      firing.tags.forEach((tag, i) => {
        if (tag.status === 'sent') return;
        const key = `${pageKey}\u0000${i}\u0000${tag.status}`;
        let list = groups.get(key);
        if (!list) groups.set(key, (list = []));
        list.push({ result, firing, tag });
      });
    }
  }
  const out: MissingTagFinding[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.firing.firing.at - b.firing.firing.at);
    const first = list[0]!;
    const { goal } = first.result;
    const { expected } = first.tag;
    const status = first.tag.status as Exclude<TagStatus, 'sent'>;
    const outOf = owned.get(`${first.firing.firing.sessionId}\u0000${goal.id}`) ?? list.length;
    const name = vendorName(expected.vendor);
    const what = expectedObject(expected);
    const t = triggerWords(goal.trigger);
    const many = list.length > 1 || outOf > 1;
    const goals = [goal.id, ...new Set(list.flatMap((p) => p.firing.alsoMatched.map((m) => m.goal.id)))];
    const goalNames = [goal.name, ...new Set(list.flatMap((p) => p.firing.alsoMatched.map((m) => m.goal.name)))].map(
      quoted,
    );
    const on = many
      ? `on ${list.length} of ${count(outOf, t.plural.replace(/s$/, ''), t.plural)} for ${quoted(goal.name)} (${elementsWords(list)})`
      : `on ${elementWords(first.firing.firing).what}`;
    const place = `the ${name} ${t.tagPlace[many ? 1 : 0]}`;
    const subject = `${name} ${what}`;
    const hit = first.tag.hitId ? hits.get(first.tag.hitId) : undefined;
    let todo: string;
    let message: string;
    if (status === 'missing') {
      todo =
        expected.event !== undefined
          ? `${subject} is missing ${on}: add the ${expected.event} event to ${place}.`
          : `${name} sent nothing ${on}: check that ${place} fires.`;
      const clue =
        !many && first.tag.clue && TOLD_CLUES.has(first.tag.clue) && first.tag.hint ? ` ${first.tag.hint}` : '';
      const concern =
        goalNames.length > 1
          ? ` It concerns the goals ${listWords(goalNames)}, which matched the same ${t.noun.replace(/^the /, '')}.`
          : '';
      message = `${todo}${clue}${concern}`;
    } else if (status === 'blocked') {
      todo = `${subject} was blocked ${on}: check again with ad blockers off.`;
      message =
        `${subject} was blocked ${on} (${failureDetail(hit)}). ` +
        'Visitors with an ad blocker or strict privacy settings are not counted; if this is your own browser, check again with blockers off.';
    } else {
      todo = `${subject} failed ${on} (${failureDetail(hit)}): check the tag's account and endpoint.`;
      message = `${subject} was sent ${on}, but the request failed (${failureDetail(hit)}): ${name} did not record it. Check the tag's account and endpoint.`;
    }
    const finding: MissingTagFinding = {
      kind: 'missing_tag',
      severity: 'error',
      status,
      message,
      todo,
      at: first.firing.firing.at,
      goalId: goal.id,
      goals,
      firingId: first.firing.firing.id,
      firingIds: list.map((p) => p.firing.firing.id),
      vendor: expected.vendor,
      element: elementWords(first.firing.firing).what,
      occurrences: list.length,
      outOf,
      detail: list.map((p) => actionDetail(p, timeZone)).join('\n'),
    };
    if (expected.event !== undefined) finding.event = expected.event;
    if (first.tag.hitId) finding.hitId = first.tag.hitId;
    if (first.tag.reason) finding.reason = first.tag.reason;
    out.push(finding);
  }
  return out;
}

// ── duplicate_hit ────────────────────────────────────────────────────────────

/** Events that count money or a conversion: counted twice, they inflate what the business pays on. */
const CONVERSION_EVENTS: ReadonlySet<string> = new Set([
  'purchase',
  'Purchase',
  'PURCHASE',
  'conversion',
  'CompletePayment',
]);

/** Params that tell two legitimate hits of one event apart: two lists, two promotions, two pages of an SPA. */
const DISTINGUISHING = [
  'page_location',
  'page_url',
  'item_list_id',
  'item_list_name',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
  'video_percent',
  'percent_scrolled',
  'link_url',
  'file_name',
  'search_term',
  'form_id',
  'items.0.item_id',
  'content_ids',
  'transaction_id',
  'conversion_label',
  'event_name',
  // Experiments and media: one request reports each flag or campaign a visitor saw, each mbox shown, each heartbeat.
  'feature_flag',
  'campaign_id',
  'experiment_id',
  'mbox',
  'view',
  'playhead',
  'sequence',
] as const;

function distinct(a: StoredHit, b: StoredHit): boolean {
  for (const key of DISTINGUISHING) {
    const x = a.params[key];
    const y = b.params[key];
    if (x !== undefined && y !== undefined && x !== y) return true;
  }
  return false;
}

function duplicates(hits: readonly StoredHit[], timeZone: string | undefined): DuplicateHitFinding[] {
  const groups = new Map<string, StoredHit[]>();
  for (const hit of hits) {
    // Only hits that reached the vendor count twice; a blocked try and its retry are one.
    if (hit.event === undefined || hit.event === 'library_load') continue;
    if (hit.status !== 'sent' && hit.status !== 'pending') continue;
    // Google Ads copies a conversion to a first-party endpoint on purpose: each endpoint is its own stream.
    const key = [
      hit.tabId,
      hit.vendor,
      hit.event,
      hit.account ?? '',
      hit.vendor === 'google-ads' ? (hit.params.endpoint ?? '') : '',
    ].join('\u0000');
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(hit);
  }
  const out: DuplicateHitFinding[] = [];
  for (const list of groups.values()) {
    const root = new Map<string, StoredHit>();
    // The repeats of one event on one page are one problem: one finding, counting them.
    const repeats = new Map<string, Array<{ hit: StoredHit; prev: StoredHit; first: StoredHit }>>();
    for (let i = 0; i < list.length; i++) {
      const hit = list[i]!;
      let prev: StoredHit | undefined;
      for (let j = i - 1; j >= 0 && hit.at - list[j]!.at <= DUPLICATE_WINDOW_MS; j--) {
        if (!distinct(hit, list[j]!)) {
          prev = list[j];
          break;
        }
      }
      if (!prev) continue;
      const first = root.get(prev.id) ?? prev;
      root.set(hit.id, first);
      let page = repeats.get(hit.sessionId);
      if (!page) repeats.set(hit.sessionId, (page = []));
      page.push({ hit, prev, first });
    }
    for (const page of repeats.values()) {
      const { hit, prev, first } = page[0]!;
      const n = page.length;
      const tx = hit.params.transaction_id;
      const conversion = CONVERSION_EVENTS.has(hit.event!);
      const name = vendorName(hit.vendor);
      const gap = seconds(hit.at - prev.at);
      const times =
        n > 1 ? ` (${n} repeats on this page, first at ${clock(hit.at, timeZone)})` : ` at ${clock(hit.at, timeZone)}`;
      const message = conversion
        ? `${name} sent ${hit.event!} twice within ${gap}${times}${tx ? ` for order ${tx}` : ' with no transaction id'}: ` +
          'the conversion is counted twice, inflating conversions and revenue. Make the tag fire once per order' +
          `${tx ? '' : ', and send a transaction id so the vendor can drop repeats'}.`
        : `${name} sent ${hit.event!} twice within ${gap}${times}: reports will count it twice. ` +
          'Check that only one tag and one trigger send it.';
      const todo = conversion
        ? `${name} sends ${hit.event!} twice: make the tag fire once per order.`
        : `${name} sends ${hit.event!} twice: make sure only one tag and one trigger send it.`;
      const finding: DuplicateHitFinding = {
        kind: 'duplicate_hit',
        severity: conversion ? 'error' : 'warning',
        message,
        todo,
        at: hit.at,
        vendor: hit.vendor,
        event: hit.event!,
        hitId: hit.id,
        duplicateOf: first.id,
        detail: page
          .map(
            (r) =>
              `${r.hit.id} at ${clock(r.hit.at, timeZone)} repeats ${r.prev.id} (${seconds(r.hit.at - r.prev.at)} earlier)`,
          )
          .join('\n'),
      };
      if (n > 1) finding.occurrences = n;
      out.push(finding);
    }
  }
  return out;
}

// ── pii_in_hit ───────────────────────────────────────────────────────────────

interface PiiSpot {
  location: 'param' | 'url';
  param?: string;
  match: PiiMatch;
}

function urlParts(url: string): Array<[string, string]> {
  try {
    const u = new URL(url);
    const parts: Array<[string, string]> = [['', safePath(u.pathname)]];
    for (const [k, v] of u.searchParams) parts.push([k, v]);
    if (u.hash) parts.push(['', u.hash.slice(1)]);
    return parts;
  } catch {
    return [['', url]];
  }
}

function safePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Personal data in a hit: each param, then the request URL for what the decoded params do not show. */
export function piiInHit(hit: StoredHit): PiiSpot[] {
  const spots: PiiSpot[] = [];
  const kinds = new Set<PiiKind>();
  for (const [key, value] of Object.entries(hit.params)) {
    if (key.startsWith('consent.')) continue;
    const match = scanParam(key, value);
    if (!match) continue;
    spots.push({ location: 'param', param: key, match });
    kinds.add(match.kind);
  }
  for (const [key, value] of urlParts(hit.url)) {
    const match = scanParam(key, value);
    if (!match || kinds.has(match.kind)) continue;
    spots.push(key ? { location: 'url', param: key, match } : { location: 'url', match });
    kinds.add(match.kind);
  }
  return spots;
}

const PII_WORDS: Record<PiiKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  personal_field: 'personal data',
};
const PII_PLURAL: Record<PiiKind, string> = {
  email: 'email addresses',
  phone: 'phone numbers',
  personal_field: 'personal data',
};
const ENCODING_WORDS: Record<PiiEncoding, string> = {
  raw: '',
  'url-encoded': 'URL-encoded ',
  base64: 'base64-encoded ',
};

function piiWords(match: PiiMatch): string {
  if (match.kind === 'personal_field') return `a ${match.field ?? 'personal field'} in clear (${match.sample})`;
  const [article, ...rest] = PII_WORDS[match.kind].split(' ');
  const noun = rest.join(' ');
  return match.encoding === 'raw'
    ? `${article!} ${noun} (${match.sample})`
    : `a ${ENCODING_WORDS[match.encoding]}${noun} (${match.sample})`;
}

function pii(hits: readonly StoredHit[], timeZone: string | undefined): PiiFinding[] {
  const groups = new Map<string, { first: StoredHit; spot: PiiSpot; hits: number }>();
  for (const hit of hits) {
    for (const spot of piiInHit(hit)) {
      const key = [hit.sessionId, hit.vendor, spot.location, spot.param ?? '', spot.match.kind].join('\u0000');
      const group = groups.get(key);
      if (group) group.hits++;
      else groups.set(key, { first: hit, spot, hits: 1 });
    }
  }
  return [...groups.values()].map(({ first, spot, hits: n }) => {
    const name = vendorName(first.vendor);
    const where =
      spot.location === 'param'
        ? `the ${spot.param!} parameter`
        : spot.param
          ? `the request URL (${spot.param})`
          : 'the request URL';
    const times = n > 1 ? ` on ${n} hits, first at ${clock(first.at, timeZone)}` : ` at ${clock(first.at, timeZone)}`;
    const finding: PiiFinding = {
      kind: 'pii_in_hit',
      severity: 'error',
      at: first.at,
      vendor: first.vendor,
      hitId: first.id,
      pii: spot.match.kind,
      encoding: spot.match.encoding,
      location: spot.location,
      hits: n,
      message:
        `${name} received ${piiWords(spot.match)} in ${where}${times}. Personal data must not reach ${name}: ` +
        'keep it out of page URLs and tag fields, or send it SHA-256 hashed where the vendor asks for it.',
      todo: `Stop sending ${PII_PLURAL[spot.match.kind]} to ${name} (${where}).`,
      detail: `${first.id}: ${spot.location === 'param' ? `param ${spot.param!}` : `request URL${spot.param ? ` param ${spot.param}` : ''}`}, ${spot.match.encoding}`,
    };
    if (spot.param) finding.param = spot.param;
    return finding;
  });
}

// ── before_consent ───────────────────────────────────────────────────────────

/** A Consent Mode purpose in a marketer's words, with its name for the developer. */
export function purposeWords(purpose: GcmType): string {
  const words: Record<GcmType, string> = {
    ad_storage: 'advertising',
    analytics_storage: 'analytics',
    functionality_storage: 'functional',
    personalization_storage: 'personalisation',
    ad_user_data: 'advertising user data',
    ad_personalization: 'ad personalisation',
    security_storage: 'security',
  };
  return `${words[purpose]} (${purpose})`;
}

const SOURCE_WORDS: Record<ConsentSource, string> = {
  gcm_default: 'its Consent Mode default',
  gcm_update: 'its Consent Mode update',
  tcf: 'its TCF consent string',
  onetrust: 'OneTrust',
  cookiebot: 'Cookiebot',
  usercentrics: 'Usercentrics',
  didomi: 'Didomi',
};

/** Why, in plain words: "while the visitor's consent for analytics (analytics_storage) was denied (Cookiebot)". */
function consentWhyWords(why: ConsentWhy, state: 'denied' | 'unanswered'): string {
  if (why.tcfVendorId !== undefined)
    return `while the page's TCF consent string did not consent to this vendor (IAB vendor ${why.tcfVendorId})`;
  const by = why.source ? ` (${SOURCE_WORDS[why.source]})` : '';
  if (why.tcfPurpose !== undefined) {
    return (
      `while the page's TCF consent string did not allow purpose ${why.tcfPurpose} (${TCF_PURPOSE_NAMES[why.tcfPurpose] ?? 'unknown purpose'})` +
      (why.purpose ? ` for ${purposeWords(why.purpose)}` : '')
    );
  }
  const what = why.purpose ? `consent for ${purposeWords(why.purpose)}` : 'consent';
  if (state === 'denied') return `while the visitor's ${what} was denied${by}`;
  if (why.regional)
    return `while the page's ${what} depended on the visitor's region (its Consent Mode defaults differ by region) and no answer had come`;
  return `before the page answered for ${why.purpose ? purposeWords(why.purpose) : 'consent'}${by}`;
}

function ruleWords(rule: ConsentRule, name: string, why: ConsentWhy): string {
  switch (rule) {
    case 'ad_pixel_denied':
    case 'purpose_denied':
    case 'tcf_vendor_denied':
      return `${consentWhyWords(why, 'denied')}. ${name} must not run until the visitor accepts: let the consent banner gate the tag.`;
    case 'ad_pixel_before_answer':
    case 'purpose_before_answer':
      return `${consentWhyWords(why, 'unanswered')}. ${name} should wait for the answer: fire it on the consent update, not on page load.`;
    case 'google_granted_while_denied':
      return `claiming ${why.purpose ? purposeWords(why.purpose) : 'storage'} granted while the page's consent said denied. Check the Consent Mode update the banner sends.`;
    case 'google_granted_before_update':
      return (
        `claiming ${why.purpose ? purposeWords(why.purpose) : 'storage'} granted before the visitor gave consent: the page's Consent Mode default grants it. ` +
        "Where consent is required, set the default to denied and grant on the banner's update."
      );
  }
}

/** The popup's next step for a hit held against the page's consent. */
function ruleTodo(rule: ConsentRule, name: string): string {
  switch (rule) {
    case 'ad_pixel_denied':
    case 'purpose_denied':
    case 'tcf_vendor_denied':
      return `${name} fires while its consent is denied: let the consent banner gate it.`;
    case 'ad_pixel_before_answer':
    case 'purpose_before_answer':
      return `${name} fires before consent: let the consent banner gate it.`;
    case 'google_granted_while_denied':
    case 'google_granted_before_update':
      return `${name} claims consent the visitor did not give: check the page's Consent Mode default and update.`;
  }
}

function consentFacts(why: ConsentWhy): ConsentFacts {
  const out: ConsentFacts = {};
  if (why.purpose) out.purpose = why.purpose;
  if (why.tcfPurpose !== undefined) out.tcfPurpose = why.tcfPurpose;
  if (why.tcfVendorId !== undefined) out.tcfVendorId = why.tcfVendorId;
  if (why.source) out.source = why.source;
  return out;
}

function beforeConsent(breaches: readonly ConsentBreach[], timeZone: string | undefined): BeforeConsentFinding[] {
  const groups = new Map<string, { first: StoredHit; breach: ConsentBreach; events: Set<string>; hits: number }>();
  for (const breach of breaches) {
    const key = [breach.hit.sessionId, breach.hit.vendor, breach.rule].join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.hits++;
      group.events.add(eventName(breach.hit.event));
    } else groups.set(key, { first: breach.hit, breach, events: new Set([eventName(breach.hit.event)]), hits: 1 });
  }
  return [...groups.values()].map(({ first, breach, events, hits: n }) => {
    const name = vendorName(first.vendor);
    const sent =
      n > 1
        ? `${count(n, 'hit')} (${listWords([...events])}), first at ${clock(first.at, timeZone)},`
        : `${eventName(first.event)} at ${clock(first.at, timeZone)}`;
    return {
      kind: 'before_consent',
      severity: breach.severity,
      rule: breach.rule,
      at: first.at,
      vendor: first.vendor,
      hitId: first.id,
      hits: n,
      ...consentFacts(breach),
      message: `${name} sent ${sent} ${ruleWords(breach.rule, name, breach)}`,
      todo: ruleTodo(breach.rule, name),
    };
  });
}

// ── cookie_before_consent ────────────────────────────────────────────────────

function cookieBeforeConsent(
  breaches: readonly CookieBreach[],
  timeZone: string | undefined,
): CookieBeforeConsentFinding[] {
  // One finding per cookie of a page: the first time it was set says when.
  const seen = new Set<string>();
  const out: CookieBeforeConsentFinding[] = [];
  for (const b of [...breaches].sort((x, y) => x.cookie.at - y.cookie.at)) {
    const key = [b.cookie.sessionId, b.cookie.name].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const name = vendorName(b.vendor);
    const why = consentWhyWords(b, b.rule === 'denied' ? 'denied' : 'unanswered');
    out.push({
      kind: 'cookie_before_consent',
      severity: b.severity,
      rule: b.rule,
      at: b.cookie.at,
      vendor: b.vendor,
      cookie: b.cookie.name,
      domain: b.cookie.domain,
      ...consentFacts(b),
      purpose: b.purpose,
      message:
        `The ${name} cookie ${b.cookie.name} was set at ${clock(b.cookie.at, timeZone)} ${why}. ` +
        (b.rule === 'denied'
          ? `Nothing may store ${purposeWords(b.purpose)} identifiers once the visitor refuses: hold ${name} back until consent is granted.`
          : `Load ${name} only once the visitor has answered the consent banner.`),
      todo:
        b.rule === 'denied'
          ? `${name} stores ${b.cookie.name} while its consent is denied: hold ${name} back until consent is granted.`
          : `${name} stores ${b.cookie.name} before consent: load it only once the visitor has answered.`,
    });
  }
  return out;
}

// ── invalid_params ───────────────────────────────────────────────────────────

const PARAM_CONSEQUENCE: Partial<Record<VendorId, string>> = {
  ga4: "GA4's ecommerce reports will miss this revenue or these products.",
  'meta-pixel': 'Meta cannot report or optimise for the purchase value.',
  'google-ads': "Google Ads reads the value in the account's currency, whatever the shop charged.",
};

function invalidParams(hits: readonly StoredHit[], timeZone: string | undefined): InvalidParamsFinding[] {
  // The same problem with the same event on one page is one finding, counting the hits.
  const groups = new Map<string, { hit: StoredHit; problems: string[]; param: string; hits: StoredHit[] }>();
  for (const hit of hits) {
    const problems = paramProblems(hit);
    if (!problems.length) continue;
    const words = problems.map((p) => p.problem);
    const key = [hit.sessionId, hit.vendor, eventName(hit.event), ...words].join('\u0000');
    const group = groups.get(key);
    if (group) group.hits.push(hit);
    else groups.set(key, { hit, problems: words, param: problems[0]!.param, hits: [hit] });
  }
  return [...groups.values()].map(({ hit, problems, param, hits: all }) => {
    const name = vendorName(hit.vendor);
    const times =
      all.length > 1
        ? ` on ${all.length} hits (first at ${clock(hit.at, timeZone)})`
        : ` at ${clock(hit.at, timeZone)}`;
    const finding: InvalidParamsFinding = {
      kind: 'invalid_params',
      severity: 'warning',
      at: hit.at,
      vendor: hit.vendor,
      event: eventName(hit.event),
      hitId: hit.id,
      param,
      problems,
      message:
        `${name} sent ${eventName(hit.event)}${times} with ${listWords(problems)}. ${PARAM_CONSEQUENCE[hit.vendor] ?? ''}`.trim(),
      todo: `${name} ${eventName(hit.event)} is sent with ${problems[0]!}: fix the value the tag sends.`,
    };
    if (all.length > 1) finding.occurrences = all.length;
    return finding;
  });
}

// ── tag_without_goal ─────────────────────────────────────────────────────────

/** Page views and the vendors' own housekeeping: sent on every page, explained by no goal and needing none. */
const ROUTINE_EVENTS: ReadonlySet<string> = new Set([
  'pageview',
  'pagevisit',
  'pageload',
  'page',
  'screenview',
  'userengagement',
  'sessionstart',
  'firstvisit',
  // Page views under other vendors' names (Piano `page.display`, Adobe XDM `web.webpagedetails.pageViews`), and the
  // upkeep a vendor sends on its own: recordings, heartbeats, ID requests, per-page data calls, experiment exposures.
  'pagedisplay',
  'webwebpagedetailspageviews',
  'recording',
  'heartbeat',
  'ping',
  'idrequest',
  'eventcall',
  'collect',
  'prefetch',
  'display',
  'impression',
  'campaignactivated',
  // Company and identity look-ups (Demandbase, 6sense, Merkury), a call tracker's number request (Invoca), test
  // exposures (VWO), SDK sessions and profile upkeep (Braze), per-page fires (The Trade Desk, Sklik retargeting,
  // RTB House's home and user tags, Spotify's `view` and its image pixel's `init`).
  'iplookup',
  'companydetails',
  'apageload',
  'identitysync',
  'numberrequest',
  'variationshown',
  'vwovariationshown',
  'sessionend',
  'setattributes',
  'universalpixel',
  'retargeting',
  'home',
  'uid',
  'view',
  'init',
]);

function routine(hit: StoredHit): boolean {
  if (hit.event === undefined || hit.event === 'library_load') return true;
  if (ROUTINE_EVENTS.has(hit.event.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  // An Ads remarketing ping with no gtag event, or with gtag's own config, is the page view of Google Ads.
  if (hit.vendor === 'google-ads' && hit.event === 'remarketing') {
    const inner = hit.params.event_name;
    return (
      inner === undefined || inner.startsWith('gtag.') || ROUTINE_EVENTS.has(inner.toLowerCase().replace(/[^a-z]/g, ''))
    );
  }
  return false;
}

function explainedBy(goals: readonly Goal[]): (hit: StoredHit) => boolean {
  const anyEvent = new Set<string>();
  const events = new Set<string>();
  for (const goal of goals) {
    for (const e of goal.expect ?? []) {
      if (e.event === undefined) anyEvent.add(e.vendor);
      else events.add(`${e.vendor}\u0000${e.event}`);
    }
  }
  return (hit) =>
    anyEvent.has(hit.vendor) ||
    events.has(`${hit.vendor}\u0000${hit.event ?? ''}`) ||
    (hit.vendor === 'google-ads' &&
      hit.params.event_name !== undefined &&
      events.has(`${hit.vendor}\u0000${hit.params.event_name}`));
}

function tagWithoutGoal(
  goals: readonly Goal[],
  hits: readonly StoredHit[],
  used: ReadonlySet<string>,
  timeZone: string | undefined,
): TagWithoutGoalFinding[] {
  const explained = explainedBy(goals);
  const groups = new Map<string, { first: StoredHit; event: string; hits: number }>();
  for (const hit of hits) {
    if (routine(hit) || used.has(hit.id) || explained(hit)) continue;
    // An Ads remarketing ping is named by the gtag event it carries.
    const event =
      hit.vendor === 'google-ads' && hit.event === 'remarketing' ? (hit.params.event_name ?? hit.event) : hit.event!;
    const key = `${hit.vendor}\u0000${event}`;
    const group = groups.get(key);
    if (group) group.hits++;
    else groups.set(key, { first: hit, event, hits: 1 });
  }
  return [...groups.values()].map(({ first, event, hits: n }) => ({
    kind: 'tag_without_goal',
    severity: 'info',
    at: first.at,
    vendor: first.vendor,
    event,
    hitId: first.id,
    hits: n,
    message:
      `${vendorName(first.vendor)} sent ${event} ${n === 1 ? `once (at ${clock(first.at, timeZone)})` : `${n} times (first at ${clock(first.at, timeZone)})`}, ` +
      'but no goal of the plan expects it. If it is a conversion you rely on, add a goal for it.',
    todo: `If you rely on ${vendorName(first.vendor)} ${event}, add a goal for it.`,
  }));
}

// ── library_without_hits ─────────────────────────────────────────────────────

function libraryWithoutHits(hits: readonly StoredHit[], timeZone: string | undefined): LibraryWithoutHitsFinding[] {
  const loads = new Map<string, StoredHit>();
  const active = new Set<string>();
  for (const hit of hits) {
    const key = `${hit.sessionId}\u0000${hit.vendor}`;
    if (hit.event !== 'library_load') active.add(key);
    // A tag manager sends nothing of its own, and some tools rightly stay quiet on most pages (an experiment or
    // snapshot that does not target the page, a batch timer the visit does not outlast); a library that did not
    // load is not "loaded without hits".
    else if (
      isVendorId(hit.vendor) &&
      VENDORS[hit.vendor].category !== 'tag_manager' &&
      !VENDORS[hit.vendor].mayStayQuiet &&
      (hit.status === 'sent' || hit.status === 'pending') &&
      !loads.has(key)
    ) {
      loads.set(key, hit);
    }
  }
  const out: LibraryWithoutHitsFinding[] = [];
  for (const [key, hit] of loads) {
    if (active.has(key)) continue;
    const name = vendorName(hit.vendor);
    out.push({
      kind: 'library_without_hits',
      severity: 'warning',
      at: hit.at,
      vendor: hit.vendor,
      hitId: hit.id,
      sessionId: hit.sessionId,
      message:
        `${name}'s library loaded at ${clock(hit.at, timeZone)}, but the page sent no ${name} hit afterwards: ` +
        'the tag is installed but never fires. Check its init call and triggers, or whether consent held it back.',
      todo: `${name} loads but never sends: check its init call and triggers.`,
    });
  }
  return out;
}

// ── all together ─────────────────────────────────────────────────────────────

/** Every finding of a tab's audit, errors first, then by time. */
export function findings(input: FindingsInput): Finding[] {
  const { goals, hits: unsorted, results, timeZone } = input;
  const hits = unsorted.slice().sort(byTime);
  const byId = new Map(hits.map((h) => [h.id, h]));
  const used = new Set<string>();
  for (const result of results)
    for (const { tags } of result.firings) for (const tag of tags) if (tag.hitId) used.add(tag.hitId);
  const out: Finding[] = [
    ...missingTags(results, byId, timeZone),
    ...duplicates(hits, timeZone),
    ...pii(hits, timeZone),
    ...beforeConsent(consentBreaches(hits, input.consent), timeZone),
    ...cookieBeforeConsent(cookieBreaches(input.cookies ?? [], input.consent ?? [], classifyCookie, hits), timeZone),
    ...invalidParams(hits, timeZone),
    ...tagWithoutGoal(input.knownGoals ?? goals, hits, used, timeZone),
    ...libraryWithoutHits(hits, timeZone),
  ];
  return out
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || (a.f.at ?? 0) - (b.f.at ?? 0) || a.i - b.i,
    )
    .map(({ f }) => f);
}
