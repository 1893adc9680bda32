import type { Plan } from '@/lib/goals/types';
import type { PageSession, StoredFiring, StoredHit, StoredSignal } from '@/lib/store';
import { session as makeSession } from '@/lib/view/fixtures';
import { tagInventory } from '@/lib/view/inventory';
import { pageAudit } from '@/lib/view/page-audit';
import { buildStream } from '@/lib/view/stream';
import type { ViewActions, ViewModel } from './model';

/** A ready model for component tests: the derivations the views' state computes, done the same way (page scope). */
export function modelOf(hits: StoredHit[], signals: StoredSignal[] = [], over: Partial<ViewModel> = {}): ViewModel {
  const session: PageSession = over.session ?? makeSession();
  const firings = over.firings ?? [];
  const stream = buildStream(hits, signals, { sessions: [session], firings, order: 'newest-first' });
  return {
    tabId: 7,
    sessions: [session],
    session,
    currentSessionId: session.id,
    hits,
    signals,
    firings,
    auditHits: hits,
    cookies: over.cookies ?? [],
    status: { kind: 'ready' },
    scope: 'page',
    stream,
    streamHits: [...hits],
    pageStarts: new Map([[session.id, session.startedAt]]),
    preserveLog: true,
    pageEvents: signals.filter((s) => s.kind === 'datalayer').length,
    inventory: tagInventory(hits),
    audit: pageAudit([], { session, hits, auditHits: hits, firings, signals }, session.startedAt + 60_000),
    ...over,
  };
}

/** A ready model with plans and goal firings: the audit computed as the views' state computes it. */
export function auditedModelOf(
  plans: Plan[],
  hits: StoredHit[],
  firings: StoredFiring[],
  over: Partial<ViewModel> = {},
): ViewModel {
  const base = modelOf(hits, [], { firings, ...over });
  const session = base.session!;
  return {
    ...base,
    audit: pageAudit(
      plans,
      { session, hits: base.hits, auditHits: base.auditHits, firings, signals: base.signals },
      session.startedAt + 60_000,
    ),
  };
}

export function noActions(): ViewActions {
  return {
    selectSession: () => undefined,
    clear: () => undefined,
    dismissError: () => undefined,
    exportReport: () => undefined,
    copySummary: () => Promise.resolve(),
    copyText: () => Promise.resolve(),
    openOptions: () => undefined,
    openHistory: () => undefined,
    setPreserveLog: () => undefined,
    goalsOf: () => undefined,
  };
}

/** The DevTools panel's model: the tab's pages one after the other (log scope), the last one current. */
export function logModelOf(
  sessions: PageSession[],
  hits: StoredHit[],
  signals: StoredSignal[] = [],
  firings: StoredFiring[] = [],
): ViewModel {
  const newestFirst = [...sessions].sort((a, b) => b.startedAt - a.startedAt);
  const current = newestFirst[0]!;
  const mine = <T extends { sessionId: string }>(list: T[]) => list.filter((r) => r.sessionId === current.id);
  const stream = buildStream(hits, signals, { sessions: newestFirst, firings, order: 'newest-last', separators: true });
  return {
    ...modelOf(mine(hits), mine(signals), { session: current, sessions: newestFirst, firings: mine(firings) }),
    scope: 'log',
    stream,
    streamHits: hits,
    pageStarts: new Map(sessions.map((s) => [s.id, s.startedAt])),
  };
}
