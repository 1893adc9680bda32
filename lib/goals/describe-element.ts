import { fieldKinds } from './fields';
import { LINK } from './match';
import { safely } from './safely';
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

const cut = (text: string, max: number): string => text.slice(0, max);

/** `url` made absolute against `base`, cut to MAX_URL (as written, if it does not parse). */
const absolute = (url: string, base: string): string =>
  cut(
    safely(() => new URL(url, base).href, url),
    MAX_URL,
  );

/** How many elements of `root` match `selector` (0 for an invalid one). */
const count = (root: ParentNode | Element[], selector: string): number =>
  safely(
    () =>
      Array.isArray(root) ? root.filter((el) => el.matches(selector)).length : root.querySelectorAll(selector).length,
    0,
  );

/**
 * A short selector that finds `el` (`form#newsletter`, `button.add-to-cart`, `div.hero > a:nth-of-type(2)`):
 * stops at an id or as soon as the path is unique in its document or shadow root; at most four steps.
 * A step is `tag#id`, or `tag.class.class` with at most two classes, and `:nth-of-type(n)` only when the tag
 * and classes alone do not tell the element from its siblings.
 */
export function shortSelector(el: Element): string {
  const root = el.getRootNode() as Partial<ParentNode>;
  const canCount = typeof root.querySelectorAll === 'function';
  let path = '';
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < MAX_SELECTOR_DEPTH; depth++) {
    const tag = cur.localName;
    const id = cur.getAttribute('id');
    const byId = !!id && IDENT.test(id);
    let part = byId
      ? `${tag}#${id}`
      : tag +
        [...cur.classList]
          .filter((c) => IDENT.test(c))
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join('');
    const siblings = [...(cur.parentElement?.children ?? [])].slice(0, MAX_SIBLINGS);
    const sameTag = siblings.filter((kid) => kid.localName === tag);
    const nth = sameTag.indexOf(cur) + 1;
    if (
      !byId &&
      tag !== 'html' &&
      tag !== 'body' &&
      sameTag.length > 1 &&
      nth > 0 &&
      (part === tag || count(siblings, part) > 1)
    ) {
      part += `:nth-of-type(${nth})`;
    }
    path = path ? `${part} > ${path}` : part;
    if (byId || !canCount || count(root as ParentNode, path) === 1) break;
    cur = cur.parentElement;
  }
  return path;
}

/** The element behind a firing, described from its attributes and text only. */
export function describeElement(el: Element): ElementInfo {
  const info: ElementInfo = { tag: el.localName };
  const id = el.getAttribute('id');
  if (id) info.id = cut(id, MAX_ID);
  const classes = [...el.classList].slice(0, MAX_CLASSES);
  if (classes.length > 0) info.classes = classes;
  const isForm = el.localName === 'form';
  // A form is described by the caption of the button that submits it.
  const button = isForm
    ? el.querySelector('button[type=submit],button:not([type]),input[type=submit],input[type=image]')
    : el;
  const text = button ? visibleText(button, MAX_TEXT) : '';
  if (text) info.text = text;
  if (isForm) {
    info.formAction = absolute(el.getAttribute('action') ?? '', el.baseURI);
    info.fields = fieldKinds(el);
  }
  // What a button or link belongs to, by the heading of its product card or section: "Add to cart" of Desk lamp.
  const heading = isForm
    ? null
    : el.closest('[itemscope],article,li,section,[class*=product]')?.querySelector('h1,h2,h3,[itemprop=name]');
  if (heading && !heading.contains(el)) info.context = visibleText(heading, MAX_TEXT);
  const href = el.closest(LINK)?.getAttribute('href');
  if (href) info.href = absolute(href, el.baseURI);
  info.selector = shortSelector(el);
  return info;
}
