import { DEFAULT_SEARCH_PARAMS } from '../goals/match';
import type { ExpectedTag, GoalCategory, ParamRule, Trigger, TriggerKind } from '../goals/types';
import { VENDORS, type VendorId } from '../tags/vendors';

// A plan in the words of the marketer reading it: "Form submitted with an email field", "GA4 sign_up,
// Meta Pixel Lead". Used by the plan list and the goal form.

export const CATEGORY_LABELS: Readonly<Record<GoalCategory, string>> = {
  engagement: 'Engagement',
  navigation: 'Navigation',
  interaction: 'Interaction',
  trust: 'Trust',
  macro: 'Conversion (macro)',
};

/** What each trigger kind means, for the kind picker. */
export const TRIGGER_LABELS: Readonly<Record<TriggerKind, string>> = {
  form_submit: 'A form is submitted',
  click: 'A button or link is clicked',
  video: 'A video plays',
  datalayer_event: 'A dataLayer event is pushed',
  page_view: 'A page is viewed',
  scroll_depth: 'The page is scrolled',
  download: 'A file is downloaded',
  outbound_click: 'A link to another site is clicked',
  site_search: 'The site search is used',
  element_visible: 'An element comes into view',
  time_on_page: 'Time spent on the page',
};

/** The names marketers use in conversation; the full names are in VENDORS. */
const SHORT_NAMES: Partial<Record<VendorId, string>> = {
  ga4: 'GA4',
  'universal-analytics': 'Universal Analytics',
  gtm: 'GTM',
  'microsoft-uet': 'Microsoft Ads',
  floodlight: 'Floodlight',
  linkedin: 'LinkedIn',
  x: 'X Pixel',
};

export function vendorShortName(vendor: VendorId): string {
  return SHORT_NAMES[vendor] ?? VENDORS[vendor].name;
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  email: 'an email field',
  'e-mail': 'an email field',
  mail: 'an email field',
  tel: 'a phone field',
  phone: 'a phone field',
  password: 'a password field',
  'new-password': 'a new password (a signup)',
};

const q = (s: string): string => `"${s}"`;

function duration(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** The trigger in plain words. */
export function describeTrigger(t: Trigger): string {
  switch (t.kind) {
    case 'form_submit': {
      const field = t.hasField === undefined ? '' : ` with ${FIELD_WORDS[t.hasField.toLowerCase()] ?? `a field named ${q(t.hasField)}`}`;
      return `Form submitted${field}${t.selector ? ` (form matching ${t.selector})` : ''}`;
    }
    case 'click':
      if (t.selector && t.text) return `Click on ${t.selector} reading ${q(t.text)}`;
      return t.text ? `Click on ${q(t.text)}` : `Click on ${t.selector ?? 'anything'}`;
    case 'video': {
      const which = t.selector ? ` (${t.selector})` : '';
      if (t.action === 'play') return `Video starts playing${which}`;
      if (t.action === 'complete') return `Video watched to the end${which}`;
      return t.percent === undefined ? `Video progress${which}` : `Video watched to ${t.percent} %${which}`;
    }
    case 'datalayer_event':
      return `dataLayer event ${q(t.event)}`;
    case 'page_view':
      return `Page viewed whose address matches ${t.url}`;
    case 'scroll_depth':
      return `Page scrolled to ${t.percent} %`;
    case 'download':
      return t.extensions ? `File downloaded (${t.extensions.join(', ')})` : 'File downloaded (documents, archives, media)';
    case 'outbound_click':
      return t.hosts ? `Link to ${orList(t.hosts)} clicked` : 'Link to another site clicked';
    case 'site_search': {
      const params = t.param !== undefined ? t.param.split(',').map((p) => p.trim()).filter(Boolean) : [...DEFAULT_SEARCH_PARAMS];
      return `Site search (the address has ${orList(params.map((p) => `?${p}=`))})`;
    }
    case 'element_visible':
      return `${t.selector} comes into view`;
    case 'time_on_page':
      return `${duration(t.seconds)} on the page`;
  }
}

function describeRule(name: string, rule: ParamRule): string {
  if (typeof rule === 'string') return `${name}=${rule}`;
  if ('equals' in rule) return `${name}=${rule.equals}`;
  if ('regex' in rule) return `${name} matching /${rule.regex}/`;
  return rule.exists ? `with ${name}` : `without ${name}`;
}

/** One expected tag: `GA4 purchase (with currency, value)`, `Meta Pixel Lead on 1234567890`. */
export function describeTag(tag: ExpectedTag): string {
  let out = `${vendorShortName(tag.vendor)} ${tag.event ?? '(any event)'}`;
  if (tag.account) out += ` on ${tag.account}`;
  const params = Object.entries(tag.params ?? {});
  if (params.length > 0) out += ` (${params.map(([n, r]) => describeRule(n, r)).join(', ')})`;
  return out;
}

/** `GA4 sign_up, Meta Pixel Lead`; a goal without tags is logged only. */
export function describeExpect(tags: readonly ExpectedTag[] | undefined): string {
  return tags && tags.length > 0 ? tags.map(describeTag).join(', ') : 'No tag expected (logged only)';
}

/** Where a plan or goal applies. */
export function describeScope(scope: readonly string[] | undefined): string {
  return scope && scope.length > 0 ? scope.join(', ') : 'All sites';
}

/** `1 goal`, `12 goals`. */
export function goalCount(n: number): string {
  return n === 1 ? '1 goal' : `${n} goals`;
}
