// @vitest-environment happy-dom
import { VirtualConsole, VirtualConsolePrinter, Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from './schema';
import { suggestGoals } from './suggest';
import type { Goal } from './types';

const PAGE = 'https://shop.example/products/mug';

// A window of its own whose console keeps quiet: happy-dom reports every iframe it does not load.
const win = new Window({ url: PAGE, console: new VirtualConsole(new VirtualConsolePrinter()) });
afterAll(() => win.close());

function suggest(html: string): Goal[] {
  win.document.body.innerHTML = html;
  return suggestGoals(win.document as unknown as Document, PAGE);
}

const triggers = (html: string) => suggest(html).map((g) => g.trigger);
const names = (html: string) => suggest(html).map((g) => g.name);

describe('suggestGoals', () => {
  it('finds the five kinds on a shop page, each with its tags, all valid', () => {
    const goals = suggest(`
      <form id="newsletter" action="/subscribe"><input type="email" name="email"><button>Subscribe</button></form>
      <video id="intro" src="/intro.mp4"></video>
      <button class="btn add-to-cart" name="add">Add to cart</button>
      <a href="/files/brochure.pdf">Brochure</a>
      <form action="/search" role="search"><input type="search" name="q"></form>`);
    expect(goals).toEqual([
      {
        id: 'newsletter_signup_form_newsletter',
        name: 'Newsletter signup (form#newsletter)',
        category: 'interaction',
        trigger: { kind: 'form_submit', selector: 'form#newsletter', hasField: 'email' },
        expect: [
          { vendor: 'ga4', event: 'generate_lead' },
          { vendor: 'meta-pixel', event: 'Lead' },
        ],
      },
      {
        id: 'site_search_q',
        name: 'Site search (?q=)',
        category: 'navigation',
        trigger: { kind: 'site_search', param: 'q' },
        expect: [
          { vendor: 'ga4', event: 'view_search_results' },
          { vendor: 'meta-pixel', event: 'Search' },
        ],
      },
      {
        id: 'video_play_video_intro',
        name: 'Video play (video#intro)',
        category: 'engagement',
        trigger: { kind: 'video', action: 'play', selector: 'video#intro' },
        expect: [{ vendor: 'ga4', event: 'video_start' }],
      },
      {
        id: 'add_to_cart_button_name_add',
        name: 'Add to cart (button[name="add"])',
        category: 'interaction',
        trigger: { kind: 'click', selector: 'button[name="add"]' },
        expect: [
          { vendor: 'ga4', event: 'add_to_cart' },
          { vendor: 'meta-pixel', event: 'AddToCart' },
        ],
      },
      {
        id: 'pdf_download_brochure_pdf',
        name: 'PDF download (brochure.pdf)',
        category: 'interaction',
        trigger: { kind: 'download', extensions: ['pdf'] },
        expect: [{ vendor: 'ga4', event: 'file_download' }],
      },
    ]);
    const parsed = parsePlan(
      { version: 1, goals },
      {
        isValidSelector: (s) => {
          try {
            win.document.querySelector(s);
            return true;
          } catch {
            return false;
          }
        },
      },
    );
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  describe('forms with an email field', () => {
    it.each<[string, string, string, string]>([
      ['by id', '<form id="nl"><input type="email"></form>', 'form#nl', 'Newsletter signup'],
      ['by name', '<form name="signup"><input name="email"></form>', 'form[name="signup"]', 'Newsletter signup'],
      [
        'by a meaningful class first',
        '<form class="mt-4 footer newsletter-form"><input type="email"></form>',
        'form.newsletter-form',
        'Newsletter signup',
      ],
      [
        'by class, state classes skipped',
        '<form class="is-active footer-signup"><input type="email"></form>',
        'form.footer-signup',
        'Newsletter signup',
      ],
      [
        'a generated id is not used',
        '<form id="form-83749283" class="subscribe"><input type="email"></form>',
        'form.subscribe',
        'Newsletter signup',
      ],
      [
        'a CSS-module class is not used',
        '<form class="Form_root__3xK9a"><input type="email"></form>',
        'form',
        'Newsletter signup',
      ],
      [
        'by action',
        '<form action="/newsletter"><input type="email"></form>',
        'form[action="/newsletter"]',
        'Newsletter signup',
      ],
      [
        'inside an element with an id',
        '<div id="footer"><form><input type="email"></form></div>',
        '#footer form',
        'Newsletter signup',
      ],
      [
        'an id that is not an identifier',
        '<form id="1nl"><input type="email"></form>',
        'form[id="1nl"]',
        'Newsletter signup',
      ],
      [
        'a contact form is a lead form',
        '<form id="contact"><input name="name"><input type="email"><textarea name="message"></textarea></form>',
        'form#contact',
        'Lead form',
      ],
      [
        'a phone field makes a lead form',
        '<form id="f"><input type="email"><input type="tel"></form>',
        'form#f',
        'Lead form',
      ],
    ])('%s', (_, html, selector, label) => {
      const [goal, ...rest] = suggest(html);
      expect(rest).toEqual([]);
      expect(goal?.trigger).toEqual({ kind: 'form_submit', selector, hasField: 'email' });
      expect(goal?.name).toBe(`${label} (${selector})`);
    });

    it.each([
      ['a login form', '<form id="login"><input type="email"><input type="password"></form>'],
      ['a form without email', '<form id="f"><input name="city"></form>'],
      ['a POST search form', '<form method="post" id="s"><input type="search" name="q"></form>'],
    ])('ignores %s', (_, html) => expect(suggest(html)).toEqual([]));
  });

  describe('videos', () => {
    it.each<[string, string, string, string]>([
      ['a video by class', '<video class="hero-video" src="a.mp4"></video>', 'video.hero-video', 'Video play'],
      [
        'a YouTube embed by its video id',
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0"></iframe>',
        'iframe[src*="/embed/dQw4w9WgXcQ"]',
        'YouTube video play',
      ],
      [
        'a nocookie embed by id',
        '<iframe id="yt" src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
        'iframe#yt',
        'YouTube video play',
      ],
      [
        'a Vimeo player',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
        'iframe[src*="/video/76979871"]',
        'Vimeo video play',
      ],
    ])('%s', (_, html, selector, label) => {
      expect(suggest(html)).toEqual([
        expect.objectContaining({
          name: `${label} (${selector})`,
          trigger: { kind: 'video', action: 'play', selector },
        }),
      ]);
    });
    it.each([
      ['another iframe', '<iframe src="https://maps.example/embed"></iframe>'],
      ['a YouTube page that is not an embed', '<iframe src="https://www.youtube.com/watch?v=x"></iframe>'],
    ])('ignores %s', (_, html) => expect(suggest(html)).toEqual([]));
  });

  describe('add-to-cart buttons', () => {
    it.each<[string, string, unknown]>([
      ['by class', '<button class="btn add-to-cart">Buy</button>', { kind: 'click', selector: 'button.add-to-cart' }],
      [
        'WooCommerce',
        '<a href="?add-to-cart=12" class="button add_to_cart_button ajax">Add to basket</a>',
        { kind: 'click', selector: 'a.add_to_cart_button' },
      ],
      [
        'by name',
        '<button name="add-to-cart" value="12">Add</button>',
        { kind: 'click', selector: 'button[name="add-to-cart"]' },
      ],
      [
        'by data-action',
        '<button data-action="add-to-cart">+</button>',
        { kind: 'click', selector: 'button[data-action="add-to-cart"]' },
      ],
      [
        'an input by its value',
        '<input type="submit" id="buy" value="Add to cart">',
        { kind: 'click', selector: 'input#buy' },
      ],
      ['by its caption only', '<button>Add to bag</button>', { kind: 'click', text: 'Add to bag' }],
      [
        'by caption inside an element with an id',
        '<div id="product"><button>In den Warenkorb</button></div>',
        { kind: 'click', selector: '#product button', text: 'In den Warenkorb' },
      ],
    ])('%s', (_, html, trigger) => expect(triggers(html)).toEqual([trigger]));

    it('makes one goal for a listing of identical buttons', () =>
      expect(names('<button class="add-to-cart">Add to cart</button>'.repeat(12))).toEqual([
        'Add to cart (button.add-to-cart)',
      ]));

    it.each([
      ['a cart link', '<a href="/cart">Cart (2)</a>'],
      ['a remove button', '<button class="remove-from-cart">Remove</button>'],
    ])('ignores %s', (_, html) => expect(suggest(html)).toEqual([]));
  });

  describe('downloads', () => {
    it('makes one goal per file type', () =>
      expect(
        suggest(
          '<a href="/a.pdf">A</a><a href="https://cdn.example/b.PDF?v=2">B</a><a href="/files/setup.zip">Z</a><a href="/c.pdf#p=2">C</a>',
        ).map((g) => [g.name, g.trigger]),
      ).toEqual([
        ['PDF download (a.pdf and 2 more)', { kind: 'download', extensions: ['pdf'] }],
        ['ZIP download (setup.zip)', { kind: 'download', extensions: ['zip'] }],
      ]));
    it.each([
      ['a page', '<a href="/about.html">About</a>'],
      ['a folder with a dot', '<a href="/v1.2/docs">Docs</a>'],
      ['a mailto', '<a href="mailto:x@y.pdf">Mail</a>'],
      ['an image', '<a href="/big.jpg">Photo</a>'],
    ])('ignores %s', (_, html) => expect(suggest(html)).toEqual([]));
  });

  describe('search forms', () => {
    it.each<[string, string, string]>([
      ['type=search', '<form><input type="search" name="term"></form>', 'term'],
      ['name s (WordPress)', '<form action="/"><input type="text" name="s"></form>', 's'],
      ['role=search with any input name', '<form role="search"><input name="keyword_text"></form>', 'keyword_text'],
    ])('%s', (_, html, param) => expect(triggers(html)).toEqual([{ kind: 'site_search', param }]));
    it('is not also a newsletter form', () =>
      expect(names('<form id="s"><input type="search" name="q"><input type="email" name="email"></form>')).toEqual([
        'Site search (?q=)',
      ]));
  });

  it('gives unique ids when names collide', () => {
    const ids = suggest(
      '<form class="nl"><input type="email"></form><form class="nl"><input type="email" name="e"><input type="checkbox" name="x"></form>',
    ).map((g) => g.id);
    expect(ids).toEqual(['newsletter_signup_form_nl']);
  });

  it('stops at 40 suggestions on a huge page', () =>
    expect(
      suggest(Array.from({ length: 100 }, (_, i) => `<form id="f${i}x"><input type="email"></form>`).join('')),
    ).toHaveLength(40));

  it('finds nothing on an empty page', () => expect(suggest('')).toEqual([]));
});
