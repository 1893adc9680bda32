import type { PageSession, StoredHit, StoredSignal } from '../store/types';

// Builders for the view tests (lib/view and the popup's components): realistic rows with only what a test
// cares about spelled out.

export const PAGE_START = Date.UTC(2025, 10, 23, 8, 0, 0);

let seq = 0;

export function hit(over: Partial<StoredHit> & Pick<StoredHit, 'vendor'>): StoredHit {
  seq++;
  const requestKey = over.requestKey ?? `r${seq}`;
  return {
    id: `${requestKey}#0`,
    requestKey,
    sessionId: 's1',
    tabId: 7,
    frameId: 0,
    at: PAGE_START + seq,
    url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view',
    method: 'GET',
    type: 'ping',
    status: 'sent',
    statusCode: 204,
    bodyState: 'none',
    params: {},
    ...over,
  };
}

export function pageEvent(
  over: Partial<Extract<StoredSignal, { kind: 'datalayer' }>> & { event: string },
): StoredSignal {
  seq++;
  return {
    kind: 'datalayer',
    source: 'dataLayer',
    id: `e${seq}`,
    sessionId: 's1',
    tabId: 7,
    frameId: 0,
    at: PAGE_START + seq,
    ...over,
  };
}

export function session(over: Partial<PageSession> = {}): PageSession {
  return {
    id: 's1',
    tabId: 7,
    url: 'https://shop.example/',
    title: 'Shop',
    startedAt: PAGE_START,
    navigations: [],
    ...over,
  };
}
