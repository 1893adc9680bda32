import { SIGNAL_BODY_CAP, SIGNAL_KEY, type PageSignal } from './signals';
import { boundedJson } from './snapshot';

/**
 * The main-world observer. It wraps what tags use — sendBeacon, fetch, XHR, dataLayer.push, gtag, fbq, the
 * History API — and reports what it saw. It only observes: every wrapper calls the original with the same
 * `this` and arguments and returns exactly what the original returned, and any failure of ours is swallowed.
 * Everything the page could tamper with later (Blob.prototype.text, JSON, postMessage) is captured up front.
 */
export function installPageHooks(win: Window & typeof globalThis, post: (signal: PageSignal) => void): void {
  const now = () => win.Date.now();
  const BlobCtor = win.Blob;
  const blobSlice = BlobCtor.prototype.slice;
  const blobText = BlobCtor.prototype.text;
  const decoder = new win.TextDecoder();
  const safe = (fn: () => void) => {
    try {
      fn();
    } catch {
      /* observing must never break the page */
    }
  };
  const emit = (signal: PageSignal) => safe(() => post(signal));

  // Only bodies webRequest may not give us are forwarded: strings and form data it reports itself.
  const forwardBody = (api: 'beacon' | 'fetch' | 'xhr', url: unknown, method: string, body: unknown) => {
    const at = now();
    let href: string;
    try {
      href = new win.URL(String(url), win.location.href).href;
    } catch {
      return;
    }
    if (body instanceof BlobCtor) {
      const head = blobSlice.call(body, 0, SIGNAL_BODY_CAP);
      void blobText.call(head).then(
        (text) => emit({ kind: 'request', api, url: href, method, body: text, at }),
        () => undefined,
      );
    } else if (body instanceof win.ArrayBuffer || win.ArrayBuffer.isView(body)) {
      const view = body instanceof win.ArrayBuffer ? new Uint8Array(body, 0, Math.min(body.byteLength, SIGNAL_BODY_CAP))
        : new Uint8Array(body.buffer, body.byteOffset, Math.min(body.byteLength, SIGNAL_BODY_CAP));
      emit({ kind: 'request', api, url: href, method, body: decoder.decode(view), at });
    }
  };

  const wrap = <T extends object>(target: T, onCall: (thisArg: unknown, args: unknown[]) => void): T =>
    new Proxy(target, {
      apply(fn, thisArg, args: unknown[]) {
        const result: unknown = Reflect.apply(fn as (...a: unknown[]) => unknown, thisArg, args);
        safe(() => onCall(thisArg, args));
        return result;
      },
    });

  // Network.
  safe(() => {
    const nav = win.navigator;
    if (typeof nav.sendBeacon === 'function') {
      nav.sendBeacon = wrap(nav.sendBeacon, (_t, [url, data]) => forwardBody('beacon', url, 'POST', data));
    }
  });
  safe(() => {
    if (typeof win.fetch === 'function') {
      win.fetch = wrap(win.fetch, (_t, [input, init]) => {
        const opts = (init ?? {}) as RequestInit;
        const url = input instanceof win.Request ? input.url : input;
        const method = (opts.method ?? (input instanceof win.Request ? input.method : 'GET')).toUpperCase();
        forwardBody('fetch', url, method, opts.body);
      });
    }
  });
  safe(() => {
    const proto = win.XMLHttpRequest.prototype;
    const targets = new WeakMap<object, { method: string; url: unknown }>();
    proto.open = wrap(proto.open, (xhr, [method, url]) => {
      if (typeof xhr === 'object' && xhr) targets.set(xhr, { method: String(method).toUpperCase(), url });
    });
    proto.send = wrap(proto.send, (xhr, [body]) => {
      const target = typeof xhr === 'object' && xhr ? targets.get(xhr) : undefined;
      if (target) forwardBody('xhr', target.url, target.method, body);
    });
  });

  // dataLayer, gtag, fbq.
  const onDataLayerItem = (item: unknown) => {
    if (item === null || typeof item !== 'object') return;
    const isArgs = Object.prototype.toString.call(item) === '[object Arguments]' || Array.isArray(item);
    if (isArgs) {
      const args = Array.from(item as ArrayLike<unknown>);
      if (args[0] === 'event' && typeof args[1] === 'string') {
        emit({ kind: 'datalayer', source: 'gtag', event: args[1], data: boundedJson(args[2]), at: now() });
      } else if (args[0] === 'consent' && (args[1] === 'default' || args[1] === 'update')) {
        const states = (args[2] ?? {}) as Record<string, unknown>;
        const state = (v: unknown) => (v === 'granted' || v === 'denied' ? v : undefined);
        emit({ kind: 'consent', source: args[1] === 'default' ? 'gcm_default' : 'gcm_update', adStorage: state(states.ad_storage), analyticsStorage: state(states.analytics_storage), at: now() });
      }
      return;
    }
    const event = (item as Record<string, unknown>).event;
    if (typeof event === 'string') emit({ kind: 'datalayer', source: 'dataLayer', event, data: boundedJson(item), at: now() });
  };

  const seenLayers = new WeakSet<object>();
  const hookLayer = (layer: unknown) => {
    if (!Array.isArray(layer) || seenLayers.has(layer)) return;
    seenLayers.add(layer);
    for (const item of layer) safe(() => onDataLayerItem(item)); // pushes made before we ran
    // GTM replaces `push` with its own; an accessor keeps our observer in front of whatever is assigned.
    // An inherited push is looked up at each call, as it would be without us: a page that patches
    // Array.prototype.push later still has its patch run for its dataLayer.
    const inheritedPush = function (this: unknown, ...items: unknown[]): unknown {
      const proto = Object.getPrototypeOf(layer) as { push?: unknown } | null;
      return Reflect.apply(proto?.push as (...a: unknown[]) => unknown, this, items);
    };
    let inner: unknown = Object.prototype.hasOwnProperty.call(layer, 'push') ? layer.push : inheritedPush;
    // GTM's push calls the push it replaced — ours — with the same items: report them once, from the outer
    // call. A push of other items made during a push (a tag pushing its own event) is still reported.
    // Plain loops, not Array methods: the page may have patched those.
    const inFlight: unknown[][] = [];
    const isInFlight = (items: unknown[]) => {
      for (let f = 0; f < inFlight.length; f++) {
        const outer = inFlight[f]!;
        if (outer.length !== items.length) continue;
        let same = true;
        for (let i = 0; i < items.length && same; i++) same = outer[i] === items[i];
        if (same) return true;
      }
      return false;
    };
    const observed = (fn: unknown) =>
      typeof fn === 'function'
        ? new Proxy(fn as (...a: unknown[]) => unknown, {
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
          })
        : fn;
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
  const followGlobal = (name: string, onValue: (value: unknown) => unknown) => {
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
  };
  const seenFbq = new WeakSet<object>();
  safe(() => followGlobal('dataLayer', (v) => (hookLayer(v), v)));
  safe(() =>
    followGlobal('fbq', (fn) => {
      if (typeof fn !== 'function' || seenFbq.has(fn)) return fn;
      const proxied = wrap(fn as (...a: unknown[]) => unknown, (_t, [cmd, a, b]) => {
        if ((cmd === 'track' || cmd === 'trackCustom') && typeof a === 'string') emit({ kind: 'datalayer', source: 'fbq', event: a, data: boundedJson(b), at: now() });
        if ((cmd === 'trackSingle' || cmd === 'trackSingleCustom') && typeof b === 'string') emit({ kind: 'datalayer', source: 'fbq', event: b, at: now() });
      });
      seenFbq.add(proxied);
      return proxied;
    }),
  );
  // History: SPA route changes.
  safe(() => {
    const report = () => emit({ kind: 'history', url: win.location.href, at: now() });
    win.history.pushState = wrap(win.history.pushState, report);
    win.history.replaceState = wrap(win.history.replaceState, report);
    win.addEventListener('popstate', report, { capture: true, passive: true });
    win.addEventListener('hashchange', report, { capture: true, passive: true });
  });

  // TCF consent managers: ask once the API appears (it is usually defined by a script after ours).
  safe(() => {
    let tries = 0;
    const poll = () => {
      const tcf = (win as unknown as { __tcfapi?: (cmd: string, v: number, cb: (data: unknown, ok: boolean) => void) => void }).__tcfapi;
      if (typeof tcf === 'function') {
        tcf('addEventListener', 2, (data, ok) => {
          if (!ok || !data || typeof data !== 'object') return;
          const d = data as { eventStatus?: string; gdprApplies?: boolean; purpose?: { consents?: Record<string, boolean> } };
          if (d.gdprApplies === false) return emit({ kind: 'consent', source: 'tcf', adStorage: 'granted', at: now() });
          // Purpose 1 (store/access information on a device) is what ad identifiers need.
          const granted = d.purpose?.consents?.['1'] === true;
          emit({ kind: 'consent', source: 'tcf', adStorage: granted ? 'granted' : 'denied', at: now() });
        });
      } else if (tries++ < 20) {
        win.setTimeout(poll, 500);
      }
    };
    win.setTimeout(poll, 0);
  });
}

/** How the main world posts signals to the content script of the same frame; postMessage is captured now. */
export function signalPoster(win: Window): (signal: PageSignal) => void {
  const postMessage = win.postMessage.bind(win);
  const origin = win.location.origin === 'null' ? '*' : win.location.origin;
  return (signal) => postMessage({ [SIGNAL_KEY]: signal }, origin);
}
