// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Goal, GoalFiring } from './types';
import { watchPage } from './watch-page';

/** A watcher of this test document, on a clock stopped at `now`, and what it fired. */
function watching(now: number) {
  const fired: GoalFiring[] = [];
  const watcher = watchPage({
    win: window as Window & typeof globalThis,
    fire: (f) => fired.push(f),
    now: () => now,
    pageUrl: () => 'https://shop.example/',
  });
  return { fired, watcher };
}

describe('watchPage numbers its observations', () => {
  it('gives the goals one click matched one number, and the next click another', () => {
    document.body.innerHTML = `<button id="add-to-cart" class="add-to-cart">Add to cart</button>
      <a id="care-guide" href="/care-guide.pdf">Care guide</a>`;
    // One instant: the numbers alone tell the clicks apart.
    const { fired, watcher } = watching(1_000);
    const goals: Goal[] = [
      { id: 'cart', name: 'Add to cart', trigger: { kind: 'click', selector: '#add-to-cart' }, expect: [] },
      {
        id: 'cart_caption',
        name: 'Add to cart (caption)',
        trigger: { kind: 'click', text: 'Add to cart' },
        expect: [],
      },
      { id: 'guide', name: 'Care guide', trigger: { kind: 'download' }, expect: [] },
    ];
    watcher.setGoals(goals);
    document.getElementById('add-to-cart')!.click();
    document.getElementById('care-guide')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(fired.map((f) => [f.goalId, f.observation])).toEqual([
      ['cart', 1],
      ['cart_caption', 1],
      ['guide', 2],
    ]);
  });
});

describe('watchPage started after the page loaded (the content script comes at its load event)', () => {
  it('handles a click and a submit the page hooks held as their listeners would, at the time they happened', () => {
    document.body.innerHTML = `<button class="add-to-cart">Add to cart</button>
      <form id="newsletter"><input type="email" name="email"></form>`;
    const { fired, watcher } = watching(9_000);
    watcher.setGoals([
      { id: 'cart', name: 'Add to cart', trigger: { kind: 'click', selector: '.add-to-cart' }, expect: [] },
      { id: 'news', name: 'Newsletter', trigger: { kind: 'form_submit', hasField: 'email' }, expect: [] },
    ]);
    watcher.replay('click', document.querySelector('.add-to-cart')!, 1_200);
    watcher.replay('submit', document.getElementById('newsletter')!, 1_300);
    // A type no goal listens for, and an element that is not a form for a submit: nothing.
    watcher.replay('play', document.querySelector('.add-to-cart')!, 1_400);
    watcher.replay('submit', document.querySelector('.add-to-cart')!, 1_500);
    expect(fired.map((f) => [f.goalId, f.at, f.element?.selector])).toEqual([
      ['cart', 1_200, 'button.add-to-cart'],
      ['news', 1_300, 'form#newsletter'],
    ]);
    // Live events carry the time they are seen.
    document.querySelector<HTMLButtonElement>('.add-to-cart')!.click();
    expect(fired.at(-1)).toMatchObject({ goalId: 'cart', at: 9_000 });
  });

  it('counts time on the page from its navigation, and from a route change for the next page', () => {
    const delays: number[] = [];
    // The page started 4 s before the watcher (performance.now()), which starts at 10 s on the epoch clock.
    const win = new Proxy(window, {
      get(target, key) {
        if (key === 'setTimeout') return (_: () => void, ms: number) => delays.push(ms);
        if (key === 'clearTimeout') return () => undefined;
        if (key === 'performance') return { now: () => 4_000 };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Window & typeof globalThis;
    let now = 10_000;
    const watcher = watchPage({ win, fire: () => undefined, now: () => now, pageUrl: () => 'https://shop.example/' });
    watcher.setGoals([{ id: 'read', name: 'Read 5 s', trigger: { kind: 'time_on_page', seconds: 5 }, expect: [] }]);
    expect(delays).toEqual([1_000]);
    now = 30_000;
    watcher.observe({ kind: 'page_view', url: 'https://shop.example/checkout', virtual: true });
    expect(delays).toEqual([1_000, 5_000]);
  });
});

describe('watchPage and an embedded YouTube player', () => {
  it('fires a play and a completion the player reports through its iframe API, on the iframe that embeds it', () => {
    document.body.innerHTML = '<iframe id="tour" title="Product tour"></iframe>';
    const tour = document.getElementById('tour') as HTMLIFrameElement;
    const { fired, watcher } = watching(1_000);
    watcher.setGoals([
      { id: 'play', name: 'Tour played', trigger: { kind: 'video', action: 'play', selector: '#tour' }, expect: [] },
      {
        id: 'done',
        name: 'Tour watched',
        trigger: { kind: 'video', action: 'complete', selector: '#tour' },
        expect: [],
      },
    ]);
    const say = (origin: string, data: unknown) =>
      window.dispatchEvent(
        new MessageEvent('message', { data: JSON.stringify(data), origin, source: tour.contentWindow }),
      );
    say('https://www.youtube.com', { event: 'onStateChange', info: 1 });
    say('https://www.youtube-nocookie.com', { event: 'onStateChange', info: 0 });
    // Not the player's API: another origin, another event; a pause (2) is neither a play nor a completion.
    say('https://evil.example', { event: 'onStateChange', info: 1 });
    say('https://www.youtube.com', { event: 'infoDelivery', info: 1 });
    say('https://www.youtube.com', { event: 'onStateChange', info: 2 });
    expect(fired.map((f) => [f.goalId, f.element?.selector])).toEqual([
      ['play', 'iframe#tour'],
      ['done', 'iframe#tour'],
    ]);
  });
});
