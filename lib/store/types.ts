import type { GoalFiring } from '../goals/types';
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

/** What the page itself said: dataLayer / gtag / fbq events (the developer's view) and consent states. */
export type PageEvent =
  | { kind: 'datalayer'; source: 'dataLayer' | 'gtag' | 'fbq'; event: string; data?: string }
  | { kind: 'consent'; source: 'tcf' | 'gcm_default' | 'gcm_update'; adStorage?: 'granted' | 'denied'; analyticsStorage?: 'granted' | 'denied' };

export type StoredSignal = PageEvent & { id: string; sessionId: string; tabId: number; frameId: number; at: number };
