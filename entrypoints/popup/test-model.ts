import type { Plan } from '@/lib/goals/types';
import type { PageSession, StoredFiring, StoredHit, StoredSignal } from '@/lib/store';
import { session as makeSession } from '@/lib/view/fixtures';
import { tagInventory } from '@/lib/view/inventory';
import { pageAudit } from '@/lib/view/page-audit';
import { buildStream } from '@/lib/view/stream';
import type { PopupActions, PopupModel } from './model';

/** A ready model for component tests: the derivations the popup's state computes, done the same way. */
export function modelOf(hits: StoredHit[], signals: StoredSignal[] = [], over: Partial<PopupModel> = {}): PopupModel {
  const session: PageSession = over.session ?? makeSession();
  return {
    tabId: 7,
    sessions: [session],
    session,
    currentSessionId: session.id,
    hits,
    signals,
    firings: [],
    auditHits: hits,
    status: { kind: 'ready' },
    stream: buildStream(hits, signals),
    inventory: tagInventory(hits),
    audit: pageAudit([], { session, hits, auditHits: hits, firings: [], signals }, session.startedAt + 60_000),
    ...over,
  };
}

/** A ready model with plans and goal firings: the audit computed as the popup computes it. */
export function auditedModelOf(plans: Plan[], hits: StoredHit[], firings: StoredFiring[], over: Partial<PopupModel> = {}): PopupModel {
  const base = modelOf(hits, [], { firings, ...over });
  const session = base.session!;
  return { ...base, audit: pageAudit(plans, { session, hits: base.hits, auditHits: base.auditHits, firings, signals: base.signals }, session.startedAt + 60_000) };
}

export function noActions(): PopupActions {
  return {
    selectSession: () => undefined,
    clear: () => undefined,
    dismissError: () => undefined,
    exportReport: () => undefined,
    copySummary: () => Promise.resolve(),
    openOptions: () => undefined,
  };
}
