import { describe, expect, it } from 'vitest';
import { ACK, createOutbox } from './outbox';

/** A worker that fails the first `failures` sends: rejected (a stopped worker) or answered with `reply` instead of the ACK. */
function harness(failures: number, reply?: unknown) {
  const delivered: string[] = [];
  let sends = 0;
  const timers: Array<() => void> = [];
  let failing = failures;
  const outbox = createOutbox<string>({
    send: (m) => {
      sends++;
      if (failing-- > 0)
        return reply === undefined ? Promise.reject(new Error('worker stopped')) : Promise.resolve(reply);
      delivered.push(m);
      return Promise.resolve(ACK);
    },
    schedule: (fn) => void timers.push(fn),
    maxQueue: 3,
    maxTries: 4,
  });
  const tick = async () => {
    await new Promise((r) => setTimeout(r, 0));
    for (const fn of timers.splice(0)) fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { outbox, delivered, tick, sends: () => sends };
}

describe('createOutbox', () => {
  it('delivers at once when the worker answers', async () => {
    const { outbox, delivered, tick } = harness(0);
    outbox.push('a');
    await tick();
    expect(delivered).toEqual(['a']);
  });

  it('sends again after the worker failed to acknowledge', async () => {
    const { outbox, delivered, tick } = harness(2);
    outbox.push('a');
    outbox.push('b');
    await tick();
    expect(delivered).toEqual(['a', 'b']);
  });

  // webextension-polyfill answers a handler that rejected (a write that failed) with an error object, and the
  // browser's own sendMessage resolves with it; a worker stopped mid-reply may resolve with nothing.
  it.each([
    ['a polyfill error reply', { __mozWebExtensionPolyfillReject__: true, message: 'write failed' }],
    ['an empty reply', null],
    ['a reply that is not the ACK', 3],
  ])('sends again after %s', async (_, reply) => {
    const { outbox, delivered, tick, sends } = harness(1, reply);
    outbox.push('a');
    await tick();
    await tick();
    expect(delivered).toEqual(['a']);
    expect(sends()).toBe(2);
  });

  it('gives up after the last try and bounds what waits', async () => {
    const { outbox, delivered, tick, sends } = harness(100);
    for (const m of ['a', 'b', 'c', 'd', 'e']) outbox.push(m);
    await tick();
    const perRound = [sends()];
    for (let i = 0; i < 6; i++) {
      await tick();
      perRound.push(sends() - perRound.reduce((a, b) => a + b, 0));
    }
    expect(delivered).toEqual([]);
    // Five first tries and the first retry of the 3 that may wait (maxQueue), then their 3rd and 4th tries
    // (maxTries), then nothing: the other two were dropped, and nothing is sent for ever.
    expect(perRound).toEqual([8, 3, 3, 0, 0, 0, 0]);
  });
});
