import { describeExpected } from '../audit/match-tag';
import type { GoalResult, TagResult, TagStatus } from '../audit/reconcile';
import { seconds, triggerWords } from '../audit/words';
import { DEFAULT_WINDOW_MS, type ElementInfo, type ExpectedTag, type Goal, type Trigger } from '../goals/types';
import type { StoredFiring, StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { failureReason, plural, vendorName, vendorOwner } from './format';

// The Goals view's rows: one per goal of the plan in force on the page, written for a marketer. Pure: the
// popup passes the reconciliation (lib/audit) and the hits it looked at.

/** A tag's state on a goal row: the reconciliation's status, or `not_fired` while the goal has not fired. */
export type GoalTagState = TagStatus | 'not_fired';

export const STATUS_SYMBOLS: Record<GoalTagState, string> = { sent: '✓', missing: '✗', blocked: '⛔', failed: '⚠', not_fired: '–' };
export const STATUS_WORDS: Record<GoalTagState, string> = { sent: 'sent', missing: 'missing', blocked: 'blocked', failed: 'failed', not_fired: 'expected' };

/** The state a row shows when firings disagree: the one that most needs fixing. */
const WORST: readonly TagStatus[] = ['missing', 'blocked', 'failed', 'sent'];

/** One expected tag of a goal, over all its firings: a chip on the goal's row. */
export interface TagChip {
  vendor: VendorId;
  event?: string;
  /** `Meta Pixel` */
  vendorName: string;
  /** What the plan expects, in words: `Lead`, `add_to_cart (currency = EUR, value set)`, `any event`. */
  expected: string;
  status: GoalTagState;
  symbol: string;
  /** `sent`, `missing`, `missing (1 of 2 sent)`, `expected`. */
  words: string;
}

/** One expected tag for one firing: what happened, in a sentence. */
export interface TagLine {
  vendor: VendorId;
  event?: string;
  vendorName: string;
  status: TagStatus;
  symbol: string;
  /** `Meta Pixel did not send AddToCart within 5 s of the click.` */
  sentence: string;
  /** For a missing tag: what was seen instead (the clue to the fix). */
  hint?: string;
  /** The hit that counted, or the attempt that was blocked or failed. */
  hitId?: string;
  hit?: StoredHit;
  /** True when the Hits view lists the hit (a hit sent as the page unloaded is on the next page). */
  hitShown: boolean;
}

export interface FiringView {
  id: string;
  at: number;
  /** `the form “Subscribe”`, `the button “Add to cart”`, `the dataLayer event “purchase”`. */
  what: string;
  /** A selector a developer can paste into devtools. */
  selector?: string;
  tags: TagLine[];
}

/** tracked: every tag sent for every firing · problem: some were not · no_tags: the goal expects none · not_fired. */
export type GoalState = 'tracked' | 'problem' | 'no_tags' | 'not_fired';

export interface GoalView {
  id: string;
  name: string;
  fired: number;
  /** `fired 2×` or `not triggered yet`. */
  firedWords: string;
  /** When the goal fires: `a form (form#newsletter) with an email field is submitted`. */
  when: string;
  state: GoalState;
  tags: TagChip[];
  /** In time order. */
  firings: FiringView[];
}

function windowOf(goal: Goal): number {
  const w = goal.windowMs;
  return w !== undefined && Number.isFinite(w) && w >= 0 ? w : DEFAULT_WINDOW_MS;
}

const FIELD_WORDS: Record<string, string> = { email: 'an email', tel: 'a phone number', password: 'a password' };

/** When a goal fires, as the end of "Counts when …". */
export function triggerWhen(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'form_submit': {
      const field = trigger.hasField ? ` with ${FIELD_WORDS[trigger.hasField] ?? `a “${trigger.hasField}”`} field` : '';
      return `a form${trigger.selector ? ` (${trigger.selector})` : ''}${field} is submitted`;
    }
    case 'click': {
      const what = trigger.text ? `“${trigger.text}”` : 'an element';
      return `${what}${trigger.selector ? ` (${trigger.selector})` : ''} is clicked`;
    }
    case 'video': {
      const which = trigger.selector ? `the video ${trigger.selector}` : 'a video';
      if (trigger.action === 'play') return `${which} starts playing`;
      if (trigger.action === 'complete') return `${which} is watched to the end`;
      return `${which} is watched to ${trigger.percent ?? '?'} %`;
    }
    case 'datalayer_event':
      return `the page reports “${trigger.event}” to its dataLayer (the list of events the tag manager reads)`;
    case 'page_view':
      return `a page matching ${trigger.url} is viewed`;
    case 'scroll_depth':
      return `the visitor scrolls ${trigger.percent} % down the page`;
    case 'download':
      return trigger.extensions?.length
        ? `a link to a file (${trigger.extensions.join(', ')}) is clicked`
        : 'a link to a document or an archive (PDF, ZIP, …) is clicked';
    case 'outbound_click':
      return trigger.hosts?.length ? `a link to ${trigger.hosts.join(', ')} is clicked` : 'a link to another site is clicked';
    case 'site_search':
      return `the visitor searches the site${trigger.param ? ` (the “${trigger.param}” URL parameter)` : ''}`;
    case 'element_visible':
      return `${trigger.selector} comes into view`;
    case 'time_on_page':
      return `the visitor has spent ${trigger.seconds} s on the page`;
  }
}

const ELEMENT_WORDS: Record<string, string> = { a: 'link', button: 'button', form: 'form', video: 'video', input: 'button', img: 'image', select: 'list' };

function quote(text: string, max = 40): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

/** What fired, in words, and the selector for the developer. */
export function firingWhat(firing: Pick<StoredFiring, 'trigger' | 'element' | 'detail'>): { what: string; selector?: string } {
  const el: ElementInfo | undefined = firing.element;
  const detail = firing.detail ?? {};
  if (el) {
    const noun = ELEMENT_WORDS[el.tag] ?? `${el.tag} element`;
    const name = el.text ? ` ${quote(el.text)}` : el.id ? ` #${el.id}` : '';
    const selector = el.selector ?? `${el.tag}${el.id ? `#${el.id}` : ''}`;
    return { what: `the ${noun}${name}`, selector };
  }
  switch (firing.trigger) {
    case 'datalayer_event':
      return { what: detail.event ? `the dataLayer event ${quote(detail.event)}` : 'a dataLayer event' };
    case 'scroll_depth':
      return { what: detail.percent ? `a scroll to ${detail.percent} %` : 'a scroll' };
    case 'time_on_page':
      return { what: detail.seconds ? `${detail.seconds} s on the page` : 'time on the page' };
    case 'page_view':
      return { what: detail.url ? `the view of ${detail.url}` : 'the page view' };
    case 'video':
      return { what: detail.action ? `the video ${detail.action}${detail.percent ? ` at ${detail.percent} %` : ''}` : 'the video' };
    default:
      return { what: firing.trigger.replace(/_/g, ' ') };
  }
}

/** What the plan expects, as the object of "did not send …": `Lead`, or `anything` for a vendor with no event named. */
function expectedWords(expected: ExpectedTag): string {
  const words = describeExpected(expected);
  return words === 'any event' ? 'anything' : words;
}

function gapWords(hitAt: number, firingAt: number, noun: string): string {
  const gap = hitAt - firingAt;
  // Tags often fire on the same click a few ms before the content script hears of it: that is "with" it.
  if (Math.abs(gap) < 50) return `with ${noun}`;
  return gap > 0 ? `${seconds(gap)} after ${noun}` : `${seconds(-gap)} before ${noun}`;
}

/** The sentence for one expected tag of one firing. */
export function tagSentence(goal: Goal, firing: Pick<StoredFiring, 'at'>, tag: TagResult, hit: StoredHit | undefined): string {
  const name = vendorName(tag.expected.vendor);
  const what = expectedWords(tag.expected);
  const noun = triggerWords(goal.trigger).noun;
  switch (tag.status) {
    case 'sent':
      return `${name} sent ${hit?.event ?? what} ${hit ? gapWords(hit.at, firing.at, noun) : `for ${noun}`}.`;
    case 'missing':
      return `${name} did not send ${what} within ${seconds(windowOf(goal))} of ${noun}.`;
    case 'blocked': {
      const why = hit?.error ? ` (${hit.error})` : '';
      return `${name} tried to send ${what}, but the request was blocked before it reached ${vendorOwner(tag.expected.vendor)}${why}: ` +
        'an ad blocker, the browser\'s privacy settings or another extension stopped it.';
    }
    case 'failed': {
      const why = hit ? failureReason(hit) : undefined;
      return `${name} sent ${what}, but the request failed${why ? ` (${why})` : ''}: ${vendorOwner(tag.expected.vendor)} did not record it.`;
    }
  }
}

function chip(goal: Goal, result: GoalResult, index: number): TagChip {
  const expected = goal.expect![index]!;
  const base = { vendor: expected.vendor, vendorName: vendorName(expected.vendor), expected: describeExpected(expected), ...(expected.event !== undefined ? { event: expected.event } : {}) };
  if (result.fired === 0) return { ...base, status: 'not_fired', symbol: STATUS_SYMBOLS.not_fired, words: STATUS_WORDS.not_fired };
  const statuses = result.firings.map((f) => f.tags[index]?.status ?? 'missing');
  const status = WORST.find((s) => statuses.includes(s)) ?? 'sent';
  const sent = statuses.filter((s) => s === 'sent').length;
  const mixed = sent > 0 && sent < statuses.length ? ` (${sent} of ${statuses.length} sent)` : '';
  return { ...base, status, symbol: STATUS_SYMBOLS[status], words: `${STATUS_WORDS[status]}${mixed}` };
}

function stateOf(result: GoalResult): GoalState {
  if (result.fired === 0) return 'not_fired';
  if (!result.goal.expect?.length) return 'no_tags';
  return result.firings.every((f) => f.tags.every((t) => t.status === 'sent')) ? 'tracked' : 'problem';
}

/**
 * One view per goal: the goals that fired first (in the plan's order), then those that did not. `hits` are the
 * hits the reconciliation looked at, to show the one each tag matched; `shown`, those the Hits view lists.
 */
export function goalViews(results: readonly GoalResult[], hits: readonly StoredHit[], shown: ReadonlySet<string> = new Set(hits.map((h) => h.id))): GoalView[] {
  const byId = new Map(hits.map((h) => [h.id, h]));
  const views = results.map((result): GoalView => {
    const { goal } = result;
    return {
      id: goal.id,
      name: goal.name,
      fired: result.fired,
      firedWords: result.fired > 0 ? `fired ${result.fired}×` : 'not triggered yet',
      when: triggerWhen(goal.trigger),
      state: stateOf(result),
      tags: (goal.expect ?? []).map((_, i) => chip(goal, result, i)),
      firings: result.firings.map(({ firing, tags }) => ({
        id: firing.id,
        at: firing.at,
        ...firingWhat(firing),
        tags: tags.map((tag): TagLine => {
          const hit = tag.hitId ? byId.get(tag.hitId) : undefined;
          return {
            vendor: tag.expected.vendor,
            ...(tag.expected.event !== undefined ? { event: tag.expected.event } : {}),
            vendorName: vendorName(tag.expected.vendor),
            status: tag.status,
            symbol: STATUS_SYMBOLS[tag.status],
            sentence: tagSentence(goal, firing, tag, hit),
            ...(tag.status === 'missing' && tag.hint ? { hint: tag.hint } : {}),
            ...(tag.hitId ? { hitId: tag.hitId } : {}),
            ...(hit ? { hit } : {}),
            hitShown: tag.hitId !== undefined && shown.has(tag.hitId),
          };
        }),
      })),
    };
  });
  return [...views.filter((v) => v.fired > 0), ...views.filter((v) => v.fired === 0)];
}

/** The line above the goals: `3 of 5 goals fired · 1 fully tracked · 2 with tags missing`. */
export function goalsHeadline(views: readonly GoalView[]): string {
  if (views.length === 0) return '';
  const fired = views.filter((v) => v.fired > 0);
  if (fired.length === 0) return `None of the ${plural(views.length, 'goal')} for this page fired yet.`;
  const tracked = fired.filter((v) => v.state === 'tracked').length;
  const problems = fired.filter((v) => v.state === 'problem').length;
  const parts = [`${fired.length} of ${plural(views.length, 'goal')} fired`];
  if (tracked > 0) parts.push(`${tracked} fully tracked`);
  if (problems > 0) parts.push(`${problems} with tags not received`);
  return parts.join(' · ');
}
