import type { GoalFiring, SiteKind } from '../goals/types';
import type { TagHit } from '../tags/types';

/**
 * pending: sent, no answer yet · sent: answered < 400 · failed: answered ≥ 400, or the vendor could not be
 * reached (DNS, refused, timeout) · blocked: stopped on purpose (ad blocker, policy, aborted).
 */
export type HitStatus = 'pending' | 'sent' | 'failed' | 'blocked';

/** How much of the request body we have: `page` means recovered by the page hooks after the browser withheld it. */
export type BodyState = 'none' | 'text' | 'truncated' | 'binary' | 'missing' | 'page';

export interface StoredHit extends TagHit {
  /** `${requestKey}#${index}`: one request can carry several hits. */
  id: string;
  requestKey: string;
  sessionId: string;
  tabId: number;
  frameId: number;
  /** When the request started, ms since the epoch. */
  at: number;
  url: string;
  method: string;
  type?: string;
  status: HitStatus;
  statusCode?: number;
  /** Why it was blocked or failed, in the browser's words (`net::ERR_BLOCKED_BY_CLIENT`). */
  error?: string;
  /** When the answer (or the error) came, ms since the epoch: with `at`, the request's timing. */
  doneAt?: number;
  bodyState: BodyState;
  /** The body as text, capped (lib/tags/body.ts BODY_CAP), for the developer's raw view. */
  body?: string;
}

export interface Navigation {
  at: number;
  url: string;
  /** history: pushState/replaceState (SPA route change); fragment: #hash change. */
  kind: 'history' | 'fragment';
}

/** One top-level document of a tab. SPA route changes stay in it as navigations. */
export interface PageSession {
  id: string;
  tabId: number;
  documentId?: string;
  url: string;
  title?: string;
  startedAt: number;
  navigations: Navigation[];
}

export interface StoredFiring extends GoalFiring {
  id: string;
  sessionId: string;
  tabId: number;
  frameId: number;
}

/** Where the page said something about consent: Consent Mode commands, the TCF API, a CMP's own state. */
export type ConsentEventSource =
  | 'tcf'
  | 'gcm_default'
  | 'gcm_update'
  | 'onetrust'
  | 'cookiebot'
  | 'usercentrics'
  | 'didomi';

/**
 * What the page itself said: dataLayer / gtag / fbq events (the developer's view) and consent states; and what
 * kind of site the loaded page reads as (lib/goals/site-kind.ts), which decides the default goals it is offered.
 */
export type PageEvent =
  | { kind: 'datalayer'; source: 'dataLayer' | 'gtag' | 'fbq'; event: string; data?: string }
  | {
      kind: 'consent';
      source: ConsentEventSource;
      /** The source's state as the hooks read it, a bounded JSON text (lib/consent/answers.ts reads it). */
      data?: string;
      /** Rows stored before `data`: the two storage types alone. */
      adStorage?: 'granted' | 'denied';
      analyticsStorage?: 'granted' | 'denied';
    }
  | { kind: 'site'; kinds: SiteKind[]; signs: string[] };

export type StoredSignal = PageEvent & { id: string; sessionId: string; tabId: number; frameId: number; at: number };

/**
 * A cookie set while a page was shown: by the page's scripts or a response (the browser's cookie store), or by a tag
 * response's Set-Cookie header. Names only, never values. One record per cookie of a page, kept from its first set.
 */
export interface StoredCookie {
  /** `${sessionId}|${domain}|${path}|${name}`. */
  id: string;
  sessionId: string;
  tabId: number;
  /** When it was first set during the page, ms since the epoch. */
  at: number;
  name: string;
  /** As the browser keeps it, without a leading dot. */
  domain: string;
  path: string;
  /** When it expires, ms since the epoch; absent for a session cookie. */
  expires?: number;
  /** cookie_store: chrome.cookies.onChanged; set_cookie: a tag response's header. */
  via: 'cookie_store' | 'set_cookie';
  /** The tag request whose response set it (set_cookie). */
  url?: string;
}
