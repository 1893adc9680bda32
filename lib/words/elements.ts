import type { ElementInfo, GoalFiring } from '../goals/types';

// The element behind a firing in words a marketer recognises — `the “Subscribe” form`, `the “Add to cart” button of
// Desk lamp` — and, apart, the selector a developer pastes into devtools.

const NOUNS: Readonly<Record<string, string>> = {
  a: 'link',
  area: 'link',
  button: 'button',
  form: 'form',
  video: 'video',
  iframe: 'video',
  audio: 'audio player',
  input: 'button',
  img: 'image',
  select: 'list',
  summary: 'toggle',
  label: 'label',
};

const MAX_QUOTE = 40;

function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return `“${t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1)}…` : t}”`;
}

/** An id as words: `newsletter-form` → `newsletter form`; ids made by tools (`f_3xk9`) are not words. */
function idWords(id: string | undefined): string | undefined {
  if (!id || !/^[a-z][a-z-_]{2,40}$/i.test(id)) return undefined;
  return id.replace(/[-_]+/g, ' ').trim();
}

/** A path of a URL for a sentence: `/products/mug` (the host is the page's own). */
function pathWords(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

export interface ElementWords {
  /** `the “Subscribe” form`, `the dataLayer event “purchase”`. */
  what: string;
  /** For the developer: `form#newsletter`. */
  selector?: string;
}

/** The element a firing describes, in words; what fired when there is no element (a dataLayer event, a scroll). */
export function elementWords(firing: Pick<GoalFiring, 'trigger' | 'element' | 'detail'>): ElementWords {
  const el: ElementInfo | undefined = firing.element;
  const detail = firing.detail ?? {};
  if (el) {
    const noun = NOUNS[el.tag] ?? 'element';
    const name = el.text ? quote(el.text) : idWords(el.id) && quote(idWords(el.id)!);
    const of =
      el.context && el.context !== el.text
        ? ` of ${el.context.length > MAX_QUOTE ? `${el.context.slice(0, MAX_QUOTE - 1)}…` : el.context}`
        : '';
    const selector = el.selector ?? `${el.tag}${el.id ? `#${el.id}` : ''}`;
    return { what: name ? `the ${name} ${noun}${of}` : `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}${of}`, selector };
  }
  switch (firing.trigger) {
    case 'datalayer_event':
      return { what: detail.event ? `the dataLayer event ${quote(detail.event)}` : 'a dataLayer event' };
    case 'scroll_depth':
      return { what: detail.percent ? `the scroll to ${detail.percent} %` : 'a scroll' };
    case 'time_on_page':
      return { what: detail.seconds ? `${detail.seconds} s on the page` : 'the time on the page' };
    case 'page_view':
    case 'site_search': {
      const path = pathWords(detail.url);
      return { what: path ? `the page ${path}` : 'the page view' };
    }
    case 'video':
      return { what: 'the video' };
    default:
      return { what: firing.trigger.replace(/_/g, ' ') };
  }
}
