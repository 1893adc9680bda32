import { hasField } from './fields';
import type { Goal, Trigger, TriggerKind } from './types';
import { matchUrlPattern } from './url-pattern';
import { collapse, visibleText } from './visible-text';

// Trigger matching: pure functions from what the content script observed to the goals it fires.
// Ships in the content script: no schema, no valibot here.
//
// Thresholds (scroll_depth, time_on_page, video progress, element_visible) match every observation at or
// past them; the content script fires each goal once per page (per video for video progress) and resets
// on a new page session, including SPA route changes if it wants those counted again.

/** What the content script saw, built from DOM events and from the page hooks. */
export type Observation =
  | { kind: 'submit'; form: Element }
  /** `link`: the clicked `<a href>`/`<area href>` (the target or an ancestor), its href absolute. */
  | { kind: 'click'; element: Element; link?: { href: string; download: boolean } }
  | { kind: 'video'; action: 'play' | 'progress' | 'complete'; percent?: number; element?: Element }
  | { kind: 'datalayer'; event: string; source: 'dataLayer' | 'gtag' | 'fbq' }
  /** Each page load (`virtual: false`) and each SPA route change (`virtual: true`). */
  | { kind: 'page_view'; url: string; virtual: boolean }
  | { kind: 'scroll'; percent: number }
  /** An element found with an element_visible selector came into view. */
  | { kind: 'visible'; element: Element }
  | { kind: 'time'; seconds: number };

export type ObservationKind = Observation['kind'];

export interface PageContext {
  url: string;
  origin: string;
}

/** Document, archive, media and installer types (GA4's enhanced measurement list, and a few more). */
export const DEFAULT_DOWNLOAD_EXTENSIONS: readonly string[] = [
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv', 'tsv', 'key',
  'zip', 'rar', '7z', 'gz', 'tgz', 'bz2', 'tar', 'dmg', 'pkg', 'exe', 'msi', 'apk', 'iso', 'epub', 'mobi',
  'mp3', 'wav', 'm4a', 'mp4', 'mov', 'avi', 'wmv', 'mkv', 'flv',
];

export const DEFAULT_SEARCH_PARAMS: readonly string[] = ['q', 's', 'search', 'query'];

/** Which observation each trigger kind reads: the content script installs only those listeners. */
export const OBSERVATION_OF: Readonly<Record<TriggerKind, ObservationKind>> = {
  form_submit: 'submit',
  click: 'click',
  download: 'click',
  outbound_click: 'click',
  video: 'video',
  datalayer_event: 'datalayer',
  page_view: 'page_view',
  site_search: 'page_view',
  scroll_depth: 'scroll',
  element_visible: 'visible',
  time_on_page: 'time',
};

/** What a click on text means: the button or link around the clicked node, not the node itself. */
const INTERACTIVE = 'a[href], button, [role=button], [role=link], [role=menuitem], [role=tab], input[type=submit], input[type=button], input[type=image], summary, label';
/** A text trigger on a non-interactive element only reads short text: a click on a paragraph is not a button. */
const MAX_PLAIN_TEXT = 100;
const MAX_SHADOW_HOPS = 16;

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false; // an invalid selector in a plan matches nothing (the options page refuses them)
  }
}

function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/**
 * `closest` that continues from a shadow root to its host, so `.newsletter-widget` finds the form inside
 * the widget's shadow DOM. (`closest` alone stops at the shadow root.)
 */
export function composedClosest(el: Element, selector: string): Element | null {
  let cur: Element | null = el;
  for (let hops = 0; cur && hops < MAX_SHADOW_HOPS; hops++) {
    const found = safeClosest(cur, selector);
    if (found) return found;
    const root = cur.getRootNode() as Partial<ShadowRoot>;
    cur = root.host ?? null;
  }
  return null;
}

function clickTextMatches(target: Element, want: string, plain: boolean): boolean {
  const text = visibleText(target, MAX_PLAIN_TEXT * 2);
  if (plain && text.length > MAX_PLAIN_TEXT) return false;
  return text.toLowerCase().includes(collapse(want).toLowerCase());
}

function clickMatches(trigger: { selector?: string; text?: string }, element: Element): boolean {
  if (trigger.selector === undefined && trigger.text === undefined) return false;
  let target: Element | null = element;
  if (trigger.selector !== undefined) {
    target = composedClosest(element, trigger.selector);
    if (!target) return false;
  }
  if (trigger.text === undefined) return true;
  const interactive = trigger.selector === undefined ? composedClosest(element, INTERACTIVE) : null;
  return clickTextMatches(interactive ?? target, trigger.text, trigger.selector === undefined && !interactive);
}

function url(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

function isDownload(extensions: readonly string[] | undefined, link: { href: string; download: boolean }, page: PageContext): boolean {
  if (link.download) return true;
  const u = url(link.href, page.url);
  if (!u) return false;
  const path = u.pathname.toLowerCase();
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return false;
  const ext = path.slice(dot + 1);
  return (extensions ?? DEFAULT_DOWNLOAD_EXTENSIONS).some((e) => e.replace(/^\./, '').toLowerCase() === ext);
}

/** `www.shop.example` and `shop.example` are the same site for outbound links. */
function siteHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function isOutbound(hosts: readonly string[] | undefined, href: string, page: PageContext): boolean {
  const u = url(href, page.url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return false;
  const pageHost = url(page.origin, page.url)?.hostname || url(page.url, page.url)?.hostname || '';
  const host = siteHost(u.hostname);
  if (host === siteHost(pageHost)) return false;
  if (!hosts) return true;
  return hosts.some((h) => {
    const want = siteHost(h);
    return host === want || host.endsWith(`.${want}`);
  });
}

function isSiteSearch(param: string | undefined, pageUrl: string): boolean {
  const u = url(pageUrl, pageUrl);
  if (!u) return false;
  const names = param !== undefined ? param.split(',').map((p) => p.trim()) : DEFAULT_SEARCH_PARAMS;
  return names.some((name) => name !== '' && (u.searchParams.get(name) ?? '').trim() !== '');
}

/** Whether one trigger matches one observation. */
export function matchTrigger(trigger: Trigger, obs: Observation, page: PageContext): boolean {
  switch (trigger.kind) {
    case 'form_submit':
      if (obs.kind !== 'submit') return false;
      // `matches` first: a form inside a shadow root is matched by its own selector (`form#signup`).
      if (trigger.selector !== undefined && !safeMatches(obs.form, trigger.selector) && !composedClosest(obs.form, trigger.selector)) return false;
      return trigger.hasField === undefined || hasField(obs.form, trigger.hasField);
    case 'click':
      return obs.kind === 'click' && clickMatches(trigger, obs.element);
    case 'download':
      return obs.kind === 'click' && obs.link !== undefined && isDownload(trigger.extensions, obs.link, page);
    case 'outbound_click':
      return obs.kind === 'click' && obs.link !== undefined && isOutbound(trigger.hosts, obs.link.href, page);
    case 'video':
      if (obs.kind !== 'video' || obs.action !== trigger.action) return false;
      if (trigger.action === 'progress' && trigger.percent !== undefined && (obs.percent ?? 0) < trigger.percent) return false;
      return trigger.selector === undefined || (obs.element !== undefined && composedClosest(obs.element, trigger.selector) !== null);
    case 'datalayer_event':
      return obs.kind === 'datalayer' && obs.event === trigger.event;
    case 'page_view':
      return obs.kind === 'page_view' && matchUrlPattern(trigger.url, obs.url);
    case 'site_search':
      return obs.kind === 'page_view' && isSiteSearch(trigger.param, obs.url);
    case 'scroll_depth':
      return obs.kind === 'scroll' && obs.percent >= trigger.percent;
    case 'element_visible':
      return obs.kind === 'visible' && safeMatches(obs.element, trigger.selector);
    case 'time_on_page':
      return obs.kind === 'time' && obs.seconds >= trigger.seconds;
  }
}

/** The goals whose trigger matches `obs`, in plan order. */
export function matchGoals(goals: readonly Goal[], obs: Observation, page: PageContext): Goal[] {
  const out: Goal[] = [];
  for (const goal of goals) if (OBSERVATION_OF[goal.trigger.kind] === obs.kind && matchTrigger(goal.trigger, obs, page)) out.push(goal);
  return out;
}

/** The observations the goals read: install only these listeners (no scroll handler when no goal needs it). */
export function triggerNeeds(goals: readonly Goal[]): Set<ObservationKind> {
  const needs = new Set<ObservationKind>();
  for (const goal of goals) needs.add(OBSERVATION_OF[goal.trigger.kind]);
  return needs;
}

/** What to watch for, beyond which listeners: the selectors to observe and the thresholds to report. */
export interface WatchList {
  /** element_visible selectors, for an IntersectionObserver. */
  visibleSelectors: string[];
  /** scroll_depth percents, ascending: report a scroll observation when one is crossed. */
  scrollPercents: number[];
  /** time_on_page seconds, ascending: one timer each. */
  timeSeconds: number[];
  /** video progress percents, ascending. */
  videoPercents: number[];
}

export function watchList(goals: readonly Goal[]): WatchList {
  const visible = new Set<string>();
  const scroll = new Set<number>();
  const time = new Set<number>();
  const video = new Set<number>();
  for (const { trigger: t } of goals) {
    if (t.kind === 'element_visible') visible.add(t.selector);
    else if (t.kind === 'scroll_depth') scroll.add(t.percent);
    else if (t.kind === 'time_on_page') time.add(t.seconds);
    else if (t.kind === 'video' && t.action === 'progress' && t.percent !== undefined) video.add(t.percent);
  }
  const up = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
  return { visibleSelectors: [...visible], scrollPercents: up(scroll), timeSeconds: up(time), videoPercents: up(video) };
}
