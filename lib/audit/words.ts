import type { Goal, Trigger } from '../goals/types';
import { isVendorId, VENDORS } from '../tags/vendors';
import type { FindingKind } from './findings';

// The plain words the audit speaks to a marketer: vendor names, durations, clock times, what a trigger was.
// Shared so a reason in the popup and a line in the Markdown report say the same thing the same way.

/** What a marketer calls the vendor: `Meta Pixel`, `Google Analytics 4`. Unknown slugs are shown as they are. */
export function vendorName(vendor: string): string {
  return isVendorId(vendor) ? VENDORS[vendor].name : vendor;
}

/** 2000 → `2 s`, 500 → `0.5 s`, 90000 → `90 s`; 2 → `less than 0.1 s` (not `0 s`: two hits 2 ms apart are not simultaneous). */
export function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return s === 0 && ms > 0 ? 'less than 0.1 s' : `${s} s`;
}

/**
 * `10:42:03` in the given IANA time zone (the viewer's own when absent: a popup shows local time).
 * Reports and tests pass a zone so the words do not depend on the machine that wrote them.
 */
// Building an Intl.DateTimeFormat costs ~0.1 ms; an audit of a busy page formats thousands of times.
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
    FORMATS.set(key, format);
  }
  return format;
}

export function clock(at: number, timeZone?: string): string {
  if (!Number.isFinite(at)) return '??:??:??';
  try {
    return formatFor(timeZone).format(at);
  } catch {
    // An unknown zone name: UTC is still a true time, and says so.
    return `${new Date(at).toISOString().slice(11, 19)} UTC`;
  }
}

/** What happened, as a noun (`the submit`) and as a clause (`the form was submitted`). */
export interface TriggerWords {
  noun: string;
  clause: string;
}

export function triggerWords(trigger: Trigger): TriggerWords {
  switch (trigger.kind) {
    case 'form_submit':
      return { noun: 'the submit', clause: 'the form was submitted' };
    case 'click':
      return { noun: 'the click', clause: trigger.text ? `"${trigger.text}" was clicked` : 'the element was clicked' };
    case 'video':
      return trigger.action === 'play' ? { noun: 'the video play', clause: 'the video started playing' }
        : trigger.action === 'complete' ? { noun: 'the video end', clause: 'the video was watched to the end' }
        : { noun: 'the video progress', clause: `the video reached ${trigger.percent ?? '?'} %` };
    case 'datalayer_event':
      return { noun: `the dataLayer event "${trigger.event}"`, clause: `the page pushed "${trigger.event}" to the dataLayer` };
    case 'page_view':
      return { noun: 'the page view', clause: 'the page was viewed' };
    case 'scroll_depth':
      return { noun: 'the scroll', clause: `the visitor scrolled to ${trigger.percent} %` };
    case 'download':
      return { noun: 'the download click', clause: 'a download link was clicked' };
    case 'outbound_click':
      return { noun: 'the outbound click', clause: 'a link to another site was clicked' };
    case 'site_search':
      return { noun: 'the search', clause: 'a site search was made' };
    case 'element_visible':
      return { noun: 'the element showing', clause: `${trigger.selector} became visible` };
    case 'time_on_page':
      return { noun: `the ${trigger.seconds} s mark`, clause: `the visitor had spent ${trigger.seconds} s on the page` };
  }
}

/** `Newsletter signup (the form was submitted at 10:42:03)`. */
export function firingWords(goal: Goal, at: number, timeZone?: string): string {
  return `"${goal.name}" (${triggerWords(goal.trigger).clause} at ${clock(at, timeZone)})`;
}

/** Names in a list: `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** `1 hit`, `3 hits`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What each kind of finding is called in a heading or a label. */
export const FINDING_KIND_WORDS: Readonly<Record<FindingKind, string>> = {
  missing_tag: 'Missing tag',
  duplicate_hit: 'Duplicate hit',
  pii_in_hit: 'Personal data in a hit',
  before_consent: 'Sent before consent',
  invalid_params: 'Invalid parameters',
  tag_without_goal: 'Tag without a goal',
  library_without_hits: 'Library without hits',
};
