// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { installPageHooks, signalPoster } from './hooks';
import { Window as HappyWindow } from 'happy-dom';
import { EARLY_EVENT, HOLD_MAX, READY_EVENT, SIGNAL_KEY, type PageSignal } from './signals';

type Win = Window &
  typeof globalThis & {
    dataLayer?: unknown[];
    fbq?: (...args: unknown[]) => unknown;
    gtag?: (...args: unknown[]) => void;
  };

let signals: PageSignal[];
let win: Win;

function install(prepare?: (w: Win) => void) {
  win = window as Win;
  delete win.dataLayer;
  delete win.fbq;
  prepare?.(win);
  signals = [];
  installPageHooks(win, (s) => signals.push(s));
}

const events = () =>
  signals.filter((s) => s.kind === 'datalayer').map((s) => (s.kind === 'datalayer' ? `${s.source}:${s.event}` : ''));

describe('dataLayer', () => {
  beforeEach(() => install());

  it('reports pushes made before the hooks ran', () => {
    install((w) => {
      w.dataLayer = [{ event: 'early' }, { notAnEvent: 1 }];
    });
    expect(events()).toEqual(['dataLayer:early']);
  });

  it('reports pushes to a dataLayer created later, and to one that replaces it', () => {
    win.dataLayer = win.dataLayer || [];
    win.dataLayer.push({ event: 'first' });
    win.dataLayer = [];
    win.dataLayer.push({ event: 'second' });
    expect(events()).toEqual(['dataLayer:first', 'dataLayer:second']);
  });

  it('keeps reporting after the page replaces push, and returns what the page function returns', () => {
    win.dataLayer = [];
    const seen: unknown[] = [];
    // GTM assigns its own push, whose return value is not the array length.
    const layer = win.dataLayer as unknown as { push: (...items: unknown[]) => unknown };
    layer.push = function (...items: unknown[]) {
      seen.push(...items);
      return 'gtm-return';
    };
    expect(layer.push({ event: 'after_gtm' })).toBe('gtm-return');
    expect(seen).toEqual([{ event: 'after_gtm' }]);
    expect(events()).toEqual(['dataLayer:after_gtm']);
  });

  it('reads gtag events and consent commands', () => {
    win.dataLayer = [];
    win.gtag = function gtag() {
      // eslint-disable-next-line prefer-rest-params
      win.dataLayer!.push(arguments);
    };
    // The EEA's 30 countries and the UK: a region list crosses whole, not cut as a snapshot would.
    const region = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT NL NO PL PT RO SK SI ES SE GB'.split(
      ' ',
    );
    win.gtag('consent', 'default', {
      ad_storage: 'denied',
      analytics_storage: 'granted',
      wait_for_update: 500,
      region,
    });
    win.gtag('consent', 'update', { ad_storage: 'granted' });
    win.gtag('event', 'sign_up', { method: 'email' });
    expect(signals.map((s) => s.kind)).toEqual(['consent', 'consent', 'datalayer']);
    expect(signals[0]).toMatchObject({ kind: 'consent', source: 'gcm_default' });
    expect(JSON.parse(signals[0]!.kind === 'consent' ? signals[0]!.data : '')).toEqual({
      ad_storage: 'denied',
      analytics_storage: 'granted',
      wait_for_update: 500,
      region,
    });
    expect(signals[1]).toMatchObject({ kind: 'consent', source: 'gcm_update', data: '{"ad_storage":"granted"}' });
    expect(events()).toEqual(['gtag:sign_up']);
    // A command that cannot be serialised is not read, and the page's call goes on as before.
    const cyclic: Record<string, unknown> = { ad_storage: 'denied' };
    cyclic.self = cyclic;
    expect(() => win.gtag!('consent', 'update', cyclic)).not.toThrow();
    expect(win.dataLayer!.length).toBe(4);
    expect(signals.filter((s) => s.kind === 'consent')).toHaveLength(2);
  });

  it('survives cyclic and huge objects, bounding what it serialises', () => {
    win.dataLayer = [];
    const cyclic: Record<string, unknown> = { event: 'cyclic' };
    cyclic.self = cyclic;
    const huge = {
      event: 'huge',
      blob: 'x'.repeat(1_000_000),
      deep: JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)) as unknown,
    };
    expect(win.dataLayer.push(cyclic, huge)).toBe(2);
    const data = signals.map((s) => (s.kind === 'datalayer' ? (s.data ?? '') : ''));
    expect(events()).toEqual(['dataLayer:cyclic', 'dataLayer:huge']);
    expect(data[0]).toContain('[cycle]');
    expect(Math.max(...data.map((d) => d.length))).toBeLessThanOrEqual(2049);
  });

  it('never lets a throwing getter reach the page', () => {
    win.dataLayer = [];
    const evil = Object.defineProperty({}, 'event', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(() => win.dataLayer!.push(evil)).not.toThrow();
  });
});

describe('the TCF API', () => {
  it('listens once it appears, and passes the TC string whole', async () => {
    install();
    const listeners: Array<(data: unknown, ok: boolean) => void> = [];
    const tcString = `CQrQMwAQrQMwAEEABAENCyFoAOAAAEIAAAqIF5wAgAAgLzAvOACAvMAA${'A'.repeat(400)}`;
    let returned: unknown;
    (win as unknown as Record<string, unknown>).__tcfapi = (
      command: string,
      version: number,
      cb: (data: unknown, ok: boolean) => void,
    ) => {
      if (command === 'addEventListener' && version === 2) listeners.push(cb);
      return 'cmp-return';
    };
    await new Promise((r) => setTimeout(r, 600));
    returned = ((win as unknown as Record<string, unknown>).__tcfapi as (...a: unknown[]) => unknown)(
      'ping',
      2,
      () => undefined,
    );
    expect(returned).toBe('cmp-return');
    expect(listeners.length).toBeGreaterThanOrEqual(1);
    const before = signals.length;
    listeners.at(-1)!({ gdprApplies: true, eventStatus: 'useractioncomplete', cmpId: 10, tcString }, true);
    listeners.at(-1)!({ gdprApplies: true }, false);
    const got = signals
      .slice(before)
      .flatMap((s) => (s.kind === 'consent' ? [{ source: s.source, data: JSON.parse(s.data) as unknown }] : []));
    expect(got).toEqual([
      { source: 'tcf', data: { gdprApplies: true, eventStatus: 'useractioncomplete', cmpId: 10, tcString } },
    ]);
    delete (win as unknown as Record<string, unknown>).__tcfapi;
  });
});

describe('fbq', () => {
  it('reports track calls and keeps the stub working for the library that replaces it', () => {
    install();
    const queue: unknown[] = [];
    const stub = Object.assign((...args: unknown[]) => queue.push(args), { queue, loaded: true });
    win.fbq = stub;
    win.fbq('track', 'Lead', { value: 5 });
    expect(queue).toEqual([['track', 'Lead', { value: 5 }]]);
    expect((win.fbq as unknown as { loaded: boolean }).loaded).toBe(true);
    expect(events()).toEqual(['fbq:Lead']);
  });
});

describe('network', () => {
  it('forwards a Blob beacon body and returns what sendBeacon returned', async () => {
    install((w) => {
      Object.defineProperty(w.navigator, 'sendBeacon', { value: () => true, configurable: true, writable: true });
    });
    expect(win.navigator.sendBeacon('/g/collect?v=2', new Blob(['en=sign_up']))).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(signals).toEqual([
      expect.objectContaining({ kind: 'request', api: 'beacon', method: 'POST', body: btoa('en=sign_up') }),
    ]);
  });

  it('forwards a binary Blob body (a gzipped batch) intact, as base64 of its bytes', async () => {
    install((w) => {
      Object.defineProperty(w.navigator, 'sendBeacon', { value: () => true, configurable: true, writable: true });
    });
    const gzipHead = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xab, 0xae, 0x05, 0x00];
    win.navigator.sendBeacon(
      'https://us.i.posthog.com/e/',
      new Blob([new Uint8Array(gzipHead)], { type: 'text/plain' }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(signals).toEqual([
      expect.objectContaining({ kind: 'request', body: Buffer.from(gzipHead).toString('base64') }),
    ]);
  });

  it.each([
    ['no body', []],
    ['an empty string', ['']],
  ])('forwards an empty body for a sendBeacon with %s: nothing was withheld', (_, rest) => {
    install((w) => {
      Object.defineProperty(w.navigator, 'sendBeacon', { value: () => true, configurable: true, writable: true });
    });
    (win.navigator.sendBeacon as (...a: unknown[]) => boolean)(
      'https://www.google-analytics.com/g/collect?v=2&tid=G-1&en=sign_up',
      ...rest,
    );
    expect(signals).toEqual([expect.objectContaining({ kind: 'request', api: 'beacon', body: '' })]);
  });

  it('does not forward string bodies: webRequest reports those itself', () => {
    install((w) => {
      Object.defineProperty(w.navigator, 'sendBeacon', { value: () => true, configurable: true, writable: true });
    });
    win.navigator.sendBeacon('/collect', 'en=page_view');
    expect(signals).toEqual([]);
  });
});

describe('history', () => {
  it('reports SPA route changes', () => {
    install();
    win.history.pushState({}, '', '/cart');
    expect(signals).toContainEqual(expect.objectContaining({ kind: 'history', url: expect.stringContaining('/cart') }));
  });
});

describe('signalPoster', () => {
  /** A window that records what is posted, and whose content script says it listens when `ready()` is called. */
  const fakeWindow = (posted: unknown[]) => {
    const listeners: Array<() => void> = [];
    const win = {
      postMessage: (m: unknown) => posted.push(m),
      queueMicrotask: (fn: () => void) => queueMicrotask(fn),
      location: { origin: 'https://shop.example' },
      addEventListener: (type: string, fn: () => void) => {
        if (type === READY_EVENT) listeners.push(fn);
      },
    } as unknown as Window;
    const ready = () => {
      for (const fn of listeners.splice(0)) fn();
    };
    return Object.assign(win, { ready });
  };
  const history = (n: number): PageSignal => ({ kind: 'history', url: `https://shop.example/${n}`, at: n });
  /** A poster whose content script already listens. */
  const readyPoster = (posted: unknown[], max?: number) => {
    const win = fakeWindow(posted);
    const post = signalPoster(win, max);
    win.ready();
    return post;
  };

  it('holds what comes before the content script listens, then posts it in order, at most HOLD_MAX', async () => {
    const posted: unknown[] = [];
    const win = fakeWindow(posted);
    const post = signalPoster(win, 2);
    for (let i = 1; i <= 3; i++) post(history(i));
    await Promise.resolve();
    expect(posted).toEqual([]);
    post(history(4));
    win.ready();
    expect(posted).toEqual([
      { [SIGNAL_KEY]: [history(1), history(2)] },
      { [SIGNAL_KEY]: [history(3)] },
      { [SIGNAL_KEY]: [history(4)] },
    ]);
    // Once it listens, signals go as they come; a flood before it was cut at HOLD_MAX.
    const flooded: unknown[] = [];
    const other = fakeWindow(flooded);
    const postFlood = signalPoster(other, 1);
    for (let i = 0; i < HOLD_MAX + 50; i++) postFlood(history(i));
    other.ready();
    expect(flooded).toHaveLength(HOLD_MAX);
  });

  it('posts at once from a poster made after the content script said it listens (the CMP reader)', async () => {
    const posted: unknown[] = [];
    const win = fakeWindow(posted);
    signalPoster(win);
    win.ready();
    const late = signalPoster(win);
    late(history(1));
    await Promise.resolve();
    expect(posted).toEqual([{ [SIGNAL_KEY]: [history(1)] }]);
  });

  it('posts the signals of one task together, once the task is done', async () => {
    const posted: unknown[] = [];
    const post = readyPoster(posted);
    post(history(1));
    post(history(2));
    expect(posted).toEqual([]);
    await Promise.resolve();
    expect(posted).toEqual([{ [SIGNAL_KEY]: [history(1), history(2)] }]);
    post(history(3));
    await Promise.resolve();
    expect(posted).toEqual([{ [SIGNAL_KEY]: [history(1), history(2)] }, { [SIGNAL_KEY]: [history(3)] }]);
  });

  it('posts a full batch at once, and the rest after', async () => {
    const posted: unknown[] = [];
    const post = readyPoster(posted, 2);
    for (let i = 1; i <= 3; i++) post(history(i));
    expect(posted).toEqual([{ [SIGNAL_KEY]: [history(1), history(2)] }]);
    await Promise.resolve();
    expect(posted).toEqual([{ [SIGNAL_KEY]: [history(1), history(2)] }, { [SIGNAL_KEY]: [history(3)] }]);
  });

  it('does not use Array.prototype.push, which the page may have patched', async () => {
    const posted: unknown[] = [];
    const post = readyPoster(posted);
    const original = Array.prototype.push;
    let calls = 0;
    Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
      calls++;
      return Reflect.apply(original, this, items) as number;
    };
    try {
      post(history(1));
      post(history(2));
    } finally {
      Array.prototype.push = original;
    }
    expect(calls).toBe(0);
  });
});

describe('before the content script is there', () => {
  it('holds clicks and submits on their elements, and hands each over once, when the content script listens', () => {
    const fresh = new HappyWindow({ url: 'https://shop.example/' }) as unknown as Window & typeof globalThis;
    installPageHooks(fresh, () => undefined);
    const doc = fresh.document;
    doc.body.innerHTML = '<button id="add">Add</button><form id="news"></form>';
    const button = doc.getElementById('add')!;
    const form = doc.getElementById('news')!;
    const handed: Array<{ target: EventTarget | null; detail: string }> = [];
    fresh.addEventListener(
      EARLY_EVENT,
      (e) => handed.push({ target: e.target, detail: (e as CustomEvent).detail }),
      true,
    );
    let pageClicks = 0;
    button.addEventListener('click', () => pageClicks++);
    button.click();
    form.dispatchEvent(new fresh.Event('submit', { bubbles: true }));
    expect(handed).toEqual([]);
    fresh.dispatchEvent(new fresh.CustomEvent(READY_EVENT));
    expect(handed.map((h) => [h.target, h.detail.split(' ')[0]])).toEqual([
      [button, 'click'],
      [form, 'submit'],
    ]);
    expect(Number(handed[0]!.detail.split(' ')[1])).toBeGreaterThan(0);
    // The page's own listener saw one click, not a second one; later clicks are not held.
    expect(pageClicks).toBe(1);
    button.click();
    fresh.dispatchEvent(new fresh.CustomEvent(READY_EVENT));
    expect(handed).toHaveLength(2);
    fresh.close();
  });
});
