import type { Goal } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import { VENDORS, isVendorId, type VendorId } from '../tags/vendors';
import { consentBreaches, type ConsentBreach, type ConsentRule, type ConsentSignal } from './consent';
import { describeExpected } from './match-tag';
import { paramProblems } from './param-checks';
import { scanParam, type PiiEncoding, type PiiKind, type PiiMatch } from './pii';
import type { GoalResult, TagResult, TagStatus } from './reconcile';
import { clock, count, firingWords, listWords, seconds, vendorName } from './words';

export type { ConsentSignal } from './consent';

// The checks a marketer acts on, each a kind of Finding with a sentence that says what happened and what to do.
// Pure: the caller passes the tab's goals, firings, hits, the reconciliation and the consent signals.

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points; every kind fills in what it can. */
interface Where {
  severity: Severity;
  /** Plain words for a marketer; never the personal data itself. */
  message: string;
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
  goalId: string;
  firingId: string;
  vendor: VendorId;
  event?: string;
  at: number;
  /** The reconciliation's reason: what was seen instead. */
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

export interface BeforeConsentFinding extends Where {
  kind: 'before_consent';
  severity: 'error' | 'warning';
  rule: ConsentRule;
  vendor: VendorId;
  hitId: string;
  hits: number;
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
  | InvalidParamsFinding
  | TagWithoutGoalFinding
  | LibraryWithoutHitsFinding;

export type FindingKind = Finding['kind'];

export interface FindingsInput {
  goals: readonly Goal[];
  firings: readonly StoredFiring[];
  hits: readonly StoredHit[];
  results: readonly GoalResult[];
  /** The page's consent signals; without them only what Google hits say about themselves is checked. */
  consent?: readonly ConsentSignal[];
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

function missingTag(result: GoalResult, firing: StoredFiring, tag: TagResult, hits: ReadonlyMap<string, StoredHit>, timeZone: string | undefined): MissingTagFinding | undefined {
  if (tag.status === 'sent') return undefined;
  const { expected } = tag;
  const name = vendorName(expected.vendor);
  const what = expected.event === undefined && describeExpected(expected) === 'any event' ? 'anything' : describeExpected(expected);
  const when = firingWords(result.goal, firing.at, timeZone);
  const hit = tag.hitId ? hits.get(tag.hitId) : undefined;
  const message =
    tag.status === 'missing' ? `${name} did not send ${what} for ${when}.${tag.hint ? ` ${tag.hint}` : ''}`
    : tag.status === 'blocked'
      ? `${name} tried to send ${what} for ${when}, but the request was blocked (${failureDetail(hit)}). ` +
        'Visitors with an ad blocker or strict privacy settings are not counted; if this is your own browser, check again with blockers off.'
      : `${name} sent ${what} for ${when}, but the request failed (${failureDetail(hit)}): the vendor did not record it.`;
  const finding: MissingTagFinding = {
    kind: 'missing_tag', severity: 'error', status: tag.status, message, at: firing.at,
    goalId: result.goal.id, firingId: firing.id, vendor: expected.vendor,
  };
  if (expected.event !== undefined) finding.event = expected.event;
  if (tag.hitId) finding.hitId = tag.hitId;
  if (tag.reason) finding.reason = tag.reason;
  return finding;
}

// ── duplicate_hit ────────────────────────────────────────────────────────────

/** Events that count money or a conversion: counted twice, they inflate what the business pays on. */
const CONVERSION_EVENTS: ReadonlySet<string> = new Set(['purchase', 'Purchase', 'PURCHASE', 'conversion', 'CompletePayment']);

/** Params that tell two legitimate hits of one event apart: two lists, two promotions, two pages of an SPA. */
const DISTINGUISHING = [
  'page_location', 'page_url', 'item_list_id', 'item_list_name', 'promotion_id', 'promotion_name', 'creative_name',
  'creative_slot', 'video_percent', 'percent_scrolled', 'link_url', 'file_name', 'search_term', 'form_id',
  'items.0.item_id', 'content_ids', 'transaction_id', 'conversion_label', 'event_name',
  // Experiments and media: one request reports each flag or campaign a visitor saw, each mbox shown, each heartbeat.
  'feature_flag', 'campaign_id', 'experiment_id', 'mbox', 'view', 'playhead', 'sequence',
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
    const key = [hit.tabId, hit.vendor, hit.event, hit.account ?? '', hit.vendor === 'google-ads' ? hit.params.endpoint ?? '' : ''].join('\u0000');
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(hit);
  }
  const out: DuplicateHitFinding[] = [];
  for (const list of groups.values()) {
    const root = new Map<string, StoredHit>();
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
      const tx = hit.params.transaction_id;
      const conversion = CONVERSION_EVENTS.has(hit.event!);
      const name = vendorName(hit.vendor);
      const gap = seconds(hit.at - prev.at);
      const message = conversion
        ? `${name} sent ${hit.event!} twice within ${gap} at ${clock(hit.at, timeZone)}${tx ? ` for order ${tx}` : ' with no transaction id'}: ` +
          'the conversion is counted twice, inflating conversions and revenue. Make the tag fire once per order' +
          `${tx ? '' : ', and send a transaction id so the vendor can drop repeats'}.`
        : `${name} sent ${hit.event!} twice within ${gap} at ${clock(hit.at, timeZone)}: reports will count it twice. ` +
          'Check that only one tag and one trigger send it.';
      out.push({
        kind: 'duplicate_hit', severity: conversion ? 'error' : 'warning', message, at: hit.at,
        vendor: hit.vendor, event: hit.event!, hitId: hit.id, duplicateOf: first.id,
      });
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

const PII_WORDS: Record<PiiKind, string> = { email: 'an email address', phone: 'a phone number', personal_field: 'personal data' };
const ENCODING_WORDS: Record<PiiEncoding, string> = { raw: '', 'url-encoded': 'URL-encoded ', base64: 'base64-encoded ' };

function piiWords(match: PiiMatch): string {
  if (match.kind === 'personal_field') return `a ${match.field ?? 'personal field'} in clear (${match.sample})`;
  const [article, ...rest] = PII_WORDS[match.kind].split(' ');
  const noun = rest.join(' ');
  return match.encoding === 'raw' ? `${article!} ${noun} (${match.sample})` : `a ${ENCODING_WORDS[match.encoding]}${noun} (${match.sample})`;
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
    const where = spot.location === 'param' ? `the ${spot.param!} parameter` : spot.param ? `the request URL (${spot.param})` : 'the request URL';
    const times = n > 1 ? ` on ${n} hits, first at ${clock(first.at, timeZone)}` : ` at ${clock(first.at, timeZone)}`;
    const finding: PiiFinding = {
      kind: 'pii_in_hit', severity: 'error', at: first.at, vendor: first.vendor, hitId: first.id,
      pii: spot.match.kind, encoding: spot.match.encoding, location: spot.location, hits: n,
      message: `${name} received ${piiWords(spot.match)} in ${where}${times}. Personal data must not reach ${name}: ` +
        'keep it out of page URLs and tag fields, or send it SHA-256 hashed where the vendor asks for it.',
    };
    if (spot.param) finding.param = spot.param;
    return finding;
  });
}

// ── before_consent ───────────────────────────────────────────────────────────

const CONSENT_WORDS: Record<ConsentRule, (name: string) => string> = {
  ad_pixel_denied: (name) => `while the page's consent said ad storage was denied. ${name} must not run until the visitor accepts: let the consent banner gate the tag.`,
  ad_pixel_before_answer: (name) => `before the visitor answered the consent banner. ${name} should wait for the answer: fire it on the consent update, not on page load.`,
  google_granted_while_denied: () => 'claiming ad storage granted while the page\'s consent said denied. Check the Consent Mode update the banner sends.',
  google_granted_before_update: () => 'claiming ad storage granted before the visitor gave consent: the page\'s Consent Mode default grants it. ' +
    'Where consent is required, set the default to denied and grant on the banner\'s update.',
};

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
    const sent = n > 1 ? `${count(n, 'hit')} (${listWords([...events])}), first at ${clock(first.at, timeZone)},` : `${eventName(first.event)} at ${clock(first.at, timeZone)}`;
    return {
      kind: 'before_consent', severity: breach.severity, rule: breach.rule, at: first.at, vendor: first.vendor, hitId: first.id, hits: n,
      message: `${name} sent ${sent} ${CONSENT_WORDS[breach.rule](name)}`,
    };
  });
}

// ── invalid_params ───────────────────────────────────────────────────────────

const PARAM_CONSEQUENCE: Partial<Record<VendorId, string>> = {
  ga4: 'GA4\'s ecommerce reports will miss this revenue or these products.',
  'meta-pixel': 'Meta cannot report or optimise for the purchase value.',
  'google-ads': 'Google Ads reads the value in the account\'s currency, whatever the shop charged.',
};

function invalidParams(hits: readonly StoredHit[], timeZone: string | undefined): InvalidParamsFinding[] {
  const out: InvalidParamsFinding[] = [];
  for (const hit of hits) {
    const problems = paramProblems(hit);
    if (!problems.length) continue;
    const name = vendorName(hit.vendor);
    out.push({
      kind: 'invalid_params', severity: 'warning', at: hit.at, vendor: hit.vendor, event: eventName(hit.event), hitId: hit.id,
      param: problems[0]!.param, problems: problems.map((p) => p.problem),
      message: `${name} sent ${eventName(hit.event)} at ${clock(hit.at, timeZone)} with ${listWords(problems.map((p) => p.problem))}. ${PARAM_CONSEQUENCE[hit.vendor] ?? ''}`.trim(),
    });
  }
  return out;
}

// ── tag_without_goal ─────────────────────────────────────────────────────────

/** Page views and the vendors' own housekeeping: sent on every page, explained by no goal and needing none. */
const ROUTINE_EVENTS: ReadonlySet<string> = new Set([
  'pageview', 'pagevisit', 'pageload', 'page', 'screenview', 'userengagement', 'sessionstart', 'firstvisit',
  // Page views under other vendors' names (Piano `page.display`, Adobe XDM `web.webpagedetails.pageViews`), and the
  // upkeep a vendor sends on its own: recordings, heartbeats, ID requests, per-page data calls, experiment exposures.
  'pagedisplay', 'webwebpagedetailspageviews', 'recording', 'heartbeat', 'ping', 'idrequest', 'eventcall', 'collect',
  'prefetch', 'display', 'impression', 'campaignactivated',
]);

function routine(hit: StoredHit): boolean {
  if (hit.event === undefined || hit.event === 'library_load') return true;
  if (ROUTINE_EVENTS.has(hit.event.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  // An Ads remarketing ping with no gtag event, or with gtag's own config, is the page view of Google Ads.
  if (hit.vendor === 'google-ads' && hit.event === 'remarketing') {
    const inner = hit.params.event_name;
    return inner === undefined || inner.startsWith('gtag.') || ROUTINE_EVENTS.has(inner.toLowerCase().replace(/[^a-z]/g, ''));
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
    (hit.vendor === 'google-ads' && hit.params.event_name !== undefined && events.has(`${hit.vendor}\u0000${hit.params.event_name}`));
}

function tagWithoutGoal(goals: readonly Goal[], hits: readonly StoredHit[], used: ReadonlySet<string>, timeZone: string | undefined): TagWithoutGoalFinding[] {
  const explained = explainedBy(goals);
  const groups = new Map<string, { first: StoredHit; event: string; hits: number }>();
  for (const hit of hits) {
    if (routine(hit) || used.has(hit.id) || explained(hit)) continue;
    // An Ads remarketing ping is named by the gtag event it carries.
    const event = hit.vendor === 'google-ads' && hit.event === 'remarketing' ? hit.params.event_name ?? hit.event : hit.event!;
    const key = `${hit.vendor}\u0000${event}`;
    const group = groups.get(key);
    if (group) group.hits++;
    else groups.set(key, { first: hit, event, hits: 1 });
  }
  return [...groups.values()].map(({ first, event, hits: n }) => ({
    kind: 'tag_without_goal', severity: 'info', at: first.at, vendor: first.vendor, event, hitId: first.id, hits: n,
    message: `${vendorName(first.vendor)} sent ${event} ${n === 1 ? `once (at ${clock(first.at, timeZone)})` : `${n} times (first at ${clock(first.at, timeZone)})`}, ` +
      'but no goal of the plan expects it. If it is a conversion you rely on, add a goal for it.',
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
    else if (isVendorId(hit.vendor) && VENDORS[hit.vendor].category !== 'tag_manager' && !VENDORS[hit.vendor].mayStayQuiet &&
      (hit.status === 'sent' || hit.status === 'pending') && !loads.has(key)) {
      loads.set(key, hit);
    }
  }
  const out: LibraryWithoutHitsFinding[] = [];
  for (const [key, hit] of loads) {
    if (active.has(key)) continue;
    const name = vendorName(hit.vendor);
    out.push({
      kind: 'library_without_hits', severity: 'warning', at: hit.at, vendor: hit.vendor, hitId: hit.id, sessionId: hit.sessionId,
      message: `${name}'s library loaded at ${clock(hit.at, timeZone)}, but the page sent no ${name} hit afterwards: ` +
        'the tag is installed but never fires. Check its init call and triggers, or whether consent held it back.',
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
  const out: Finding[] = [];
  for (const result of results) {
    for (const { firing, tags } of result.firings) {
      for (const tag of tags) {
        if (tag.hitId) used.add(tag.hitId);
        const f = missingTag(result, firing, tag, byId, timeZone);
        if (f) out.push(f);
      }
    }
  }
  out.push(
    ...duplicates(hits, timeZone),
    ...pii(hits, timeZone),
    ...beforeConsent(consentBreaches(hits, input.consent), timeZone),
    ...invalidParams(hits, timeZone),
    ...tagWithoutGoal(goals, hits, used, timeZone),
    ...libraryWithoutHits(hits, timeZone),
  );
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || (a.f.at ?? 0) - (b.f.at ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}
