import { describe, expect, it } from 'vitest';
import { createOutbox } from './outbox';

function harness(failures: number) {
  const delivered: string[] = [];
  const timers: Array<() => void> = [];
  let failing = failures;
  const outbox = createOutbox<string>({
    send: (m) => (failing-- > 0 ? Promise.reject(new Error('worker stopped')) : (delivered.push(m), Promise.resolve())),
    schedule: (fn) => void timers.push(fn),
    maxQueue: 3,
    maxTries: 4,
  });
  const tick = async () => {
    await new Promise((r) => setTimeout(r, 0));
    for (const fn of timers.splice(0)) fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { outbox, delivered, tick };
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
    expect(outbox.size()).toBe(0);
  });

  it('gives up after the last try and bounds what waits', async () => {
    const { outbox, delivered, tick } = harness(100);
    for (const m of ['a', 'b', 'c', 'd', 'e']) outbox.push(m);
    for (let i = 0; i < 6; i++) await tick();
    expect(delivered).toEqual([]);
    expect(outbox.size()).toBe(0);
  });
});
