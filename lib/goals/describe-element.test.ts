// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeElement, shortSelector } from './describe-element';
import { visibleText } from './visible-text';

beforeEach(() => {
  document.body.innerHTML = '';
});

const $ = (selector: string): Element => document.querySelector(selector)!;

describe('describeElement', () => {
  it('describes a newsletter form by its submit button and its fields, never their values', () => {
    document.body.innerHTML = `
      <form id="newsletter" class="signup footer-form" action="/subscribe">
        <input type="email" name="email" value="jane@example.com">
        <input type="checkbox" name="consent" checked>
        <button type="submit">  Subscribe
          now </button>
      </form>`;
    const info = describeElement($('form'));
    expect(info).toEqual({
      tag: 'form',
      id: 'newsletter',
      classes: ['signup', 'footer-form'],
      text: 'Subscribe now',
      formAction: new URL('/subscribe', document.baseURI).href,
      fields: ['email', 'email', 'consent'],
      selector: 'form#newsletter',
    });
    expect(JSON.stringify(info)).not.toContain('jane@example.com');
  });

  it('gives a form without action the page URL, as the browser would submit it', () => {
    document.body.innerHTML = '<form><input type="submit" value="Send"></form>';
    expect(describeElement($('form'))).toMatchObject({ text: 'Send', formAction: document.URL });
  });

  it.each([
    [
      'a button by its class',
      '<div><button class="add-to-cart btn">Add to cart</button></div>',
      'button',
      { tag: 'button', classes: ['add-to-cart', 'btn'], text: 'Add to cart', selector: 'button.add-to-cart.btn' },
    ],
    ['at most five classes', '<a class="a b c d e f g" href="/x">x</a>', 'a', { classes: ['a', 'b', 'c', 'd', 'e'] }],
    [
      'a link with its absolute href',
      '<a href="/files/guide.pdf">Guide</a>',
      'a',
      { tag: 'a', text: 'Guide', href: new URL('/files/guide.pdf', document.baseURI).href },
    ],
    [
      'the link around a clicked icon',
      '<a href="https://partner.example/"><span class="icon">→</span></a>',
      'span',
      { tag: 'span', href: 'https://partner.example/' },
    ],
    [
      'text from aria-label when there is none',
      '<button aria-label="Close dialog"><svg></svg></button>',
      'button',
      { text: 'Close dialog' },
    ],
    ['text from an image alt', '<a href="/"><img alt="Home page" src="logo.png"></a>', 'a', { text: 'Home page' }],
    [
      'text without scripts or hidden parts',
      '<div id="d">Buy<script>var x = 1</script><span hidden>secret</span> now</div>',
      'div',
      { text: 'Buy now' },
    ],
    ['text of blocks apart', '<div id="d"><p>Add</p><p>to cart</p></div>', 'div', { text: 'Add to cart' }],
  ])('%s', (_, html, selector, want) => {
    document.body.innerHTML = html;
    expect(describeElement($(selector))).toMatchObject(want);
  });

  it.each<[string, string, string, string | undefined]>([
    [
      'a product card in a list',
      '<ul><li><h3>Desk lamp</h3><button class="add-to-cart">Add to cart</button></li><li><h3>Mug</h3><button class="add-to-cart">Add to cart</button></li></ul>',
      'li:nth-of-type(2) button',
      'Mug',
    ],
    [
      'a product page section',
      '<section class="product"><h1>The Everyday Mug</h1><p>€19</p><button id="buy">Add to cart</button></section>',
      '#buy',
      'The Everyday Mug',
    ],
    [
      'a microdata name',
      '<div class="product-card" itemscope><span itemprop="name">Tea pot</span><button>Buy</button></div>',
      'button',
      'Tea pot',
    ],
    [
      'a form: named by its own button, no context',
      '<section><h2>Newsletter</h2><form><input type="email"><button>Subscribe</button></form></section>',
      'form',
      undefined,
    ],
    [
      'a heading is not the context of itself',
      '<section><h2><a href="/x" id="t">Title</a></h2></section>',
      '#t',
      undefined,
    ],
    ['a button in no card', '<main><button id="b">Go</button></main>', '#b', undefined],
  ])('names what a button belongs to: %s', (_, html, selector, context) => {
    document.body.innerHTML = html;
    expect(describeElement($(selector)).context).toBe(context);
  });

  it('cuts text at 80 characters', () => {
    document.body.innerHTML = `<p>${'word '.repeat(100)}</p>`;
    expect(describeElement($('p')).text).toHaveLength(80);
  });

  it('never reports what was typed in a textarea or an input', () => {
    document.body.innerHTML = '<label id="l">Message <textarea>my secret</textarea><input value="typed"></label>';
    expect(describeElement($('#l')).text).toBe('Message');
  });

  it('stays bounded when the element is the whole page', () => {
    document.body.innerHTML = Array.from(
      { length: 3000 },
      (_, i) => `<div class="row"><span>item ${i}</span></div>`,
    ).join('');
    const info = describeElement(document.body);
    expect(info.text!.length).toBeLessThanOrEqual(80);
    expect(info.selector).toBe('body');
  });
});

describe('shortSelector', () => {
  it.each([
    ['an id', '<div><form id="newsletter"></form></div>', 'form', 'form#newsletter'],
    [
      'a unique class',
      '<button class="add-to-cart">A</button><button>B</button>',
      '.add-to-cart',
      'button.add-to-cart',
    ],
    [
      'a position under a parent',
      '<div class="hero"><a href="#">1</a><a href="#" class="">2</a></div><a href="#">3</a><a href="#">4</a>',
      'div.hero > a:nth-of-type(2)',
      'div.hero > a:nth-of-type(2)',
    ],
    [
      'an ancestor with an id',
      '<section id="pricing"><div><button>Buy</button></div></section><div><button>Other</button></div>',
      '#pricing button',
      'section#pricing > div > button',
    ],
    ['an id that needs escaping is skipped', '<div class="box"><p id="a:b">x</p></div><p>y</p>', 'p', 'div.box > p'],
    [
      'utility classes that need escaping are skipped',
      '<div><span class="md:flex w-1/2 label">x</span></div><span>y</span>',
      'span',
      'span.label',
    ],
  ])('%s', (_, html, selector, want) => {
    document.body.innerHTML = html;
    const el = $(selector);
    expect(shortSelector(el)).toBe(want);
    expect(document.querySelectorAll(want)).toHaveLength(1);
    expect(document.querySelector(want)).toBe(el);
  });

  it('is relative to the shadow root of the element', () => {
    const host = document.createElement('newsletter-widget');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="wrap"><form class="nl"><input type="email" name="email"></form></div>';
    expect(shortSelector(root.querySelector('form')!)).toBe('form.nl');
  });
});

describe('visibleText', () => {
  it.each([
    ['<input type="submit" value="Join">', 'Join'],
    ['<input type="submit">', 'Submit'],
    ['<input type="text" value="typed by the visitor" aria-label="Your name">', 'Your name'],
    ['<button>  Book\n\t a   demo </button>', 'Book a demo'],
  ])('%s → %s', (html, want) => {
    document.body.innerHTML = html;
    expect(visibleText(document.body.firstElementChild!)).toBe(want);
  });
});
