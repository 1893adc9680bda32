import { fieldKinds } from './fields';
import type { ElementInfo } from './types';
import { visibleText } from './visible-text';

// What a firing reports about its element: enough for a developer to find it in devtools, never a value
// a visitor typed. Bounded in work: it runs on clicks anywhere on arbitrary pages.

const MAX_CLASSES = 5;
const MAX_TEXT = 80;
const MAX_URL = 300;
const MAX_ID = 100;
const MAX_SELECTOR_DEPTH = 4;
const MAX_SIBLINGS = 200;
/** Names a selector can use without escaping. Others (`md:flex`, `w-1/2`) are left out of selectors. */
const IDENT = /^-?[_a-zA-Z][\w-]*$/;

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The caption of the button that submits a form. */
function submitText(form: Element): string {
  const button = form.querySelector('button[type=submit], button:not([type]), input[type=submit], input[type=image]');
  return button ? visibleText(button, MAX_TEXT) : '';
}

/** `tag#id`, or `tag.class.class` with at most two classes. */
function step(el: Element): { text: string; byId: boolean } {
  const tag = el.localName;
  const id = el.getAttribute('id');
  if (id && IDENT.test(id)) return { text: `${tag}#${id}`, byId: true };
  const classes = Array.from(el.classList).filter((c) => IDENT.test(c)).slice(0, 2);
  return { text: tag + classes.map((c) => `.${c}`).join(''), byId: false };
}

/** 1-based position of `el` among its siblings with the same tag, or 0 when it is the only one. */
function positionOfType(el: Element): number {
  const parent = el.parentElement;
  if (!parent) return 0;
  let index = 0;
  let count = 0;
  const kids = parent.children;
  for (let i = 0; i < kids.length && i < MAX_SIBLINGS; i++) {
    const kid = kids[i]!;
    if (kid.localName !== el.localName) continue;
    count++;
    if (kid === el) index = count;
  }
  return count > 1 ? index : 0;
}

function countMatches(root: ParentNode, selector: string): number {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

/**
 * A short selector that finds `el` (`form#newsletter`, `button.add-to-cart`, `div.hero > a:nth-of-type(2)`):
 * stops at an id or as soon as the path is unique in its document or shadow root; at most four steps.
 */
export function shortSelector(el: Element): string {
  const root = el.getRootNode() as Partial<ParentNode>;
  const canCount = typeof root.querySelectorAll === 'function';
  let path = '';
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < MAX_SELECTOR_DEPTH; depth++) {
    const s = step(cur);
    let part = s.text;
    if (!s.byId && cur.localName !== 'html' && cur.localName !== 'body') {
      const nth = positionOfType(cur);
      // Only when the tag and classes alone do not tell it from its siblings.
      if (nth > 0 && (s.text === cur.localName || countSiblings(cur, s.text) > 1)) part += `:nth-of-type(${nth})`;
    }
    path = path ? `${part} > ${path}` : part;
    if (s.byId || !canCount || countMatches(root as ParentNode, path) === 1) break;
    cur = cur.parentElement;
  }
  return path;
}

function countSiblings(el: Element, selector: string): number {
  const parent = el.parentElement;
  if (!parent) return 1;
  let n = 0;
  const kids = parent.children;
  for (let i = 0; i < kids.length && i < MAX_SIBLINGS; i++) {
    try {
      if (kids[i]!.matches(selector)) n++;
    } catch {
      return 1;
    }
  }
  return n;
}

/** The element behind a firing, described from its attributes and text only. */
export function describeElement(el: Element): ElementInfo {
  const info: ElementInfo = { tag: el.localName };
  const id = el.getAttribute('id');
  if (id) info.id = cut(id, MAX_ID);
  const classes = Array.from(el.classList).slice(0, MAX_CLASSES);
  if (classes.length > 0) info.classes = classes;
  const isForm = el.localName === 'form';
  const text = isForm ? submitText(el) : visibleText(el, MAX_TEXT);
  if (text) info.text = text;
  if (isForm) {
    const action = el.getAttribute('action');
    info.formAction = cut(resolve(action ?? '', el.baseURI), MAX_URL);
    info.fields = fieldKinds(el);
  }
  const link = el.closest('a[href], area[href]');
  const href = link?.getAttribute('href');
  if (href) info.href = cut(resolve(href, el.baseURI), MAX_URL);
  info.selector = shortSelector(el);
  return info;
}

function resolve(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
