/**
 * Messages from a page to the worker, delivered at least once. The worker acknowledges a message only after
 * its write committed; if the worker was stopped meanwhile (Chrome stops idle workers; a stop can land
 * mid-burst) the send fails and the message is sent again. The worker de-duplicates what it may see twice.
 *
 * Only the reply `ACK` acknowledges. Anything else is a failure to retry: a write that failed is answered by
 * webextension-polyfill with an error object, which the browser's own sendMessage resolves with, not rejects.
 */
export const ACK = true;

export interface OutboxEnv<M> {
  /** Resolves with the worker's reply: `ACK` once the message is written. */
  send: (message: M) => Promise<unknown>;
  schedule: (fn: () => void, ms: number) => void;
  /** Messages waiting at most; beyond it the oldest are dropped (a page that cannot reach the worker at all). */
  maxQueue?: number;
  /** First retry delay; it doubles per round up to 5 s (a worker restarting on a busy machine takes seconds). */
  retryMs?: number;
  maxTries?: number;
}

export function createOutbox<M>(env: OutboxEnv<M>): { push: (message: M) => void } {
  const maxQueue = env.maxQueue ?? 500;
  const retryMs = env.retryMs ?? 500;
  const maxTries = env.maxTries ?? 30;
  const waiting: Array<{ message: M; tries: number }> = [];
  let scheduled = false;
  let rounds = 0;

  const attempt = (item: { message: M; tries: number }) => {
    item.tries++;
    const retry = () => {
      if (item.tries >= maxTries) return;
      waiting.push(item);
      if (waiting.length > maxQueue) waiting.shift();
      retryLater();
    };
    // An answer, even a failure, means the worker runs: the next retry need not wait long.
    env.send(item.message).then((reply) => {
      rounds = 0;
      if (reply !== ACK) retry();
    }, retry);
  };
  const retryLater = () => {
    if (scheduled) return;
    scheduled = true;
    const delay = Math.min(retryMs * 2 ** rounds, 5_000);
    rounds++;
    env.schedule(() => {
      scheduled = false;
      for (const item of waiting.splice(0)) attempt(item);
    }, delay);
  };
  return {
    push: (message) => attempt({ message, tries: 0 }),
  };
}
