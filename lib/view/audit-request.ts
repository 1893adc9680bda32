import type { Plan } from '../goals/types';
import { reportHits, type ReportHit } from '../audit/report';
import type { PageSession, StoredCookie, StoredFiring, StoredHit, StoredSignal } from '../store/types';
import { applyListDelta, listDelta, type ListDelta } from './list-delta';
import { pageAudit, type PageAudit, type PageAuditInput } from './page-audit';

// The panels' audit in another thread: what the view sends, what the worker answers, and both sides' bookkeeping.
// The records cross over as deltas against what the worker already holds (list-delta.ts): copying a busy page's
// 5,000 hits to the worker on every audit cost the view's thread more than drawing the new row.

/** The page's records, as a delta for each list. */
export interface AuditLists {
  hits: ListDelta<StoredHit>;
  auditHits: ListDelta<StoredHit>;
  firings: ListDelta<StoredFiring>;
  signals: ListDelta<StoredSignal>;
  /** Absent: the view did not read the cookies. */
  cookies?: ListDelta<StoredCookie>;
}

export interface AuditRequest {
  id: number;
  plans: Plan[];
  session: PageSession;
  lists: AuditLists;
  generatedAt: number;
}

export type AuditResponse = { id: number; audit: PageAudit } | { id: number; error: string };

/** What the worker holds: the lists as of the last request. */
interface Held {
  hits: StoredHit[];
  auditHits: StoredHit[];
  firings: StoredFiring[];
  signals: StoredSignal[];
  cookies: StoredCookie[];
}

const EMPTY: Held = { hits: [], auditHits: [], firings: [], signals: [], cookies: [] };

/** The worker's side: each request's lists put into what it holds, then the audit. */
export function createAuditHandler(): (request: AuditRequest) => AuditResponse {
  let held: Held = EMPTY;
  return ({ id, plans, session, lists, generatedAt }) => {
    try {
      held = {
        hits: applyListDelta(held.hits, lists.hits),
        auditHits: applyListDelta(held.auditHits, lists.auditHits),
        firings: applyListDelta(held.firings, lists.firings),
        signals: applyListDelta(held.signals, lists.signals),
        cookies: lists.cookies ? applyListDelta(held.cookies, lists.cookies) : [],
      };
      const input: PageAuditInput = { session, ...held };
      if (!lists.cookies) delete input.cookies;
      const made = pageAudit(plans, input, generatedAt);
      // The report's hits are the audit's hits, reworded: the view makes them again if it needs them (an export)
      // rather than receive thousands of them back on every audit (withReportHits).
      return { id, audit: { ...made, audit: { ...made.audit, report: { ...made.audit.report, hits: [] } } } };
    } catch (error) {
      // The view starts over with whole lists after an error: so does the worker.
      held = EMPTY;
      return { id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
    }
  };
}

/** The view's side: the request for an audit, with only what changed since the last one. */
export function createAuditRequests(): {
  request: (id: number, plans: Plan[], input: PageAuditInput, generatedAt: number) => AuditRequest;
  /** After an error the worker holds nothing: send whole lists again. */
  reset: () => void;
} {
  let sent: Held = EMPTY;
  return {
    request(id, plans, input, generatedAt) {
      const lists: AuditLists = {
        hits: listDelta(sent.hits, input.hits),
        auditHits: listDelta(sent.auditHits, input.auditHits),
        firings: listDelta(sent.firings, input.firings),
        signals: listDelta(sent.signals, input.signals),
        ...(input.cookies ? { cookies: listDelta(sent.cookies, input.cookies) } : {}),
      };
      sent = {
        hits: [...input.hits],
        auditHits: [...input.auditHits],
        firings: [...input.firings],
        signals: [...input.signals],
        cookies: input.cookies ? [...input.cookies] : [],
      };
      return { id, plans, session: input.session, lists, generatedAt };
    },
    reset() {
      sent = EMPTY;
    },
  };
}

/**
 * An audit from the worker with its report's hits made again from the hits it was made of, when first read:
 * the report is whole for whoever reads it (an export), and nothing is made for an audit nobody exports.
 */
export function withReportHits(audit: PageAudit, auditHits: readonly StoredHit[]): PageAudit {
  let made: ReportHit[] | undefined;
  const report = { ...audit.audit.report };
  Object.defineProperty(report, 'hits', {
    enumerable: true,
    configurable: true,
    get: () => (made ??= reportHits(auditHits)),
  });
  return { ...audit, audit: { ...audit.audit, report } };
}
