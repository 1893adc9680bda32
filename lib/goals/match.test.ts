// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { composedClosest, matchGoals, matchTrigger, triggerNeeds, watchList, type Observation } from './match';
import type { Goal, Trigger } from './types';

const page = { url: 'https://shop.example/products/boots', origin: 'https://shop.example' };
const $ = (selector: string): Element => document.querySelector(selector)!;

function html(markup: string): void {
  document.body.innerHTML = markup;
}

beforeEach(() => html(''));

const submit = (selector: string): Observation => ({ kind: 'submit', form: $(selector) });
const click = (selector: string): Observation => {
  const element = $(selector);
  const a = element.closest('a[href]');
  return a
    ? {
        kind: 'click',
        element,
        link: { href: new URL(a.getAttribute('href')!, page.url).href, download: a.hasAttribute('download') },
      }
    : { kind: 'click', element };
};

describe('form_submit', () => {
  it.each<[string, string, Trigger, boolean]>([
    ['any form', '<form></form>', { kind: 'form_submit' }, true],
    ['by selector', '<form id="newsletter"></form>', { kind: 'form_submit', selector: '#newsletter' }, true],
    ['another form', '<form id="login"></form>', { kind: 'form_submit', selector: '#newsletter' }, false],
    ['by an ancestor', '<footer class="nl"><form></form></footer>', { kind: 'form_submit', selector: '.nl' }, true],
    [
      'by a descendant selector',
      '<footer class="nl"><form></form></footer>',
      { kind: 'form_submit', selector: '.nl form' },
      true,
    ],
    [
      'with an email field',
      '<form><input type="email" name="e"></form>',
      { kind: 'form_submit', hasField: 'email' },
      true,
    ],
    ['without an email field', '<form><input name="q"></form>', { kind: 'form_submit', hasField: 'email' }, false],
    ['with a named field', '<form><input name="company"></form>', { kind: 'form_submit', hasField: 'company' }, true],
    [
      'selector and field both',
      '<form class="demo"><input type="tel" name="t"></form>',
      { kind: 'form_submit', selector: '.demo', hasField: 'tel' },
      true,
    ],
    [
      'selector but not field',
      '<form class="demo"><input name="t"></form>',
      { kind: 'form_submit', selector: '.demo', hasField: 'tel' },
      false,
    ],
    ['an invalid selector matches nothing', '<form></form>', { kind: 'form_submit', selector: 'form[[' }, false],
    [
      'not a login form',
      '<form><input type="email" name="e"><input type="password" name="p"></form>',
      { kind: 'form_submit', selector: 'form:not(:has(input[type=password]))', hasField: 'email' },
      false,
    ],
    [
      'a newsletter form with :has',
      '<form><input type="email" name="e"></form>',
      { kind: 'form_submit', selector: 'form:not(:has(input[type=password]))', hasField: 'email' },
      true,
    ],
  ])('%s', (_, markup, trigger, want) => {
    html(markup);
    expect(matchTrigger(trigger, submit('form'), page)).toBe(want);
  });

  it('finds an email field associated with form="id" outside the form', () => {
    html('<form id="signup"><button>Join</button></form><input type="email" name="email" form="signup">');
    expect(matchTrigger({ kind: 'form_submit', hasField: 'email' }, submit('#signup'), page)).toBe(true);
  });

  describe('a form inside a shadow root', () => {
    let form: Element;
    beforeEach(() => {
      html('<div class="footer"><newsletter-widget class="nl-widget"></newsletter-widget></div>');
      const root = $('newsletter-widget').attachShadow({ mode: 'open' });
      root.innerHTML =
        '<div class="inner"><form id="nl" class="newsletter"><input type="email" name="email"><button>Join</button></form></div>';
      form = root.querySelector('form')!;
    });

    it.each<[string, Trigger, boolean]>([
      ['by its own selector', { kind: 'form_submit', selector: 'form.newsletter' }, true],
      ['by its id', { kind: 'form_submit', selector: '#nl', hasField: 'email' }, true],
      ['by an ancestor inside the shadow root', { kind: 'form_submit', selector: '.inner' }, true],
      ['by its shadow host', { kind: 'form_submit', selector: '.nl-widget' }, true],
      ['by an ancestor of its host', { kind: 'form_submit', selector: '.footer' }, true],
      ['not by an unrelated selector', { kind: 'form_submit', selector: '#contact' }, false],
    ])('%s', (_, trigger, want) => expect(matchTrigger(trigger, { kind: 'submit', form }, page)).toBe(want));
  });
});

describe('click', () => {
  it.each<[string, string, string, Trigger, boolean]>([
    [
      'the element itself',
      '<button class="add-to-cart">Add</button>',
      'button',
      { kind: 'click', selector: '.add-to-cart' },
      true,
    ],
    [
      'an icon inside the button',
      '<button class="add-to-cart"><svg><path></path></svg> Add</button>',
      'path',
      { kind: 'click', selector: '.add-to-cart' },
      true,
    ],
    [
      'another button',
      '<button class="wishlist">Save</button>',
      'button',
      { kind: 'click', selector: '.add-to-cart' },
      false,
    ],
    ['by text', '<button>Add to cart</button>', 'button', { kind: 'click', text: 'add to cart' }, true],
    [
      'by text across spaces',
      '<button>\n  Add   to\ncart </button>',
      'button',
      { kind: 'click', text: 'Add to cart' },
      true,
    ],
    [
      'by text of the button around a span',
      '<button><span>Add</span> to cart</button>',
      'span',
      { kind: 'click', text: 'Add to cart' },
      true,
    ],
    [
      'by text of a submit input',
      '<input type="submit" value="Book a demo">',
      'input',
      { kind: 'click', text: 'book a demo' },
      true,
    ],
    [
      'by text of a role=button div',
      '<div role="button"><i>★</i> Add to cart</div>',
      'i',
      { kind: 'click', text: 'Add to cart' },
      true,
    ],
    ['not other text', '<button>Add to wishlist</button>', 'button', { kind: 'click', text: 'Add to cart' }, false],
    [
      'not a long paragraph that mentions it',
      `<p>${'Lorem ipsum '.repeat(20)} add to cart</p>`,
      'p',
      { kind: 'click', text: 'add to cart' },
      false,
    ],
    [
      'a short non-interactive element',
      '<span class="x">Add to cart</span>',
      'span',
      { kind: 'click', text: 'add to cart' },
      true,
    ],
    [
      'selector and text',
      '<a class="cta" href="/demo">Book a demo</a>',
      'a',
      { kind: 'click', selector: '.cta', text: 'demo' },
      true,
    ],
    [
      'selector but not text',
      '<a class="cta" href="/trial">Start trial</a>',
      'a',
      { kind: 'click', selector: '.cta', text: 'demo' },
      false,
    ],
    [
      'a selector on a data attribute',
      '<button data-action="add-to-cart">+</button>',
      'button',
      { kind: 'click', selector: 'button[data-action=add-to-cart]' },
      true,
    ],
  ])('%s', (_, markup, target, trigger, want) => {
    html(markup);
    expect(matchTrigger(trigger, click(target), page)).toBe(want);
  });

  it('matches a button inside a shadow root by its host', () => {
    html('<buy-button class="add-to-cart"></buy-button>');
    const root = $('buy-button').attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Add to cart</button>';
    const element = root.querySelector('button')!;
    expect(matchTrigger({ kind: 'click', selector: '.add-to-cart' }, { kind: 'click', element }, page)).toBe(true);
    expect(matchTrigger({ kind: 'click', text: 'add to cart' }, { kind: 'click', element }, page)).toBe(true);
  });
});

describe('download', () => {
  it.each<[string, string, Trigger, boolean]>([
    ['a pdf', '<a href="/files/Guide.PDF">Guide</a>', { kind: 'download' }, true],
    ['a zip with a query', '<a href="https://cdn.example/pack.zip?v=2">Pack</a>', { kind: 'download' }, true],
    ['a download attribute', '<a href="/export?id=1" download>Export</a>', { kind: 'download' }, true],
    ['a page', '<a href="/about">About</a>', { kind: 'download' }, false],
    ['a dot in a folder', '<a href="/v1.2/about">About</a>', { kind: 'download' }, false],
    ['an extension in the hash only', '<a href="/about#x.pdf">About</a>', { kind: 'download' }, false],
    ['a listed extension', '<a href="/a.sketch">A</a>', { kind: 'download', extensions: ['sketch'] }, true],
    ['an extension not listed', '<a href="/a.pdf">A</a>', { kind: 'download', extensions: ['sketch'] }, false],
    ['an extension written with a dot', '<a href="/a.pdf">A</a>', { kind: 'download', extensions: ['.PDF'] }, true],
  ])('%s', (_, markup, trigger, want) => {
    html(markup);
    expect(matchTrigger(trigger, click('a'), page)).toBe(want);
  });

  it('needs a link', () => {
    html('<button>file.pdf</button>');
    expect(matchTrigger({ kind: 'download' }, click('button'), page)).toBe(false);
  });
});

describe('outbound_click', () => {
  it.each<[string, string, Trigger, boolean]>([
    ['another site', 'https://partner.example/x', { kind: 'outbound_click' }, true],
    ['the same site', 'https://shop.example/cart', { kind: 'outbound_click' }, false],
    ['a relative link', '/cart', { kind: 'outbound_click' }, false],
    ['www of the same site', 'https://www.shop.example/', { kind: 'outbound_click' }, false],
    ['a subdomain', 'https://blog.shop.example/', { kind: 'outbound_click' }, true],
    ['mailto', 'mailto:hello@shop.example', { kind: 'outbound_click' }, false],
    ['tel', 'tel:+33100000000', { kind: 'outbound_click' }, false],
    ['a listed host', 'https://www.partner.example/x', { kind: 'outbound_click', hosts: ['partner.example'] }, true],
    [
      'a subdomain of a listed host',
      'https://eu.partner.example/x',
      { kind: 'outbound_click', hosts: ['partner.example'] },
      true,
    ],
    ['a host not listed', 'https://other.example/', { kind: 'outbound_click', hosts: ['partner.example'] }, false],
    ['a look-alike host', 'https://notpartner.example/', { kind: 'outbound_click', hosts: ['partner.example'] }, false],
  ])('%s', (_, href, trigger, want) => {
    html(`<a href="${href}">link</a>`);
    expect(matchTrigger(trigger, click('a'), page)).toBe(want);
  });
});

describe('page observations', () => {
  const view = (url: string, virtual = false): Observation => ({ kind: 'page_view', url, virtual });
  it.each<[string, Trigger, Observation, boolean]>([
    ['site search with q', { kind: 'site_search' }, view('https://shop.example/search?q=boots'), true],
    ['site search with WordPress s', { kind: 'site_search' }, view('https://blog.example/?s=tags'), true],
    [
      'site search on a virtual page view',
      { kind: 'site_search' },
      view('https://shop.example/search?query=x', true),
      true,
    ],
    ['an empty search', { kind: 'site_search' }, view('https://shop.example/search?q=%20'), false],
    ['no search parameter', { kind: 'site_search' }, view('https://shop.example/search?page=2'), false],
    [
      'a custom search parameter',
      { kind: 'site_search', param: 'term' },
      view('https://shop.example/find?term=boots'),
      true,
    ],
    [
      'only the custom parameter',
      { kind: 'site_search', param: 'term' },
      view('https://shop.example/find?q=boots'),
      false,
    ],
    [
      'several custom parameters',
      { kind: 'site_search', param: 'k, term' },
      view('https://shop.example/find?term=boots'),
      true,
    ],
    [
      'a page view by glob',
      { kind: 'page_view', url: '*/thank-you*' },
      view('https://shop.example/thank-you?order=1'),
      true,
    ],
    [
      'a virtual page view by regex',
      { kind: 'page_view', url: '/\\/checkout\\/success/' },
      view('https://shop.example/checkout/success', true),
      true,
    ],
    ['another page', { kind: 'page_view', url: '*/thank-you*' }, view('https://shop.example/cart'), false],
    ['scroll past the depth', { kind: 'scroll_depth', percent: 75 }, { kind: 'scroll', percent: 80 }, true],
    ['scroll at the depth', { kind: 'scroll_depth', percent: 75 }, { kind: 'scroll', percent: 75 }, true],
    ['scroll short of it', { kind: 'scroll_depth', percent: 75 }, { kind: 'scroll', percent: 50 }, false],
    ['time past it', { kind: 'time_on_page', seconds: 30 }, { kind: 'time', seconds: 31 }, true],
    ['time short of it', { kind: 'time_on_page', seconds: 30 }, { kind: 'time', seconds: 10 }, false],
    [
      'the dataLayer event',
      { kind: 'datalayer_event', event: 'purchase' },
      { kind: 'datalayer', event: 'purchase', source: 'dataLayer' },
      true,
    ],
    [
      'the same event from gtag',
      { kind: 'datalayer_event', event: 'purchase' },
      { kind: 'datalayer', event: 'purchase', source: 'gtag' },
      true,
    ],
    [
      'another event',
      { kind: 'datalayer_event', event: 'purchase' },
      { kind: 'datalayer', event: 'Purchase', source: 'fbq' },
      false,
    ],
    ['video play', { kind: 'video', action: 'play' }, { kind: 'video', action: 'play' }, true],
    ['video play is not complete', { kind: 'video', action: 'complete' }, { kind: 'video', action: 'play' }, false],
    [
      'video progress past the percent',
      { kind: 'video', action: 'progress', percent: 50 },
      { kind: 'video', action: 'progress', percent: 75 },
      true,
    ],
    [
      'video progress short of it',
      { kind: 'video', action: 'progress', percent: 50 },
      { kind: 'video', action: 'progress', percent: 25 },
      false,
    ],
    [
      'video progress without a percent',
      { kind: 'video', action: 'progress', percent: 50 },
      { kind: 'video', action: 'progress' },
      false,
    ],
    [
      'any video progress',
      { kind: 'video', action: 'progress' },
      { kind: 'video', action: 'progress', percent: 10 },
      true,
    ],
    ['a scroll is not a time', { kind: 'time_on_page', seconds: 1 }, { kind: 'scroll', percent: 100 }, false],
  ])('%s', (_, trigger, obs, want) => expect(matchTrigger(trigger, obs, page)).toBe(want));

  it.each<[string, Trigger, boolean]>([
    ['by selector', { kind: 'video', action: 'play', selector: '.hero video' }, true],
    ['not another video', { kind: 'video', action: 'play', selector: '.testimonials video' }, false],
  ])('video %s', (_, trigger, want) => {
    html('<div class="hero"><video></video></div>');
    expect(matchTrigger(trigger, { kind: 'video', action: 'play', element: $('video') }, page)).toBe(want);
  });

  it('needs the video element when the trigger names one', () =>
    expect(
      matchTrigger({ kind: 'video', action: 'play', selector: 'video' }, { kind: 'video', action: 'play' }, page),
    ).toBe(false));

  it.each<[string, string, boolean]>([
    ['the element', '#reviews', true],
    ['one of a list', '#reviews, .reviews', true],
    ['not another', '.faq', false],
  ])('element_visible %s', (_, selector, want) => {
    html('<section id="reviews"></section>');
    expect(matchTrigger({ kind: 'element_visible', selector }, { kind: 'visible', element: $('#reviews') }, page)).toBe(
      want,
    );
  });
});

describe('matchGoals', () => {
  const goal = (id: string, trigger: Trigger): Goal => ({ id, name: id, trigger });
  const goals = [
    goal('signup', { kind: 'form_submit', hasField: 'email' }),
    goal('cart', { kind: 'click', text: 'Add to cart' }),
    goal('pdf', { kind: 'download' }),
    goal('any_click', { kind: 'click', selector: '*' }),
    goal('scroll50', { kind: 'scroll_depth', percent: 50 }),
    goal('scroll90', { kind: 'scroll_depth', percent: 90 }),
  ];

  it('returns every goal a click matches, in plan order', () => {
    html('<a href="/price-list.pdf">Add to cart</a>');
    expect(matchGoals(goals, click('a'), page).map((g) => g.id)).toEqual(['cart', 'pdf', 'any_click']);
  });

  it('returns only the thresholds passed', () =>
    expect(matchGoals(goals, { kind: 'scroll', percent: 60 }, page).map((g) => g.id)).toEqual(['scroll50']));

  it('returns nothing for an observation no goal reads', () =>
    expect(matchGoals(goals, { kind: 'time', seconds: 600 }, page)).toEqual([]));
});

describe('triggerNeeds and watchList', () => {
  const goals: Goal[] = [
    { id: 'a', name: 'a', trigger: { kind: 'download' } },
    { id: 'b', name: 'b', trigger: { kind: 'site_search' } },
    { id: 'c', name: 'c', trigger: { kind: 'scroll_depth', percent: 90 } },
    { id: 'd', name: 'd', trigger: { kind: 'scroll_depth', percent: 25 } },
    { id: 'e', name: 'e', trigger: { kind: 'element_visible', selector: '#reviews' } },
    { id: 'f', name: 'f', trigger: { kind: 'video', action: 'progress', percent: 50 } },
    { id: 'g', name: 'g', trigger: { kind: 'time_on_page', seconds: 30 } },
    { id: 'h', name: 'h', trigger: { kind: 'scroll_depth', percent: 90 } },
  ];

  it('lists only the listeners the goals need', () => {
    expect(triggerNeeds(goals)).toEqual(new Set(['click', 'page_view', 'scroll', 'visible', 'video', 'time']));
    expect(triggerNeeds([])).toEqual(new Set());
  });

  it('lists the selectors and thresholds to watch, each once, ascending', () =>
    expect(watchList(goals)).toEqual({
      visibleSelectors: ['#reviews'],
      scrollPercents: [25, 90],
      timeSeconds: [30],
      videoPercents: [50],
    }));
});

describe('composedClosest', () => {
  it('climbs out of nested shadow roots', () => {
    html('<section class="outer"><x-a></x-a></section>');
    const a = $('x-a').attachShadow({ mode: 'open' });
    a.innerHTML = '<x-b></x-b>';
    const b = a.querySelector('x-b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<button>Go</button>';
    expect(composedClosest(b.querySelector('button')!, '.outer')).toBe($('.outer'));
    expect(composedClosest(b.querySelector('button')!, '.nowhere')).toBeNull();
  });
});
