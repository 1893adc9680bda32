import type { IDBPTransaction, StoreNames } from 'idb';
import type { TagwatchDB, TagwatchSchema } from './db';

type Names = StoreNames<TagwatchSchema>;

/** A read-write transaction a write runs in: its own, or one it shares with the writes grouped with it. */
export type WriteTx = IDBPTransaction<TagwatchSchema, Names[], 'readwrite'>;
/** Where a write goes: the database (the write opens and commits its own transaction) or a transaction. */
export type Writable = TagwatchDB | WriteTx;

const ALL_STORES: Names[] = ['sessions', 'hits', 'firings', 'tabs', 'pendingBodies', 'signals', 'cookies', 'openers'];

function isTx(target: Writable): target is WriteTx {
  return 'done' in target;
}

/**
 * Run `work` in `target` when it is a transaction (the caller commits it), else in a new transaction over
 * `stores` that is committed before this resolves. `work` may await IndexedDB requests only: anything else
 * lets the transaction commit under it.
 */
export async function inTx<T>(target: Writable, stores: Names[], work: (tx: WriteTx) => Promise<T>): Promise<T> {
  if (isTx(target)) return work(target);
  const tx = target.transaction(stores, 'readwrite') as unknown as WriteTx;
  const done = tx.done;
  // When `work` fails the transaction fails with it: that is reported once, by `work`'s own rejection.
  done.catch(() => undefined);
  const result = await work(tx);
  await done;
  return result;
}

/** A write: given a transaction to share, or the database when it runs alone (it then opens its own). */
export type Write<T> = (target: Writable) => Promise<T>;

/**
 * Group commit. A write starts at once when none is running; the writes that arrive while one runs (a page's
 * burst of tag requests, their outcomes, the page events of one message) go together in the next transaction
 * instead of one transaction each. Each write resolves only once its transaction has committed, so nothing
 * is acknowledged before it is on disk. A write that throws fails alone, as it would in a transaction of its own;
 * if a request fails and the group's transaction aborts, each write of the group runs again on its own, as it
 * would have without grouping: one bad write loses no other.
 */
export function groupCommit(db: TagwatchDB): <T>(write: Write<T>) => Promise<T> {
  interface Queued {
    write: Write<unknown>;
    ok: (value: unknown) => void;
    fail: (error: unknown) => void;
  }
  let queue: Queued[] = [];
  let running = false;

  // Alone, a write opens its own transaction over the stores it needs (or none, if it has nothing to write).
  const alone = async (q: Queued) => {
    try {
      q.ok(await q.write(db));
    } catch (error) {
      q.fail(error);
    }
  };
  const together = async (group: Queued[]) => {
    const tx = db.transaction(ALL_STORES, 'readwrite') as unknown as WriteTx;
    // Whether the group's transaction committed (a rejection here is an outcome, handled below).
    const committed = tx.done.then(
      () => true,
      () => false,
    );
    // Each write's own outcome. A write that throws fails alone, as it would in its own transaction; a failed
    // request aborts the whole transaction, and then every write of the group runs again on its own.
    const outcomes: Array<(q: Queued) => void> = [];
    for (const q of group) {
      try {
        const value = await q.write(tx);
        outcomes.push((w) => w.ok(value));
      } catch (error) {
        outcomes.push((w) => w.fail(error));
      }
    }
    if (await committed) group.forEach((q, i) => outcomes[i]!(q));
    else for (const q of group) await alone(q);
  };
  const drain = async () => {
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      await (group.length === 1 ? alone(group[0]!) : together(group));
    }
    running = false;
  };
  return <T>(write: Write<T>) =>
    new Promise<T>((ok, fail) => {
      queue.push({ write: write as Write<unknown>, ok: ok as (value: unknown) => void, fail });
      if (running) return;
      running = true;
      // Writes submitted in the same turn (a batch of messages) start together.
      queueMicrotask(() => void drain());
    });
}

const writers = new WeakMap<TagwatchDB, <T>(write: Write<T>) => Promise<T>>();

/** Run `write` in the group-committed transactions of `db` (see groupCommit). */
export function grouped<T>(db: TagwatchDB, write: Write<T>): Promise<T> {
  let writer = writers.get(db);
  if (!writer) {
    writer = groupCommit(db);
    writers.set(db, writer);
  }
  return writer(write);
}
