import type { Plan } from './types';

/**
 * The storage.local key holding the plans in force (content scripts read it: IndexedDB is the worker's).
 * The worker seeds it with the default plan on install; the options page is the only other writer, and it
 * validates every plan before writing.
 */
export const PLANS_KEY = 'plans';

/** The plans in storage; none when the key is absent or not a list. */
export function storedPlans(stored: unknown): Plan[] {
  return Array.isArray(stored) ? (stored as Plan[]) : [];
}

/** The URL goals are judged on from a frame: the top page's when readable, else its origin, else the frame's. */
export function topPageUrl(win: Window): string {
  try {
    if (win.top && win.top !== win) return win.top.location.href;
  } catch {
    const origins = win.location.ancestorOrigins;
    const top = origins?.[origins.length - 1];
    if (top) return `${top}/`;
  }
  return win.location.href;
}
