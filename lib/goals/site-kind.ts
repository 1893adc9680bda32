import { SITE_KINDS, type SiteKind } from './types';

// What kind of site a page belongs to, read from its DOM once it has loaded: a shop (product markup, add-to-cart
// buttons, prices), a lead-generation or SaaS site (demo and trial forms and calls to action, pricing links), a
// content site (articles, videos, a newsletter). The default plan offers each kind its own goals. Pure over the
// document it is given; injected on demand by the worker after the page's load (entrypoints/site-kind.ts), so it
// costs the content scripts nothing. Bounded: a page of ten thousand elements is read in a few milliseconds.

export interface SiteReading {
  /** The kinds the page reads as, strongest first; none when it says too little. */
  kinds: SiteKind[];
  /** What said so, in words: `add-to-cart button`, `product markup`. */
  signs: string[];
}

/** A kind needs this much evidence to be named; one strong sign is enough. */
const STRONG = 3;
const MAX_SCANNED = 2_000;

const CART_TEXT =
  /\b(add to (cart|bag|basket|trolley)|buy now|in den warenkorb|ajouter au panier|añadir al carrito|aggiungi al carrello|in (de )?winkelwagen)\b/i;
const CART_SELECTOR =
  '[name=add-to-cart], .add-to-cart, [data-action=add-to-cart], .add_to_cart_button, .single_add_to_cart_button, form[action*="/cart/add"]';
const LEAD_TEXT =
  /\b(book|request|schedule|get) a (demo|quote|call)\b|\bfree trial\b|\bstart (your )?trial\b|\btalk to sales\b|\bcontact sales\b/i;
const LEAD_FORM = /demo|trial|quote|contact-sales|request|enquir|inquir/i;
const PRODUCT_TYPES = /"@type"\s*:\s*(\[[^\]]*)?"(Product|ProductGroup|Offer)"/;
const ARTICLE_TYPES = /"@type"\s*:\s*(\[[^\]]*)?"(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle)"/;

function limited(list: ArrayLike<Element>): Element[] {
  return Array.from(list).slice(0, MAX_SCANNED);
}

function metaContent(doc: Document, property: string): string {
  return (
    doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content') ?? ''
  ).toLowerCase();
}

function jsonLd(doc: Document): string {
  return limited(doc.querySelectorAll('script[type="application/ld+json"]'))
    .map((s) => (s.textContent ?? '').slice(0, 20_000))
    .join('\n');
}

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Read the page: each kind scores its signs; the kinds with strong evidence are named, the strongest first. */
export function readSiteKind(doc: Document): SiteReading {
  const score: Record<SiteKind, number> = { shop: 0, lead_gen: 0, content: 0 };
  const signs: Array<{ kind: SiteKind; sign: string }> = [];
  const add = (kind: SiteKind, points: number, sign: string) => {
    score[kind] += points;
    signs.push({ kind, sign });
  };
  const ld = jsonLd(doc);
  const ogType = metaContent(doc, 'og:type');
  const controls = limited(
    doc.querySelectorAll('button, a[href], input[type=submit], input[type=button], [role=button]'),
  );

  // — shop —
  if (
    PRODUCT_TYPES.test(ld) ||
    doc.querySelector('[itemtype*="schema.org/Product" i], [itemtype*="schema.org/Offer" i]') ||
    ogType.startsWith('product')
  ) {
    add('shop', STRONG, 'product markup');
  }
  if (
    doc.querySelector(CART_SELECTOR) ||
    controls.some((el) => CART_TEXT.test(text(el) || (el.getAttribute('value') ?? '')))
  )
    add('shop', STRONG, 'add-to-cart button');
  if (doc.querySelector('[itemprop=price], [data-price], .price')) add('shop', 1, 'prices');

  // — lead generation and SaaS —
  const forms = limited(doc.querySelectorAll('form'));
  if (
    forms.some((f) =>
      LEAD_FORM.test(
        `${f.getAttribute('id') ?? ''} ${f.getAttribute('class') ?? ''} ${f.getAttribute('action') ?? ''}`,
      ),
    )
  ) {
    add('lead_gen', STRONG, 'demo, trial or quote form');
  }
  if (controls.some((el) => LEAD_TEXT.test(text(el)))) add('lead_gen', 2, 'demo or trial call to action');
  if (controls.some((el) => /\/pricing\b/i.test(el.getAttribute('href') ?? '')))
    add('lead_gen', 1, 'pricing page link');

  // — content —
  if (
    ARTICLE_TYPES.test(ld) ||
    ogType === 'article' ||
    doc.querySelector('article p, [itemtype*="schema.org/Article" i], [itemtype*="schema.org/BlogPosting" i]')
  ) {
    add('content', STRONG, 'article');
  }
  if (
    doc.querySelector(
      'video, iframe[src*="youtube.com/embed"], iframe[src*="youtube-nocookie.com/embed"], iframe[src*="player.vimeo.com"]',
    )
  )
    add('content', 1, 'video');
  if (
    forms.some(
      (f) =>
        f.querySelector('input[type=email]') && !f.querySelector('input[type=password], input[type=tel], textarea'),
    )
  ) {
    add('content', 1, 'newsletter form');
  }

  const ranked = SITE_KINDS.filter((k) => score[k] > 0).sort((a, b) => score[b] - score[a]);
  const top = ranked[0];
  const kinds = ranked.filter((k) => score[k] >= STRONG && score[k] >= score[top!] - 1);
  return { kinds, signs: signs.filter((s) => kinds.includes(s.kind)).map((s) => s.sign) };
}

/** A reading as the worker receives it from the tab: checked, since it crossed from a page's process. */
export function acceptSiteReading(value: unknown): SiteReading | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kinds, signs } = value as { kinds?: unknown; signs?: unknown };
  if (!Array.isArray(kinds) || !Array.isArray(signs)) return undefined;
  const okKinds = kinds.filter(
    (k): k is SiteKind => typeof k === 'string' && (SITE_KINDS as readonly string[]).includes(k),
  );
  const okSigns = signs.filter((s): s is string => typeof s === 'string' && s.length <= 60).slice(0, 10);
  return { kinds: [...new Set(okKinds)], signs: okSigns };
}
