import { describe, expect, it } from 'vitest';
import { createLoadHold } from './load-hold';

/** A hold on a fake clock: `tick(ms)` runs what was scheduled by then. */
function setup(maxMs = 3_000) {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let ids = 0;
  const hold = createLoadHold({
    maxMs,
    schedule: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    cancel: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  });
  const tick = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((x) => x !== t);
      t.fn();
    }
  };
  const written: string[] = [];
  const write = (name: string) => () => written.push(name);
  return { hold, tick, written, write, pending: () => timers.length };
}

describe('createLoadHold', () => {
  it('writes at once for a tab that is not loading', () => {
    const { hold, written, write } = setup();
    hold.afterLoad(1, write('a'));
    expect(written).toEqual(['a']);
    expect(hold.holding(1)).toBe(false);
  });

  it('holds the writes of a loading tab until its page has loaded, then writes them in order', () => {
    const { hold, written, write } = setup();
    hold.committed(1);
    hold.afterLoad(1, write('a'));
    hold.afterLoad(1, write('b'));
    hold.afterLoad(2, write('other tab'));
    expect(written).toEqual(['other tab']);
    expect(hold.holding(1)).toBe(true);
    hold.loaded(1);
    expect(written).toEqual(['other tab', 'a', 'b']);
    hold.afterLoad(1, write('after load'));
    expect(written.at(-1)).toBe('after load');
  });

  it('writes what waited after maxMs when the load event does not come, and holds the next ones again', () => {
    const { hold, tick, written, write } = setup(3_000);
    hold.committed(1);
    hold.afterLoad(1, write('a'));
    tick(2_999);
    expect(written).toEqual([]);
    tick(1);
    expect(written).toEqual(['a']);
    hold.afterLoad(1, write('b'));
    expect(written).toEqual(['a']);
    tick(3_000);
    expect(written).toEqual(['a', 'b']);
  });

  it('holds nothing for a tab a view shows live, and writes what waited when the view opens', () => {
    const { hold, written, write, pending } = setup();
    hold.committed(1);
    hold.afterLoad(1, write('before the view'));
    const unwatch = hold.watch(1);
    expect(written).toEqual(['before the view']);
    expect(pending()).toBe(0);
    hold.afterLoad(1, write('while shown'));
    expect(written).toEqual(['before the view', 'while shown']);
    unwatch();
    unwatch(); // a second call changes nothing
    hold.afterLoad(1, write('view closed'));
    expect(written).toEqual(['before the view', 'while shown']);
    hold.loaded(1);
    expect(written).toEqual(['before the view', 'while shown', 'view closed']);
  });

  it('counts views: the tab is held again only once the last one closes', () => {
    const { hold } = setup();
    hold.committed(1);
    const a = hold.watch(1);
    const b = hold.watch(1);
    a();
    expect(hold.holding(1)).toBe(false);
    b();
    expect(hold.holding(1)).toBe(true);
  });

  it('writes what waited when the tab closes before its page loaded (loaded is told on close too)', () => {
    const { hold, written, write, pending } = setup();
    hold.committed(1);
    hold.afterLoad(1, write('a'));
    hold.loaded(1);
    expect(written).toEqual(['a']);
    expect(pending()).toBe(0);
  });

  it('keeps the writes of a page that commits again before it loaded (a redirect by script)', () => {
    const { hold, written, write } = setup();
    hold.committed(1);
    hold.afterLoad(1, write('a'));
    hold.committed(1);
    expect(written).toEqual([]);
    hold.loaded(1);
    expect(written).toEqual(['a']);
  });
});
