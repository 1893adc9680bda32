import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeRequest } from '../tags';
import { groupCommit, type Writable } from './batch';
import { recordOutcome, recordRequest, type CapturedRequest } from './capture';
import { openStore, type TagwatchDB } from './db';
import { recordSignal } from './queries';
import { startSession } from './sessions';

let db: TagwatchDB;
let transactions: number;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
  transactions = 0;
  const open = db.transaction.bind(db);
  db.transaction = ((...args: Parameters<typeof open>) => {
    transactions++;
    return open(...args);
  }) as typeof db.transaction;
});

const pixel = (n: number): CapturedRequest => ({
  requestId: `r${n}`,
  tabId: 7,
  frameId: 0,
  documentId: 'doc',
  at: 1_000 + n,
  url: `https://www.facebook.com/tr/?id=1&ev=Lead&n=${n}`,
  method: 'GET',
  body: { kind: 'none' },
});
const ref = { tabId: 7, frameId: 0, documentId: 'doc', at: 1_500 };

describe('groupCommit', () => {
  it('writes submitted together share one transaction, and each resolves once it is committed', async () => {
    const write = groupCommit(db);
    await startSession(db, { tabId: 7, documentId: 'doc', url: 'https://shop.example/', at: 900 });
    transactions = 0;
    const results = await Promise.all([1, 2, 3].map((n) => write((w) => recordRequest(w, pixel(n), decodeRequest))));
    expect(transactions).toBe(1);
    expect(results.map((hits) => hits.length)).toEqual([1, 1, 1]);
    // Committed: another transaction reads them.
    expect(await db.count('hits')).toBe(3);
  });

  it('groups the writes that arrive while one runs into the next transaction, in the order they came', async () => {
    const write = groupCommit(db);
    const first = write((w) => startSession(w, { tabId: 7, documentId: 'doc', url: 'https://shop.example/', at: 900 }));
    await Promise.resolve(); // the first write has started alone
    const rest = [
      write((w) => recordRequest(w, pixel(1), decodeRequest)),
      write((w) => recordOutcome(w, 'r1', { statusCode: 200 })),
    ];
    const session = await first;
    const [hits, outcome] = await Promise.all(rest);
    const hit = hits![0];
    const sent = outcome![0];
    expect(transactions).toBe(2);
    // The hit went into the session the write before it opened; the outcome saw the hit written before it.
    expect(hit!.sessionId).toBe(session.id);
    expect(sent).toMatchObject({ status: 'sent', statusCode: 200 });
  });

  it('loses no write of a group when one of them fails: the others are written, the failure is reported', async () => {
    const write = groupCommit(db);
    const failing = async (_w: Writable): Promise<never> => {
      throw new Error('broken write');
    };
    const results = await Promise.allSettled([
      write((w) => recordSignal(w, ref, { kind: 'datalayer', source: 'dataLayer', event: 'a' }, 'e-1')),
      write(failing),
      write((w) => recordSignal(w, ref, { kind: 'datalayer', source: 'dataLayer', event: 'b' }, 'e-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('broken write'));
    expect((await db.getAll('signals')).map((s) => s.id).sort()).toEqual(['e-1', 'e-2']);
  });

  it('opens no transaction for a write alone that has nothing to write', async () => {
    const write = groupCommit(db);
    expect(
      await write((w) => recordRequest(w, { ...pixel(1), url: 'https://shop.example/app.js' }, decodeRequest)),
    ).toEqual([]);
    expect(transactions).toBe(0);
  });
});
