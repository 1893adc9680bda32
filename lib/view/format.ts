import type { BodyState, HitStatus, PageSession, StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { vendorOwner } from '../words';

// Words the popup shows. Plain language first: a marketer reads these; the browser's own error strings stay
// available in tooltips for the developer.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Wall-clock time of day, `hh:mm:ss.mmm`, in the local time zone. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Time since the page started: `+1.234 s`, `+2:03.456`, `+1:02:03`; a hit that started before the page is `−0.120 s`. */
export function offsetTime(at: number, pageStart: number): string {
  const diff = Math.round(at - pageStart);
  const sign = diff < 0 ? '−' : '+';
  const ms = Math.abs(diff);
  if (ms < 60_000) return `${sign}${(ms / 1000).toFixed(3)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${sign}${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${sign}${minutes}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

// Vendor names are the vocabulary's (lib/words); the popup's components import them from here with the rest.
export { vendorName, vendorOwner } from '../words';

/** The one-word badge of a hit. */
export const STATUS_LABELS: Record<HitStatus, string> = {
  sent: 'sent',
  pending: 'pending',
  blocked: 'blocked',
  failed: 'failed',
};

/** The badge's tooltip: what happened to the request, with the browser's error or the HTTP code when known. */
export function statusDetail(hit: Pick<StoredHit, 'status' | 'statusCode' | 'error' | 'vendor'>): string {
  const owner = vendorOwner(hit.vendor);
  switch (hit.status) {
    case 'sent':
      return `Sent — ${owner} answered${hit.statusCode !== undefined ? ` (HTTP ${hit.statusCode})` : ''}.`;
    case 'pending':
      return `Sent, no answer from ${owner} yet.`;
    case 'blocked':
      return `Blocked — the request never reached ${owner} (blocked by the browser or an extension)${hit.error ? `: ${hit.error}` : '.'}`;
    case 'failed':
      if (hit.statusCode !== undefined) return `Failed — ${owner} answered HTTP ${hit.statusCode}.`;
      return `Failed — ${owner} could not be reached${hit.error ? `: ${hit.error}` : '.'}`;
  }
}

/** The inventory's red line for blocked hits: "2 blocked — the request never reached Google (…)". */
export function blockedSummary(count: number, vendor: VendorId): string {
  const subject = count === 1 ? 'the request never reached' : 'the requests never reached';
  return `${count} blocked — ${subject} ${vendorOwner(vendor)} (blocked by the browser or an extension)`;
}

/** The inventory's red line for failed hits, naming the HTTP codes and errors seen. */
export function failedSummary(count: number, vendor: VendorId, reasons: readonly string[]): string {
  const why = reasons.length > 0 ? `: ${reasons.join(', ')}` : '';
  return `${count} failed — ${vendorOwner(vendor)} answered with an error or could not be reached${why}`;
}

/** Why a hit failed, short: `HTTP 404` or the browser's error. */
export function failureReason(hit: Pick<StoredHit, 'statusCode' | 'error'>): string | undefined {
  if (hit.statusCode !== undefined) return `HTTP ${hit.statusCode}`;
  return hit.error;
}

export const BODY_STATE_LABELS: Record<BodyState, string> = {
  none: 'no body (the data is in the URL)',
  text: 'body captured',
  truncated: 'body truncated (only the first part was kept)',
  binary: 'binary body (not shown)',
  missing: 'body not available (the browser withheld it and the page did not hand it over)',
  page: 'body recovered from the page (browser withheld it)',
};

/** What the request type means to someone who does not know webRequest's names. */
export function requestTypeLabel(type: string | undefined): string {
  switch (type) {
    case undefined:
      return 'unknown';
    case 'ping':
      return 'ping (sendBeacon)';
    case 'image':
      return 'image (pixel)';
    case 'xmlhttprequest':
      return 'fetch / XHR';
    case 'script':
      return 'script';
    case 'sub_frame':
      return 'iframe';
    default:
      return type;
  }
}

/** `1 hit`, `2 hits`, `5,000 hits`. */
export { count as plural } from '../words';

/** A URL without its scheme, for headers and the session selector. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** An option of the session selector: the newest is "This page", the others "Earlier". */
export function sessionLabel(session: Pick<PageSession, 'url' | 'title' | 'startedAt'>, newest: boolean): string {
  const what = session.title?.trim() || shortUrl(session.url);
  return `${newest ? 'This page' : 'Earlier'} · ${clockTime(session.startedAt).slice(0, 8)} · ${what}`;
}
