import type { PageSession, StoredFiring, StoredHit, StoredSignal } from '@/lib/store';
import type { VendorSummary } from '@/lib/view/inventory';
import type { StreamItem } from '@/lib/view/stream';

// What the components get: plain data, so they render in tests without IndexedDB or browser APIs.

/** `browser.storage.local` key `lastError`, written by the background when a write fails. */
export interface LastError {
  at: number;
  message: string;
}

export type TabStatus =
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** unsupported: a browser page Tagwatch cannot watch; no-tab: no such tab and nothing recorded for it. */
  | { kind: 'unavailable'; reason: 'unsupported' | 'no-tab'; message: string };

/** One page session of the tab, as read from IndexedDB. */
export interface PageData {
  tabId?: number;
  /** The tab's sessions, newest first. */
  sessions: PageSession[];
  /** The session shown (the tab's current page unless the user picked an earlier one). */
  session?: PageSession;
  /** The tab's page now. */
  currentSessionId?: string;
  /** Of `session`, oldest first. */
  hits: StoredHit[];
  signals: StoredSignal[];
  firings: StoredFiring[];
}

export interface PopupModel extends PageData {
  status: TabStatus;
  /** Hits and the page's own dataLayer / gtag / fbq events, newest first. */
  stream: StreamItem[];
  inventory: VendorSummary[];
  lastError?: LastError;
}

export interface PopupActions {
  selectSession: (sessionId: string) => void;
  clear: () => void;
  dismissError: () => void;
}

export const EMPTY_PAGE: PageData = { sessions: [], hits: [], signals: [], firings: [] };
