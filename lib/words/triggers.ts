import type { GoalCategory, Trigger, TriggerKind } from '../goals/types';
import { DEFAULT_SEARCH_PARAMS } from '../goals/match';
import { listWords } from './numbers';

// What a trigger is, in the words each surface needs: the options page's "happens when", the popup's "counts
// when", a finding's "the click" and "the form was submitted". Selectors, URL patterns and parameters are the
// developer's part (`detail`): a marketer's sentence never carries them.

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

export interface TriggerWords {
  /** What happened, as a noun: `the submit`, `the click`. */
  noun: string;
  /** Several of them: `submits`, `clicks`. */
  plural: string;
  /** What happened, as a clause: `the form was submitted`, `"Add to cart" was clicked`. */
  clause: string;
  /** When the goal counts, for a marketer (no selector, no pattern): `a form with an email field is submitted`. */
  when: string;
  /** The developer's part of the trigger: `form matching form#newsletter`, `address matches /\/products?\//i`. */
  detail?: string;
  /** Where the fix goes, after "the Meta Pixel ", for one action and for several: `tag of that form`, `tag of those forms`. */
  tagPlace: readonly [one: string, many: string];
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

const q = (s: string): string => `“${s}”`;

function duration(seconds: number): string {
  if (seconds >= 60 && seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

function detailOf(parts: ReadonlyArray<string | undefined>): { detail?: string } {
  const list = parts.filter((p): p is string => p !== undefined && p !== '');
  return list.length > 0 ? { detail: list.join(', ') } : {};
}

/** The trigger in every form of words a surface needs. */
export function triggerWords(t: Trigger): TriggerWords {
  switch (t.kind) {
    case 'form_submit': {
      const field =
        t.hasField === undefined
          ? ''
          : ` with ${FIELD_WORDS[t.hasField.toLowerCase()] ?? `a field named ${q(t.hasField)}`}`;
      return {
        noun: 'the submit',
        plural: 'submits',
        clause: 'the form was submitted',
        when: `a form${field} is submitted`,
        ...detailOf([t.selector && `form matching ${t.selector}`]),
        tagPlace: ['tag of that form', 'tag of those forms'],
      };
    }
    case 'click': {
      const what = t.text ? q(t.text) : t.selector ? 'a chosen button or link' : 'anything';
      return {
        noun: 'the click',
        plural: 'clicks',
        clause: t.text ? `${q(t.text)} was clicked` : 'the element was clicked',
        when: `${what} is clicked`,
        ...detailOf([t.selector && `element matching ${t.selector}`]),
        tagPlace: ['tag that fires on that click', 'tag that fires on those clicks'],
      };
    }
    case 'video': {
      const detail = detailOf([t.selector && `video matching ${t.selector}`]);
      const tagPlace: [string, string] = ['tag of that video', 'tag of those videos'];
      if (t.action === 'play')
        return {
          noun: 'the video play',
          plural: 'video plays',
          clause: 'the video started playing',
          when: 'a video starts playing',
          ...detail,
          tagPlace,
        };
      if (t.action === 'complete')
        return {
          noun: 'the video end',
          plural: 'video ends',
          clause: 'the video was watched to the end',
          when: 'a video is watched to the end',
          ...detail,
          tagPlace,
        };
      const percent = t.percent === undefined ? 'part of the way' : `${t.percent} %`;
      return {
        noun: 'the video progress',
        plural: 'video progress marks',
        clause: `the video reached ${percent}`,
        when: `a video is watched to ${percent}`,
        ...detail,
        tagPlace,
      };
    }
    case 'datalayer_event':
      return {
        noun: `the dataLayer event ${q(t.event)}`,
        plural: `${q(t.event)} dataLayer events`,
        clause: `the page pushed ${q(t.event)} to the dataLayer`,
        when: `the page reports ${q(t.event)} to its dataLayer (the list of events the tag manager reads)`,
        tagPlace: [
          `tag that listens for the ${q(t.event)} dataLayer event`,
          `tag that listens for the ${q(t.event)} dataLayer event`,
        ],
      };
    case 'page_view':
      return {
        noun: 'the page view',
        plural: 'page views',
        clause: 'the page was viewed',
        when: 'a page of this goal is viewed',
        detail: `address matches ${t.url}`,
        tagPlace: ['tag on that page', 'tag on those pages'],
      };
    case 'scroll_depth':
      return {
        noun: 'the scroll',
        plural: 'scrolls',
        clause: `the visitor scrolled to ${t.percent} %`,
        when: `the visitor scrolls ${t.percent} % down the page`,
        tagPlace: ['tag that fires on that scroll', 'tag that fires on those scrolls'],
      };
    case 'download':
      return {
        noun: 'the download click',
        plural: 'download clicks',
        clause: 'a download link was clicked',
        when: t.extensions?.length
          ? `a link to a file (${t.extensions.join(', ')}) is clicked`
          : 'a link to a document or an archive (PDF, ZIP, …) is clicked',
        tagPlace: ['tag that fires on that click', 'tag that fires on those clicks'],
      };
    case 'outbound_click':
      return {
        noun: 'the outbound click',
        plural: 'outbound clicks',
        clause: 'a link to another site was clicked',
        when: t.hosts?.length
          ? `a link to ${listWords(t.hosts, 'or')} is clicked`
          : 'a link to another site is clicked',
        tagPlace: ['tag that fires on that click', 'tag that fires on those clicks'],
      };
    case 'site_search': {
      const params =
        t.param !== undefined
          ? t.param
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean)
          : [...DEFAULT_SEARCH_PARAMS];
      return {
        noun: 'the search',
        plural: 'searches',
        clause: 'a site search was made',
        when: 'the visitor searches the site',
        detail: `the address has ${listWords(
          params.map((p) => `?${p}=`),
          'or',
        )}`,
        tagPlace: ['tag on the search results page', 'tag on the search results pages'],
      };
    }
    case 'element_visible':
      return {
        noun: 'the element showing',
        plural: 'times the element showed',
        clause: 'the element came into view',
        when: 'a chosen part of the page comes into view',
        detail: `element matching ${t.selector}`,
        tagPlace: ['tag that fires when it shows', 'tag that fires when it shows'],
      };
    case 'time_on_page':
      return {
        noun: `the ${duration(t.seconds)} mark`,
        plural: `${duration(t.seconds)} marks`,
        clause: `the visitor had spent ${duration(t.seconds)} on the page`,
        when: `the visitor has spent ${duration(t.seconds)} on the page`,
        tagPlace: ['tag that fires on that timer', 'tag that fires on those timers'],
      };
  }
}
