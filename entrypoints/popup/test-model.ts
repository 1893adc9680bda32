import type { PageSession, StoredHit, StoredSignal } from '@/lib/store';
import { session as makeSession } from '@/lib/view/fixtures';
import { tagInventory } from '@/lib/view/inventory';
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
    status: { kind: 'ready' },
    stream: buildStream(hits, signals),
    inventory: tagInventory(hits),
    ...over,
  };
}

export function noActions(): PopupActions {
  return { selectSession: () => undefined, clear: () => undefined, dismissError: () => undefined };
}
