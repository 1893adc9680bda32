import type { TagwatchDB } from './db';
import { MERGE_WINDOW_MS } from './capture';
import { deleteSessionRecords } from './queries';

export interface RetentionPolicy {
  /** Sessions that started longer ago than this are deleted. Default 7 days. */
  maxAgeMs: number;
  /** When more hits than this are stored, the oldest sessions go first. Default 200,000. */
  maxHits: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { maxAgeMs: 7 * 24 * 3600 * 1000, maxHits: 200_000 };

export interface PruneResult {
  sessions: number;
  hits: number;
}

/** Delete old sessions (and their hits and firings) by age, then by size. The tabs' current sessions are kept. */
export async function prune(
  db: TagwatchDB,
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<PruneResult> {
  const current = new Set((await db.getAll('tabs')).map((t) => t.sessionId));
  const sessions = await db.getAllFromIndex('sessions', 'byStart');
  let total = await db.count('hits');
  const result: PruneResult = { sessions: 0, hits: 0 };
  for (const s of sessions) {
    const tooOld = now - s.startedAt > policy.maxAgeMs;
    if (current.has(s.id) || (!tooOld && total <= policy.maxHits)) continue;
    const tx = db.transaction(['sessions', 'hits', 'firings', 'signals', 'cookies'], 'readwrite');
    const deleted = await deleteSessionRecords(tx, s.id);
    await tx.objectStore('sessions').delete(s.id);
    await tx.done;
    total -= deleted;
    result.sessions++;
    result.hits += deleted;
  }
  // Which tab opened which matters as long as the sessions of those tabs are kept.
  const oldOpeners = await db.getAllKeysFromIndex('openers', 'byAt', IDBKeyRange.upperBound(now - policy.maxAgeMs));
  if (oldOpeners.length > 0) {
    const tx = db.transaction('openers', 'readwrite');
    await Promise.all(oldOpeners.map((k) => tx.store.delete(k)));
    await tx.done;
  }
  // Bodies the page delivered for requests webRequest never reported are useless after the merge window.
  const stale = await db.getAllKeysFromIndex(
    'pendingBodies',
    'byAt',
    IDBKeyRange.upperBound(now - 6 * MERGE_WINDOW_MS),
  );
  if (stale.length > 0) {
    const tx = db.transaction('pendingBodies', 'readwrite');
    await Promise.all(stale.map((k) => tx.store.delete(k)));
    await tx.done;
  }
  return result;
}
