// The protocol from the page's main world (lib/page/hooks.ts) to the content script. The page can forge any
// of these — it shares the channel — so the content script validates each one and treats it as a claim.

export const SIGNAL_KEY = '__tagwatch_signal__';
/** Bodies larger than this are cut by the hooks before they cross worlds. Same cap as webRequest bodies. */
export const SIGNAL_BODY_CAP = 64 * 1024;
const STRING_CAP = 4096;

export type ConsentState = 'granted' | 'denied';

export type PageSignal =
  /** A request body the browser may withhold from webRequest (Blob / buffer bodies). */
  | { kind: 'request'; api: 'beacon' | 'fetch' | 'xhr'; url: string; method: string; body: string; at: number }
  /** dataLayer.push({event}), gtag('event', name), fbq('track', name). `data`: a bounded JSON snapshot. */
  | { kind: 'datalayer'; source: 'dataLayer' | 'gtag' | 'fbq'; event: string; data?: string; at: number }
  /** pushState / replaceState / popstate / hashchange. */
  | { kind: 'history'; url: string; at: number }
  /** Consent as the page's consent manager or gtag('consent', …) reported it. */
  | { kind: 'consent'; source: 'tcf' | 'gcm_default' | 'gcm_update'; adStorage?: ConsentState; analyticsStorage?: ConsentState; at: number };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
function s(v: unknown, cap = STRING_CAP): v is string {
  return typeof v === 'string' && v.length <= cap;
}
function num(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function consent(v: unknown): v is ConsentState | undefined {
  return v === undefined || v === 'granted' || v === 'denied';
}

/** A signal if `data` is exactly one well-formed signal, else undefined. Never throws, whatever the page sent. */
export function parseSignal(data: unknown): PageSignal | undefined {
  try {
    if (!isObj(data)) return undefined;
    const sig = data[SIGNAL_KEY];
    if (!isObj(sig) || !num(sig.at)) return undefined;
    switch (sig.kind) {
      case 'request':
        return (sig.api === 'beacon' || sig.api === 'fetch' || sig.api === 'xhr') && s(sig.url, 16_384) && s(sig.method, 16) && s(sig.body, SIGNAL_BODY_CAP)
          ? { kind: 'request', api: sig.api, url: sig.url, method: sig.method, body: sig.body, at: sig.at }
          : undefined;
      case 'datalayer':
        return (sig.source === 'dataLayer' || sig.source === 'gtag' || sig.source === 'fbq') && s(sig.event, 200) && (sig.data === undefined || s(sig.data))
          ? { kind: 'datalayer', source: sig.source, event: sig.event, at: sig.at, ...(sig.data !== undefined ? { data: sig.data } : {}) }
          : undefined;
      case 'history':
        return s(sig.url, 16_384) ? { kind: 'history', url: sig.url, at: sig.at } : undefined;
      case 'consent':
        return (sig.source === 'tcf' || sig.source === 'gcm_default' || sig.source === 'gcm_update') && consent(sig.adStorage) && consent(sig.analyticsStorage)
          ? { kind: 'consent', source: sig.source, at: sig.at, ...(sig.adStorage ? { adStorage: sig.adStorage } : {}), ...(sig.analyticsStorage ? { analyticsStorage: sig.analyticsStorage } : {}) }
          : undefined;
      default:
        return undefined;
    }
  } catch {
    // A getter on the forged object threw: the page is hostile, the signal is dropped.
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
