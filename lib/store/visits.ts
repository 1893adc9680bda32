import { groupVisits, visitOfTab, type Opener, type Visit } from '../visits/visits';
import type { Writable } from './batch';
import { inTx } from './batch';
import type { TagwatchDB } from './db';
import type { PageRecords } from './queries';

// Visits as stored: the openers the worker records, and the records of a visit read back (lib/visits groups them).

/** A tab was opened from another: the new tab's first page continues the opener's visit. */
export async function recordOpener(db: Writable, opener: Opener): Promise<void> {
  await inTx(db, ['openers'], async (tx) => {
    await tx.objectStore('openers').put(opener);
  });
}

/** Every visit still stored (retention as for its sessions), oldest first. */
export async function allVisits(db: TagwatchDB): Promise<Visit[]> {
  const tx = db.transaction(['sessions', 'openers']);
  const [sessions, openers] = await Promise.all([
    tx.objectStore('sessions').getAll(),
    tx.objectStore('openers').getAll(),
  ]);
  await tx.done;
  return groupVisits(sessions, openers);
}

/** Everything a visit recorded, in every tab it went through: its pages' hits, goal firings, page events, cookies. */
export async function visitRecords(db: TagwatchDB, visit: Visit): Promise<PageRecords> {
  const tx = db.transaction(['hits', 'firings', 'signals', 'cookies']);
  const per = await Promise.all(
    visit.sessions.map((s) => {
      const range = IDBKeyRange.bound([s.id, -Infinity], [s.id, Infinity]);
      return Promise.all([
        tx.objectStore('hits').index('bySession').getAll(range),
        tx.objectStore('firings').index('bySession').getAll(range),
        tx.objectStore('signals').index('bySession').getAll(range),
        tx.objectStore('cookies').index('bySession').getAll(range),
      ]);
    }),
  );
  await tx.done;
  return {
    sessions: [...visit.sessions],
    hits: per.flatMap(([hits]) => hits.map(({ urlHash: _h, ...hit }) => hit)),
    firings: per.flatMap(([, firings]) => firings),
    signals: per.flatMap(([, , signals]) => signals),
    cookies: per.flatMap(([, , , cookies]) => cookies),
  };
}

/** The visit tab `tabId` is in now, and its records; undefined when Tagwatch has no page of the tab. */
export async function tabVisit(
  db: TagwatchDB,
  tabId: number,
): Promise<{ visit: Visit; records: PageRecords } | undefined> {
  const visit = visitOfTab(await allVisits(db), tabId);
  return visit ? { visit, records: await visitRecords(db, visit) } : undefined;
}
