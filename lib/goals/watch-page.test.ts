// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Goal, GoalFiring } from './types';
import { watchPage } from './watch-page';

describe('watchPage numbers its observations', () => {
  it('gives the goals one click matched one number, and the next click another', () => {
    document.body.innerHTML = `<button id="add-to-cart" class="add-to-cart">Add to cart</button>
      <a id="care-guide" href="/care-guide.pdf">Care guide</a>`;
    const fired: GoalFiring[] = [];
    const watcher = watchPage({
      win: window as Window & typeof globalThis,
      fire: (f) => fired.push(f),
      now: () => 1_000, // one instant: the numbers alone tell the clicks apart
      pageUrl: () => 'https://shop.example/',
    });
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
