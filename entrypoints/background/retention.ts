import browser from 'webextension-polyfill';
import { DEFAULT_RETENTION, prune, type RetentionPolicy } from '@/lib/store';
import type { WorkerContext } from './context';

export const RETENTION_KEY = 'retention';

/** Old sessions are pruned on start and hourly, by the policy the user set (defaults in lib/store/retention.ts). */
export function registerRetention(ctx: WorkerContext): void {
  const run = async () => {
    const got = await browser.storage.local.get(RETENTION_KEY);
    const policy: RetentionPolicy = {
      ...DEFAULT_RETENTION,
      ...(got[RETENTION_KEY] as Partial<RetentionPolicy> | undefined),
    };
    await ctx.write(-1, (db) => prune(db, Date.now(), policy));
  };
  browser.alarms.create('tagwatch-retention', { periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'tagwatch-retention') void run();
  });
  void run();
}
