import type { PageSession, StoredFiring, StoredHit, StoredSignal } from '@/lib/store';
import type { ExportKind } from '@/lib/view/export';
import type { VendorSummary } from '@/lib/view/inventory';
import type { PageAudit } from '@/lib/view/page-audit';
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
  /**
   * The tab's hits the page's goals are reconciled against: from just before the page to just into the next one
   * (a form that navigates away has its hits in the next page). Oldest first.
   */
  auditHits: StoredHit[];
}

export type { PageAudit } from '@/lib/view/page-audit';

export interface PopupModel extends PageData {
  status: TabStatus;
  /** Hits and the page's own dataLayer / gtag / fbq events, newest first. */
  stream: StreamItem[];
  inventory: VendorSummary[];
  /** Absent until the plans are read and a page is shown. */
  audit?: PageAudit;
  lastError?: LastError;
}

export interface PopupActions {
  selectSession: (sessionId: string) => void;
  clear: () => void;
  dismissError: () => void;
  /** Download the report in one of its forms. */
  exportReport: (kind: ExportKind) => void;
  /** Put the Markdown summary on the clipboard; resolves once it is there, rejects with why it is not. */
  copySummary: () => Promise<void>;
  /** The options page, where plans are written. */
  openOptions: () => void;
}

export const EMPTY_PAGE: PageData = { sessions: [], hits: [], signals: [], firings: [], auditHits: [] };
