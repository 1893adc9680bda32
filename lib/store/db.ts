import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Opener } from '../visits/visits';
import type { PageSession, StoredCookie, StoredFiring, StoredHit, StoredSignal } from './types';

export const DB_NAME = 'tagwatch';
export const DB_VERSION = 3;

/** A body the page hooks delivered before webRequest reported its request (see capture.ts). */
export interface PendingBody {
  id: string;
  tabId: number;
  urlHash: string;
  url: string;
  method: string;
  /** The body as the decoders read it (inflated, unwrapped); '' when the call had none. */
  body: string;
  /** Why only part of it could be read (cut, corrupt). Added in place: older rows lack it, and read as complete. */
  partial?: string;
  at: number;
}

export interface TabRecord {
  tabId: number;
  /** The tab's current page session; '' while its first page has not started (a title came first). */
  sessionId: string;
  /** Written by earlier versions (titles from tabs.onUpdated, before the content script said them); read by none. */
  pendingTitle?: { url: string; title: string };
}

export interface TagwatchSchema extends DBSchema {
  sessions: {
    key: string;
    value: PageSession;
    indexes: { byTab: [number, number]; byDocument: string; byStart: number };
  };
  hits: {
    key: string;
    value: StoredHit & { urlHash: string };
    indexes: { bySession: [string, number]; byTab: [number, number]; byRequest: string; byTabUrl: [number, string] };
  };
  firings: { key: string; value: StoredFiring; indexes: { bySession: [string, number]; byTab: [number, number] } };
  tabs: { key: number; value: TabRecord };
  pendingBodies: { key: string; value: PendingBody; indexes: { byTabUrl: [number, string]; byAt: number } };
  signals: { key: string; value: StoredSignal; indexes: { bySession: [string, number]; byTab: [number, number] } };
  cookies: { key: string; value: StoredCookie; indexes: { bySession: [string, number]; byTab: [number, number] } };
  /** Which tab opened which (lib/visits): a visit follows the tabs it opened. */
  openers: { key: number; value: Opener; indexes: { byAt: number } };
}

export type TagwatchDB = IDBPDatabase<TagwatchSchema>;

/**
 * The migration ladder: step N brings a database from version N-1 to N. Add steps, never edit one that shipped:
 * users' databases are at every version that ever shipped.
 */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<TagwatchSchema>) => void> = [
  // 0 → 1: the first schema.
  (db) => {
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('byTab', ['tabId', 'startedAt']);
    sessions.createIndex('byDocument', 'documentId');
    sessions.createIndex('byStart', 'startedAt');
    const hits = db.createObjectStore('hits', { keyPath: 'id' });
    hits.createIndex('bySession', ['sessionId', 'at']);
    hits.createIndex('byTab', ['tabId', 'at']);
    hits.createIndex('byRequest', 'requestKey');
    hits.createIndex('byTabUrl', ['tabId', 'urlHash']);
    const firings = db.createObjectStore('firings', { keyPath: 'id' });
    firings.createIndex('bySession', ['sessionId', 'at']);
    firings.createIndex('byTab', ['tabId', 'at']);
    db.createObjectStore('tabs', { keyPath: 'tabId' });
    const pending = db.createObjectStore('pendingBodies', { keyPath: 'id' });
    pending.createIndex('byTabUrl', ['tabId', 'urlHash']);
    pending.createIndex('byAt', 'at');
    const signals = db.createObjectStore('signals', { keyPath: 'id' });
    signals.createIndex('bySession', ['sessionId', 'at']);
    signals.createIndex('byTab', ['tabId', 'at']);
  },
  // 1 → 2: the cookies set during each page (names only), for the consent audit.
  (db) => {
    const cookies = db.createObjectStore('cookies', { keyPath: 'id' });
    cookies.createIndex('bySession', ['sessionId', 'at']);
    cookies.createIndex('byTab', ['tabId', 'at']);
  },
  // 2 → 3: the tabs each tab opened, for visits (lib/visits/visits.ts). Visits are derived from the sessions when
  // read, so the sessions already stored need no rewriting: they group into visits as they are.
  (db) => {
    const openers = db.createObjectStore('openers', { keyPath: 'tabId' });
    openers.createIndex('byAt', 'at');
  },
];

/** Opens (and migrates) the database on the global indexedDB; unit tests load fake-indexeddb/auto for one. */
export function openStore(name = DB_NAME): Promise<TagwatchDB> {
  return openDB<TagwatchSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db);
    },
  });
}
