import type { StoredHit } from '@/lib/store';
import type { ExportKind } from '@/lib/view/export';
import type { HitGoal } from '@/lib/view/hit-goals';
import type { VendorSummary } from '@/lib/view/inventory';
import type { PageData, Scope } from '@/lib/view/live';
import type { PageAudit } from '@/lib/view/page-audit';
import type { VisitFunnels } from '@/lib/view/funnels';
import type { StreamItem } from '@/lib/view/stream';

// What the components get: plain data, so they render in tests without IndexedDB or browser APIs. One model
// for the popup, the side panel and the DevTools panel: they differ in layout, not in what they show.

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

export type { PageData } from '@/lib/view/live';
export { EMPTY_PAGE } from '@/lib/view/live';
export type { PageAudit } from '@/lib/view/page-audit';

export type { Scope } from '@/lib/view/live';

export interface ViewModel extends PageData {
  status: TabStatus;
  scope: Scope;
  /** The Hits view's rows: hits and what the page did (dataLayer events, goal firings, route changes). */
  stream: StreamItem[];
  /** The hits on the timeline (all pages kept, in the log scope), oldest first: what a hit can be compared with. */
  streamHits: StoredHit[];
  /** When each page on the timeline began: a row's time is given from its own page's start. */
  pageStarts: ReadonlyMap<string, number>;
  /** Log scope: earlier pages of the tab stay on the timeline. */
  preserveLog: boolean;
  /** The page's own dataLayer / gtag / fbq events. */
  pageEvents: number;
  inventory: VendorSummary[];
  /** Absent until the plans are read and a page is shown. */
  audit?: PageAudit;
  /** The plans' funnels over the tab's visit; absent when the plans have none or the visit reached no step. */
  funnels?: VisitFunnels;
  lastError?: LastError;
}

export interface ViewActions {
  selectSession: (sessionId: string) => void;
  clear: () => void;
  dismissError: () => void;
  /** Download the report in one of its forms. */
  exportReport: (kind: ExportKind) => void;
  /** Put the Markdown summary on the clipboard; resolves once it is there, rejects with why it is not. */
  copySummary: () => Promise<void>;
  /** Put text on the clipboard (a hit as JSON, cURL, URL); rejects with why it could not. */
  copyText: (text: string) => Promise<void>;
  /** The options page, where plans are written. */
  openOptions: () => void;
  /** The History page (past visits, compared), narrowed to the shown page's site. */
  openHistory: () => void;
  /** Log scope: keep earlier pages on the timeline, or show the current page only. */
  setPreserveLog: (on: boolean) => void;
  /** The goals a hit counted for (the reconciliation of its page); undefined while that page's audit is not known. */
  goalsOf: (hit: StoredHit) => HitGoal[] | undefined;
  /** The popup's "Open in side panel"; absent where there is none to open (the panels themselves, some browsers). */
  openSidePanel?: () => void;
}
