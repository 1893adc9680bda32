import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('runs at once after a quiet period, then once more after a burst, never more than once per wait', async () => {
  const run = vi.fn();
  const c = coalesce(run, 150);
  c.trigger();
  await vi.advanceTimersByTimeAsync(0);
  expect(run).toHaveBeenCalledTimes(1);
  for (let i = 0; i < 20; i++) {
    c.trigger();
    await vi.advanceTimersByTimeAsync(5);
  }
  expect(run).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(150);
  expect(run).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(1000);
  expect(run).toHaveBeenCalledTimes(2);
});

it('never runs twice at the same time: a trigger during a slow run is served after it', async () => {
  let active = 0;
  let most = 0;
  const run = vi.fn(async () => {
    active++;
    most = Math.max(most, active);
    await new Promise((r) => setTimeout(r, 400));
    active--;
  });
  const c = coalesce(run, 150);
  c.trigger();
  await vi.advanceTimersByTimeAsync(10);
  c.trigger();
  c.trigger();
  await vi.advanceTimersByTimeAsync(2000);
  expect(run).toHaveBeenCalledTimes(2);
  expect(most).toBe(1);
});

it('reports a failed run and keeps working', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const c = coalesce(
    () => {
      calls++;
      if (calls === 1) throw new Error('db closed');
    },
    150,
    (e) => errors.push(e),
  );
  c.trigger();
  await vi.advanceTimersByTimeAsync(0);
  c.trigger();
  await vi.advanceTimersByTimeAsync(200);
  expect(calls).toBe(2);
  expect(errors).toHaveLength(1);
});

it('cancel drops a scheduled run', async () => {
  const run = vi.fn();
  const c = coalesce(run, 150);
  c.trigger();
  await vi.advanceTimersByTimeAsync(0);
  c.trigger();
  c.cancel();
  await vi.advanceTimersByTimeAsync(500);
  expect(run).toHaveBeenCalledTimes(1);
});

it('rests after a slow run in proportion to how long it took', async () => {
  const starts: number[] = [];
  // A run that takes 400 ms of (fake) time, as an audit of thousands of hits does.
  const run = vi.fn(async () => {
    starts.push(Date.now());
    await new Promise((r) => setTimeout(r, 400));
  });
  const c = coalesce(run, 150, undefined, { restFactor: 3 });
  const t0 = Date.now();
  c.trigger();
  for (let i = 0; i < 200; i++) {
    await vi.advanceTimersByTimeAsync(10);
    c.trigger();
  }
  await vi.advanceTimersByTimeAsync(5_000);
  // Each run 400 ms, then 1,200 ms of rest: starts 1.6 s apart, not 0.4 s.
  expect(starts.map((s) => s - t0)).toEqual([0, 1_600, 3_200]);
});
