import { expect, it } from 'vitest';
import { hostLimit } from './host-limit';

it('runs at most N tasks per host at once, hosts independently, and every task', async () => {
  const limit = hostLimit(2);
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  const done: string[] = [];
  const task = (host: string, id: number) =>
    limit(host, async () => {
      active.set(host, (active.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
      await new Promise((r) => setTimeout(r, 5 + (id % 3)));
      active.set(host, active.get(host)! - 1);
      done.push(`${host}${id}`);
      return id;
    });
  const results = await Promise.all([
    ...Array.from({ length: 7 }, (_, i) => task('a', i)),
    ...Array.from({ length: 3 }, (_, i) => task('b', i)),
  ]);
  expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1, 2]);
  expect(Object.fromEntries(peak)).toEqual({ a: 2, b: 2 });
  expect(done).toHaveLength(10);
});

it('frees the slot when a task fails', async () => {
  const limit = hostLimit(1);
  await expect(
    limit('a', async () => {
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  await expect(limit('a', async () => 'next')).resolves.toBe('next');
});
