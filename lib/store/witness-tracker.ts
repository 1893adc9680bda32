import { WITNESS_WINDOW_MS } from './capture';

/** Clocks differ a little: webRequest's timeStamp, the page's timeOrigin, the worker's Date.now(). */
const CLOCK_SLACK_MS = 1_000;

/**
 * Whether a request could have a resource-timing witness stored before it (lib/store/capture.ts recordResources),
 * which the browser's own report must then replace. Asking IndexedDB costs a read per hit, on every page load,
 * for a case that needs a stopped worker; this answers from memory when it can, and says "maybe" otherwise.
 *
 * A witness that could match a request is timed within WITNESS_WINDOW_MS of it. If the request is later than
 * this worker's start by more than that, so is any such witness — and a witness is written after its request, so
 * only this worker can have written it, and it notes the tab when it does. Earlier requests (a worker restarted
 * mid-page) are always looked up.
 */
export interface WitnessTracker {
  /** This worker stored witness rows for the tab. */
  noted(tabId: number): void;
  /** False only when no witness can match a request of the tab at `at`: the lookup may be skipped. */
  mayExist(tabId: number, at: number): boolean;
}

export function witnessTracker(startedAt: number): WitnessTracker {
  const tabs = new Set<number>();
  return {
    noted: (tabId) => void tabs.add(tabId),
    mayExist: (tabId, at) => tabs.has(tabId) || at - WITNESS_WINDOW_MS - CLOCK_SLACK_MS <= startedAt,
  };
}
