import { hasField } from './fields';
import type { Goal, Trigger, TriggerKind } from './types';
import { safely } from './safely';
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
type Of<K extends ObservationKind> = Extract<Observation, { kind: K }>;

/** The page goals are judged on: the top page's URL, even in a frame (outbound links leave its site). */
export interface PageContext {
  url: string;
}

/**
 * Document, archive, media and installer types (GA4's enhanced measurement list, and a few more): pdf, doc(x),
 * xls(x), ppt(x), odt, ods, odp, rtf, txt, csv, tsv, key, zip, rar, 7z, gz, tgz, bz2, tar, dmg, pkg, exe, msi, apk,
 * iso, epub, mobi, mp3, wav, m4a, mp4, mov, avi, wmv, mkv, flv.
 */
const DOWNLOAD_EXTENSION =
  /^(pdf|(doc|xls|ppt)x?|od[tsp]|rtf|txt|[ct]sv|key|zip|rar|7z|t?gz|bz2|tar|dmg|pkg|exe|msi|apk|iso|epub|mobi|mp[34]|wav|m4a|mov|avi|wmv|mkv|flv)$/;

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

/**
 * What a click on a node inside a control means: the button or link around the clicked node, not the node
 * itself — for a text trigger (its text is the control's) and for the element a firing describes.
 */
export const LINK = 'a[href],area[href]';
// (Selector lists without spaces: they ship in every frame of every page.)
const CLICKABLE = `${LINK},button,[role=button],[role=link],[role=menuitem],[role=tab],input[type=submit],input[type=button],input[type=image],summary,label`;
/** A text trigger on a non-interactive element only reads short text: a click on a paragraph is not a button. */
const MAX_PLAIN_TEXT = 100;
const MAX_SHADOW_HOPS = 16;

/** The control a click on `el` (or on a node inside it) is a click on, if any. */
export function closestClickable(el: Element): Element | null {
  return composedClosest(el, CLICKABLE);
}

/**
 * `closest` that continues from a shadow root to its host, so `.newsletter-widget` finds the form inside
 * the widget's shadow DOM. (`closest` alone stops at the shadow root.)
 */
export function composedClosest(el: Element, selector: string): Element | null {
  let cur: Element | null = el;
  for (let hops = 0; cur && hops < MAX_SHADOW_HOPS; hops++) {
    const at: Element = cur;
    const found = safely(() => at.closest(selector), null);
    if (found) return found;
    cur = (at.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return null;
}

function clickMatches({ selector, text }: { selector?: string; text?: string }, element: Element): boolean {
  const reads = (read: string) => read.toLowerCase().includes(collapse(text!).toLowerCase());
  if (selector === undefined) {
    if (text === undefined) return false;
    // A text trigger alone reads the control around the click; without one, only short text counts.
    const interactive = closestClickable(element);
    const read = visibleText(interactive ?? element, MAX_PLAIN_TEXT * 2);
    return (!!interactive || read.length <= MAX_PLAIN_TEXT) && reads(read);
  }
  const target = composedClosest(element, selector);
  return !!target && (text === undefined || reads(visibleText(target, MAX_PLAIN_TEXT * 2)));
}

function url(href: string, base: string): URL | undefined {
  return safely(() => new URL(href, base), undefined);
}

function isDownload(
  extensions: readonly string[] | undefined,
  link: { href: string; download: boolean },
  page: PageContext,
): boolean {
  if (link.download) return true;
  const path = url(link.href, page.url)?.pathname.toLowerCase() ?? '';
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return false;
  const ext = path.slice(dot + 1);
  return extensions ? extensions.some((e) => e.replace(/^\./, '').toLowerCase() === ext) : DOWNLOAD_EXTENSION.test(ext);
}

/** `www.shop.example` and `shop.example` are the same site for outbound links. */
function siteHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function isOutbound(hosts: readonly string[] | undefined, href: string, page: PageContext): boolean {
  const u = url(href, page.url);
  if (!u || !/^https?:$/.test(u.protocol)) return false;
  const host = siteHost(u.hostname);
  if (host === siteHost(url(page.url, page.url)?.hostname ?? '')) return false;
  return (
    !hosts ||
    hosts.some((h) => {
      const want = siteHost(h);
      return host === want || host.endsWith(`.${want}`);
    })
  );
}

function isSiteSearch(param: string | undefined, pageUrl: string): boolean {
  const params = url(pageUrl, pageUrl)?.searchParams;
  return (
    !!params &&
    (param?.split(',') ?? DEFAULT_SEARCH_PARAMS).some((name) => {
      const n = name.trim();
      return n !== '' && (params.get(n) ?? '').trim() !== '';
    })
  );
}

/** Whether one trigger matches one observation. */
export function matchTrigger(t: Trigger, obs: Observation, page: PageContext): boolean {
  // Past this check the observation is of the kind the trigger reads: each case reads it as that kind.
  if (OBSERVATION_OF[t.kind] !== obs.kind) return false;
  switch (t.kind) {
    case 'form_submit': {
      const { form } = obs as Of<'submit'>;
      // The form itself (`form#signup`, also inside a shadow root) or an ancestor, through shadow hosts.
      return (
        (t.selector === undefined || !!composedClosest(form, t.selector)) &&
        (t.hasField === undefined || hasField(form, t.hasField))
      );
    }
    case 'click':
      return clickMatches(t, (obs as Of<'click'>).element);
    case 'download':
    case 'outbound_click': {
      const { link } = obs as Of<'click'>;
      return (
        !!link && (t.kind === 'download' ? isDownload(t.extensions, link, page) : isOutbound(t.hosts, link.href, page))
      );
    }
    case 'video': {
      const o = obs as Of<'video'>;
      return (
        o.action === t.action &&
        !(t.action === 'progress' && t.percent !== undefined && (o.percent ?? 0) < t.percent) &&
        (t.selector === undefined || (!!o.element && !!composedClosest(o.element, t.selector)))
      );
    }
    case 'datalayer_event':
      return (obs as Of<'datalayer'>).event === t.event;
    case 'page_view':
      return matchUrlPattern(t.url, (obs as Of<'page_view'>).url);
    case 'site_search':
      return isSiteSearch(t.param, (obs as Of<'page_view'>).url);
    case 'scroll_depth':
      return (obs as Of<'scroll'>).percent >= t.percent;
    case 'element_visible':
      return safely(() => (obs as Of<'visible'>).element.matches(t.selector), false);
    case 'time_on_page':
      return (obs as Of<'time'>).seconds >= t.seconds;
  }
}

/** The goals whose trigger matches `obs`, in plan order. */
export function matchGoals(goals: readonly Goal[], obs: Observation, page: PageContext): Goal[] {
  return goals.filter((goal) => matchTrigger(goal.trigger, obs, page));
}

/** The observations the goals read: install only these listeners (no scroll handler when no goal needs it). */
export function triggerNeeds(goals: readonly Goal[]): Set<ObservationKind> {
  return new Set(goals.map((goal) => OBSERVATION_OF[goal.trigger.kind]));
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
  return {
    visibleSelectors: [...visible],
    scrollPercents: up(scroll),
    timeSeconds: up(time),
    videoPercents: up(video),
  };
}
