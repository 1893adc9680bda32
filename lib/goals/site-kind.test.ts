// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptSiteReading, readSiteKind, type SiteReading } from './site-kind';

// What kind of site a page reads as, from its markup: written pages of each kind, then the repository's own
// fixture pages, which were not written for this.

function read(html: string): SiteReading {
  return readSiteKind(new DOMParser().parseFromString(html, 'text/html'));
}

describe('readSiteKind', () => {
  it.each<[string, string, SiteReading]>([
    [
      'a product page with JSON-LD and an add-to-cart button',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Desk lamp"}</script><h1>Desk lamp</h1><span class="price">€49</span><button>Add to cart</button>',
      { kinds: ['shop'], signs: ['product markup', 'add-to-cart button', 'prices'] },
    ],
    [
      'a WooCommerce category page',
      '<ul class="products"><li><a class="button add_to_cart_button" href="?add-to-cart=12">Add to basket</a></li></ul>',
      { kinds: ['shop'], signs: ['add-to-cart button'] },
    ],
    [
      'a Shopify product with microdata',
      '<div itemscope itemtype="https://schema.org/Product"><form action="/cart/add"><button>Buy</button></form></div>',
      { kinds: ['shop'], signs: ['product markup', 'add-to-cart button'] },
    ],
    [
      'a SaaS home page',
      '<a href="/pricing">Pricing</a><a class="cta" href="/signup">Start your free trial</a><form id="demo-request"><input type="email" name="email"></form>',
      {
        kinds: ['lead_gen'],
        signs: ['demo, trial or quote form', 'demo or trial call to action', 'pricing page link'],
      },
    ],
    [
      'a B2B page with a "Book a demo" button',
      '<button>Book a demo</button><a href="/pricing/">Plans</a>',
      { kinds: ['lead_gen'], signs: ['demo or trial call to action', 'pricing page link'] },
    ],
    [
      'a blog post',
      '<meta property="og:type" content="article"><article><h1>How we brew</h1><p>Text</p></article><form><input type="email"><button>Subscribe</button></form>',
      { kinds: ['content'], signs: ['article', 'newsletter form'] },
    ],
    [
      'a video page',
      '<script type="application/ld+json">{"@type":["NewsArticle"]}</script><iframe src="https://www.youtube.com/embed/abc"></iframe>',
      { kinds: ['content'], signs: ['article', 'video'] },
    ],
    [
      'a shop blog post: both, the stronger first',
      '<article><p>Our new mug</p></article><button class="add-to-cart">Add to cart</button><span itemprop="price">9</span>',
      { kinds: ['shop', 'content'], signs: ['add-to-cart button', 'prices', 'article'] },
    ],
    ['a page that says too little', '<h1>Hello</h1><p>Welcome.</p><video></video>', { kinds: [], signs: [] }],
    ['an empty page', '', { kinds: [], signs: [] }],
  ])('%s', (_, html, want) => expect(read(html)).toEqual(want));

  it.each<[string, SiteReading['kinds']]>([
    ['e2e/site/shop/index.html', ['shop']],
    ['e2e/site/suggest/index.html', ['shop']],
    ['e2e/site/goals/forms.html', []],
    ['e2e/site/goals/video.html', []],
    ['e2e/site/goals/long.html', []],
    ['e2e/site/capture.html', []],
  ])('reads the fixture page %s as %j', (file, kinds) => {
    expect(read(readFileSync(resolve(file), 'utf8')).kinds).toEqual(kinds);
  });

  it('reads a bounded number of controls: an add-to-cart caption past the 2,000th is not looked at', () => {
    const buttons = (n: number) => Array.from({ length: n }, (_, i) => `<button>Item ${i}</button>`).join('');
    expect(read(`${buttons(1_500)}<button>Add to cart</button>`).kinds).toEqual(['shop']);
    expect(read(`${buttons(2_500)}<button>Add to cart</button>`).kinds).toEqual([]);
  });
});

describe('acceptSiteReading', () => {
  it.each<[unknown, SiteReading | undefined]>([
    [
      { kinds: ['shop'], signs: ['add-to-cart button'] },
      { kinds: ['shop'], signs: ['add-to-cart button'] },
    ],
    [
      { kinds: ['shop', 'casino', 'shop'], signs: ['x', 3, 'y'.repeat(100)] },
      { kinds: ['shop'], signs: ['x'] },
    ],
    [null, undefined],
    ['shop', undefined],
    [{ kinds: 'shop', signs: [] }, undefined],
  ])('%j', (value, want) => expect(acceptSiteReading(value)).toEqual(want));
});
