// The protocol from the page's main world (lib/page/hooks.ts) to the content script. The page can forge any
// of these — it shares the channel — so the content script validates each one and treats it as a claim.

export const SIGNAL_KEY = '__tagwatch_signal__';
/** Bodies larger than this are cut by the hooks before they cross worlds. Same cap as webRequest bodies. */
export const SIGNAL_BODY_CAP = 64 * 1024;
/**
 * The same cap for a binary body, which crosses as base64 (4 characters for every 3 bytes): ceil(64 KiB / 3) × 4,
 * written out because a computed constant stays in the main-world script even where nothing reads it.
 */
export const SIGNAL_BODY_BASE64_CAP = 87_384;
const STRING_CAP = 4096;
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
    ['source', /^(dataLayer|gtag|fbq)$/],
    ['event', 200],
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
 * string within its bounds. Never throws, whatever the page sent.
 */
function signalOf(sig: unknown): PageSignal | undefined {
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
 * The well-formed signals of a message: `{ [SIGNAL_KEY]: signal }` or `{ [SIGNAL_KEY]: [signal, …] }` (the
 * hooks send a task's signals together), at most SIGNALS_PER_MESSAGE. Never throws, whatever the page sent.
 */
export function parseSignals(data: unknown): PageSignal[] {
  const out: PageSignal[] = [];
  try {
    if (!isObj(data)) return out;
    const value = data[SIGNAL_KEY];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    for (let i = 0; i < list.length && i < SIGNALS_PER_MESSAGE; i++) {
      const sig = signalOf(list[i]);
      if (sig) out.push(sig);
    }
  } catch {
    // A getter or a proxy of the page threw: nothing more from this message.
  }
  return out;
}

/** A signal if `data` is exactly one well-formed signal, else undefined. Never throws, whatever the page sent. */
export function parseSignal(data: unknown): PageSignal | undefined {
  try {
    return isObj(data) && !Array.isArray(data[SIGNAL_KEY]) ? signalOf(data[SIGNAL_KEY]) : undefined;
  } catch {
    return undefined;
  }
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
