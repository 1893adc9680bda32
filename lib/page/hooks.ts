import {
  EARLY_EVENT,
  EARLY_TYPES,
  HOLD_MAX,
  SIGNAL_BODY_CAP,
  SIGNAL_KEY,
  SIGNALS_PER_MESSAGE,
  whenReady,
  type ConsentSource,
  type PageSignal,
} from './signals';
import { boundedJson, isList } from './snapshot';

type Fn = (...args: unknown[]) => unknown;

/**
 * The main-world observer. It wraps what tags use — sendBeacon, fetch, XHR, dataLayer.push, gtag, fbq, the
 * History API — and reports what it saw. It only observes: every wrapper calls the original with the same
 * `this` and arguments and returns exactly what the original returned, and any failure of ours is swallowed.
 * Everything the page could tamper with later (Blob.prototype.text, JSON, postMessage) is captured up front,
 * and no Array method is called while the page's code runs: the page may have patched those.
 */
export function installPageHooks(win: Window & typeof globalThis, post: (signal: PageSignal) => void): void {
  const now = () => win.Date.now();
  // WebIDL calls a window's own function on the window when it is called bare: btoa needs no bind.
  const { Blob, ArrayBuffer, Request, Uint8Array: Bytes, btoa } = win;
  const { stringify } = win.JSON;
  const blobSlice = Blob.prototype.slice;
  const blobBytes = Blob.prototype.arrayBuffer;
  const fromCharCode = String.fromCharCode;
  const safe = (fn: () => void) => {
    try {
      fn();
    } catch {
      /* observing must never break the page */
    }
  };
  const emit = (signal: PageSignal) => safe(() => post(signal));
  /** `fn` behind a proxy that calls it as it was called, returns what it returned, then tells `onCall`. */
  const wrap = <T extends object>(fn: T, onCall: (thisArg: unknown, args: unknown[]) => void): T =>
    new Proxy(fn, {
      apply(target, thisArg, args: unknown[]) {
        const result = Reflect.apply(target as Fn, thisArg, args);
        safe(() => onCall(thisArg, args));
        return result;
      },
    });

  // Network. Only bodies webRequest may not give us are forwarded: Blobs and buffers (Chromium reports a Blob body
  // to webRequest as "Unknown error"), as base64 of their bytes — text or gzip alike, nothing lost between worlds —
  // and the absence of a body in a sendBeacon, which Chromium reports the same way: the empty body we forward tells
  // the worker that nothing was withheld.
  const forwardBody = (api: 'beacon' | 'fetch' | 'xhr', url: unknown, method: string, body: unknown) => {
    const at = now();
    const href = new win.URL(String(url), win.location.href).href;
    const request = (base64: string) => emit({ kind: 'request', api, url: href, method, body: base64, at });
    const bytes = (b: Uint8Array) => {
      let text = '';
      for (let i = 0; i < b.length; i += 8e3)
        text += Reflect.apply(fromCharCode, null, b.subarray(i, i + 8e3)) as string;
      request(btoa(text));
    };
    if (body instanceof Blob) {
      void blobBytes.call(blobSlice.call(body, 0, SIGNAL_BODY_CAP)).then(
        (buffer) => bytes(new Bytes(buffer)),
        () => undefined,
      );
    } else if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
      const whole = body instanceof ArrayBuffer;
      bytes(
        new Bytes(whole ? body : body.buffer, whole ? 0 : body.byteOffset, Math.min(body.byteLength, SIGNAL_BODY_CAP)),
      );
    } else if (api === 'beacon' && (body ?? '') === '') {
      request('');
    }
  };
  // (A missing API cannot be proxied: `safe` leaves it missing.)
  const nav = win.navigator;
  safe(() => (nav.sendBeacon = wrap(nav.sendBeacon, (_, args) => forwardBody('beacon', args[0], 'POST', args[1]))));
  safe(() => {
    win.fetch = wrap(win.fetch, (_, args) => {
      const input = args[0];
      const init = (args[1] ?? {}) as RequestInit;
      const req = input instanceof Request ? input : undefined;
      // A keepalive fetch's body is one Firefox (ESR 140) does not show webRequest: sent on, as a beacon's Blob is.
      const body = init.keepalive && typeof init.body === 'string' ? new Blob([init.body]) : init.body;
      forwardBody('fetch', req ? req.url : input, (init.method ?? req?.method ?? 'GET').toUpperCase(), body);
    });
  });
  safe(() => {
    const proto = win.XMLHttpRequest.prototype;
    const opened = new WeakMap<object, [method: string, url: unknown]>();
    proto.open = wrap(proto.open, (xhr, args) => opened.set(xhr as object, [String(args[0]).toUpperCase(), args[1]]));
    proto.send = wrap(proto.send, (xhr, args) => {
      const target = opened.get(xhr as object);
      if (target) forwardBody('xhr', target[1], target[0], args[0]);
    });
  });

  // dataLayer, gtag (its calls are `arguments` objects pushed to the dataLayer), fbq.
  /**
   * A consent state as the page's code gave it, whole (a snapshot would cut a region list or a TC string), for
   * lib/consent/answers.ts to read: the page can claim anything. The content script drops an oversized one.
   */
  const consent = (source: ConsentSource, state: unknown, keys?: string[]) =>
    safe(() => emit({ kind: 'consent', source, data: stringify(state, keys), at: now() }));
  /** An event pushed or tracked, with a bounded snapshot of its data when there is some. */
  const datalayer = (source: 'dataLayer' | 'gtag' | 'fbq', event: unknown, ...data: unknown[]) => {
    if (typeof event === 'string')
      emit({ kind: 'datalayer', source, event, ...(data.length > 0 && { data: boundedJson(data[0]) }), at: now() });
  };
  const onDataLayerItem = (item: unknown) => {
    if (item === null || typeof item !== 'object') return;
    if (!isList(item)) return datalayer('dataLayer', (item as Record<string, unknown>).event, item);
    const command = item[0];
    const name = item[1];
    const params = item[2];
    if (command === 'event') datalayer('gtag', name, params);
    // The whole command: every consent type, wait_for_update, a region list.
    if (command === 'consent' && (name === 'default' || name === 'update')) consent(`gcm_${name}`, params ?? {});
  };

  const seenLayers = new WeakSet<object>();
  const hookLayer = (layer: unknown) => {
    if (!Array.isArray(layer) || seenLayers.has(layer)) return;
    seenLayers.add(layer);
    for (let i = 0; i < layer.length; i++) safe(() => onDataLayerItem(layer[i])); // pushes made before we ran
    // GTM replaces `push` with its own; an accessor keeps our observer in front of whatever is assigned.
    // An inherited push is looked up at each call, as it would be without us: a page that patches
    // Array.prototype.push later still has its patch run for its dataLayer.
    let inner: unknown = Object.hasOwn(layer, 'push')
      ? layer.push
      : function (this: unknown, ...items: unknown[]): unknown {
          return Reflect.apply((Object.getPrototypeOf(layer) as { push: Fn }).push, this, items);
        };
    // GTM's push calls the push it replaced — ours — with the same items: report them once, from the outer
    // call. A push of other items made during a push (a tag pushing its own event) is still reported.
    const inFlight: unknown[][] = [];
    const isInFlight = (items: unknown[]) => {
      for (let f = 0; f < inFlight.length; f++) {
        const outer = inFlight[f]!;
        let same = outer.length === items.length;
        for (let i = 0; i < items.length && same; i++) same = outer[i] === items[i];
        if (same) return true;
      }
      return false;
    };
    const observed = (fn: unknown) =>
      typeof fn !== 'function'
        ? fn
        : new Proxy(fn as Fn, {
            apply(target, thisArg, items: unknown[]) {
              if (isInFlight(items)) return Reflect.apply(target, thisArg, items);
              inFlight[inFlight.length] = items;
              let result: unknown;
              try {
                result = Reflect.apply(target, thisArg, items);
              } finally {
                inFlight.length--;
              }
              for (let i = 0; i < items.length; i++) safe(() => onDataLayerItem(items[i]));
              return result;
            },
          });
    let outer = observed(inner);
    Object.defineProperty(layer, 'push', {
      configurable: true,
      enumerable: false,
      get: () => outer,
      set: (fn: unknown) => {
        inner = fn;
        outer = observed(fn);
      },
    });
  };

  /** Follow a global the page may assign or replace later (`window.dataLayer = …`, `fbq = …`). */
  const followGlobal = (name: string, onValue: (value: unknown) => unknown) =>
    safe(() => {
      const existing = Object.getOwnPropertyDescriptor(win, name);
      if (existing && !existing.configurable) return;
      let value: unknown = existing && 'value' in existing ? onValue(existing.value) : undefined;
      Object.defineProperty(win, name, {
        configurable: true,
        enumerable: true,
        get: () => value,
        set: (v: unknown) => {
          value = onValue(v);
        },
      });
    });
  followGlobal('dataLayer', (v) => (hookLayer(v), v));
  const seenFbq = new WeakSet<object>();
  followGlobal('fbq', (fn) => {
    if (typeof fn !== 'function' || seenFbq.has(fn)) return fn;
    // fbq('track' | 'trackCustom', event, params) and fbq('trackSingle' | 'trackSingleCustom', pixelId, event, params).
    const proxied = wrap(fn as Fn, (_, args) => {
      const track = typeof args[0] === 'string' ? /^track(Single)?(Custom)?$/.exec(args[0]) : null;
      if (!track) return;
      if (track[1]) datalayer('fbq', args[2]);
      else datalayer('fbq', args[1], args[2]);
    });
    seenFbq.add(proxied);
    return proxied;
  });

  // History: SPA route changes.
  safe(() => {
    const report = () => emit({ kind: 'history', url: win.location.href, at: now() });
    const { history } = win;
    history.pushState = wrap(history.pushState, report);
    history.replaceState = wrap(history.replaceState, report);
    for (const type of ['popstate', 'hashchange']) win.addEventListener(type, report, { capture: true, passive: true });
  });

  // The TCF API: asked once it appears (usually defined by a script after ours). Its TC string crosses whole
  // (a snapshot would cut it); an oversized one is dropped by the content script. The CMPs' own state is read by
  // lib/page/cmp-hooks.ts, injected only into pages that load one of them.
  let tries = 0;
  const poll = () =>
    safe(() => {
      const api = (win as { __tcfapi?: unknown }).__tcfapi;
      if (typeof api !== 'function') {
        if (tries++ < 20) win.setTimeout(poll, 500);
        return;
      }
      (api as Fn)('addEventListener', 2, (d: unknown, ok: unknown) => {
        if (ok && d) consent('tcf', d, ['gdprApplies', 'eventStatus', 'cmpId', 'tcString']);
      });
    });
  win.setTimeout(poll, 0);

  // Until the content script is there (it comes once the page has loaded), the DOM events a goal may need are held:
  // then each is dispatched again, under a name of ours, on its element — the page's own listeners never see a
  // second click. The element crosses worlds that way; the time it happened, in the detail. (Left to the page's
  // Event and dispatchEvent: a page that patches them can only hide its own clicks, as it could by other means.)
  let held: Array<[type: string, target: EventTarget | undefined, at: number]> | undefined = [];
  const hold = (e: Event) => {
    if (held && held.length < HOLD_MAX) held[held.length] = [e.type, e.composedPath()[0], now()];
  };
  for (const type of EARLY_TYPES) win.addEventListener(type, hold, { capture: true, passive: true });
  whenReady(win, () => {
    const all = held ?? [];
    held = undefined;
    for (let i = 0; i < all.length; i++) {
      const [type, target, at] = all[i]!;
      safe(() => target?.dispatchEvent(new CustomEvent(EARLY_EVENT, { composed: true, detail: `${type} ${at}` })));
    }
  });
}

/**
 * How the main world posts signals to the content script of the same frame, once it listens (whenReady). The
 * signals of one task go together, once the task's script is done (a microtask): a page that pushes ten events
 * while it loads costs one message, not ten. postMessage and queueMicrotask are captured now, before the page can
 * replace them; the batch is filled by index, not with Array.prototype.push, which the page may have patched.
 */
export function signalPoster(win: Window, max = SIGNALS_PER_MESSAGE): (signal: PageSignal) => void {
  const postMessage = win.postMessage.bind(win);
  const later = win.queueMicrotask.bind(win);
  const origin = win.location.origin === 'null' ? '*' : win.location.origin;
  let batch: PageSignal[] | undefined;
  // Batches made before the content script listens wait for it (at most HOLD_MAX signals), then go in order.
  let waiting: PageSignal[][] | undefined = [];
  let count = 0;
  const send = (signals: PageSignal[]) => {
    if (!waiting) postMessage({ [SIGNAL_KEY]: signals }, origin);
    else if ((count += signals.length) <= HOLD_MAX) waiting[waiting.length] = signals;
  };
  const flush = () => {
    const signals = batch;
    batch = undefined;
    if (signals) send(signals);
  };
  whenReady(win, () => {
    flush();
    const all = waiting ?? [];
    waiting = undefined;
    for (let i = 0; i < all.length; i++) send(all[i]!);
  });
  return (signal) => {
    if (!batch) {
      batch = [];
      later(flush);
    }
    batch[batch.length] = signal;
    if (batch.length >= max) flush();
  };
}
