// The protocol from the page's main world (lib/page/hooks.ts) to the content script, and on to the worker. The
// page can forge any of these — it shares the channel — so the content script bounds them and the worker validates
// each one (validSignal), treating it as a claim.

export const SIGNAL_KEY = '__tagwatch_signal__';
/**
 * The content script is injected once the page has loaded (entrypoints/background/content-injection.ts): until it
 * dispatches this event on the window, the main world holds what it saw — signals, and the clicks, submits and
 * plays a goal may be waiting for — and hands it over then (whenReady).
 */
export const READY_EVENT = '__tagwatch_ready__';
/** Dispatched by the main world on the element of a click, submit or play it held, detail `"<type> <epoch ms>"`. */
export const EARLY_EVENT = '__tagwatch_early__';
/** The DOM events held until the content script is there: what goals are made of and may happen before load. */
export const EARLY_TYPES = ['click', 'submit', 'play', 'ended'];
/** At most this many signals and events wait for the content script. */
export const HOLD_MAX = 200;
const READY = Symbol.for('tagwatch.ready');

/**
 * Run `fn` once the content script of this frame listens (at once if it already does). The main world keeps the mark
 * (the isolated world's properties are its own), so a script injected later (the CMP reader) sends at once.
 */
export function whenReady(win: Window, fn: () => void): void {
  const w = win as unknown as Record<symbol, true>;
  if (w[READY]) return fn();
  win.addEventListener(
    READY_EVENT,
    () => {
      w[READY] = true;
      fn();
    },
    { once: true },
  );
}

/** Bodies larger than this are cut by the hooks before they cross worlds. Same cap as webRequest bodies. */
export const SIGNAL_BODY_CAP = 64 * 1024;
/**
 * The same cap for a binary body, which crosses as base64 (4 characters for every 3 bytes): ceil(64 KiB / 3) × 4,
 * written out because a computed constant stays in the main-world script even where nothing reads it.
 */
export const SIGNAL_BODY_BASE64_CAP = 87_384;
const STRING_CAP = 4096;
/** Where a dataLayer signal comes from, and the longest event name it may carry. */
const DATALAYER_SOURCE = /^(dataLayer|gtag|fbq)$/;
const EVENT_CAP = 200;
/** At most this many signals travel in one message (the hooks send a task's signals together). */
export const SIGNALS_PER_MESSAGE = 100;

/** Where the page said something about consent (lib/consent/answers.ts reads each one's state). */
export type ConsentSource = 'tcf' | 'gcm_default' | 'gcm_update' | 'onetrust' | 'cookiebot' | 'usercentrics' | 'didomi';
/** A consent state crosses as bounded JSON: a TC string with every vendor fits. */
export const CONSENT_DATA_CAP = 8192;

export type PageSignal =
  /**
   * A request body the browser may withhold from webRequest (Blob / buffer bodies), as base64 of its bytes — a
   * gzipped batch crosses intact; '' for a sendBeacon without one.
   */
  | { kind: 'request'; api: 'beacon' | 'fetch' | 'xhr'; url: string; method: string; body: string; at: number }
  /** dataLayer.push({event}), gtag('event', name), fbq('track', name). `data`: a bounded JSON snapshot. */
  | { kind: 'datalayer'; source: 'dataLayer' | 'gtag' | 'fbq'; event: string; data?: string; at: number }
  /** pushState / replaceState / popstate / hashchange. */
  | { kind: 'history'; url: string; at: number }
  /** Consent as gtag('consent', …), the TCF API or a CMP's own state reported it: `data`, its bounded JSON. */
  | { kind: 'consent'; source: ConsentSource; data: string; at: number };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A field of a signal: its name, the string it must be (at most so long, or matching), and whether it may be absent. */
type Field = [name: string, test: number | RegExp, optional?: true];
const FIELDS: Readonly<Record<PageSignal['kind'], Field[]>> = {
  request: [
    ['api', /^(beacon|fetch|xhr)$/],
    ['url', 16_384],
    ['method', 16],
    ['body', SIGNAL_BODY_BASE64_CAP],
  ],
  datalayer: [
    ['source', DATALAYER_SOURCE],
    ['event', EVENT_CAP],
    ['data', STRING_CAP, true],
  ],
  history: [['url', 16_384]],
  consent: [
    ['source', /^(tcf|gcm_default|gcm_update|onetrust|cookiebot|usercentrics|didomi)$/],
    ['data', CONSENT_DATA_CAP],
  ],
};

/**
 * A signal if `sig` is one well-formed signal, else undefined: a fresh object with the known fields only, each a
 * string within its bounds. Never throws, whatever the page sent. Run by the worker on what the content script
 * relays (`page_signal`), before anything is stored.
 */
export function validSignal(sig: unknown): PageSignal | undefined {
  try {
    if (!isObj(sig)) return undefined;
    // Each property is read once: a getter of the page may answer differently the second time.
    const { kind, at } = sig;
    if (typeof at !== 'number' || !Number.isFinite(at) || typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind))
      return undefined;
    const out: Record<string, unknown> = { kind, at };
    for (const [name, test, optional] of FIELDS[kind as PageSignal['kind']]) {
      const v = sig[name];
      if (v === undefined && optional) continue;
      if (typeof v !== 'string' || (typeof test === 'number' ? v.length > test : !test.test(v))) return undefined;
      out[name] = v;
    }
    return out as PageSignal;
  } catch {
    // A getter on the forged object threw: the page is hostile, the signal is dropped.
    return undefined;
  }
}

/**
 * The largest a signal may be as JSON for the content script to relay it: a request body at its cap, its URL and
 * the rest. Larger ones are forged, and dropped before they cost the worker anything.
 */
export const SIGNAL_JSON_CAP = SIGNAL_BODY_BASE64_CAP + 20_000;

/**
 * The signals of a message of the hooks (`{ [SIGNAL_KEY]: [signal, …] }`), as posted, at most SIGNALS_PER_MESSAGE:
 * the objects of a known kind, with a time, within SIGNAL_JSON_CAP as JSON. Not validated further — the content
 * script relays them and the worker validates each one (validSignal) — but what cannot be a signal of the hooks is
 * left out here, before it costs the page's rate (the content script's token bucket). Never throws, whatever the
 * page sent.
 */
export function postedSignals(data: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  try {
    const list = isObj(data) ? data[SIGNAL_KEY] : undefined;
    if (!Array.isArray(list)) return out;
    for (let i = 0; i < list.length && i < SIGNALS_PER_MESSAGE; i++) {
      try {
        const item: unknown = list[i];
        if (
          isObj(item) &&
          /^(request|datalayer|history|consent)$/.test(String(item.kind)) &&
          Number.isFinite(item.at) &&
          JSON.stringify(item).length <= SIGNAL_JSON_CAP
        )
          out.push(item);
      } catch {
        // A value JSON cannot write (a BigInt): not a signal of the hooks.
      }
    }
  } catch {
    // A getter or a proxy of the page threw: nothing more from this message.
  }
  return out;
}

/**
 * The dataLayer event a relayed signal names, as the goals' observation of it, checked as validSignal checks a
 * dataLayer signal: the content script matches goals on it before the worker has seen it, and a goal must not fire
 * on an event the worker refuses. Undefined for any other signal.
 */
export function dataLayerEvent(
  signal: Record<string, unknown>,
): { kind: 'datalayer'; event: string; source: 'dataLayer' | 'gtag' | 'fbq' } | undefined {
  const { kind, event, source, data } = signal;
  if (
    kind === 'datalayer' &&
    typeof event === 'string' &&
    event.length <= EVENT_CAP &&
    DATALAYER_SOURCE.test(String(source)) &&
    (data === undefined || (typeof data === 'string' && data.length <= STRING_CAP))
  )
    return { kind, event, source: source as 'dataLayer' | 'gtag' | 'fbq' };
}

/** A token bucket: a page may not flood the worker whatever it sends. */
export function rateLimiter(perSecond: number, burst: number, now: () => number): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
