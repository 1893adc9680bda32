// The crawl's progress line on stderr: pages done, queued and failed, and when it should end.

export interface CrawlProgress {
  done: number;
  failed: number;
  queued: number;
  skipped: number;
  startedAt: number;
  now: number;
  /** Pages done before this run (a resumed crawl): they took no time in this run. */
  resumed?: number;
}

/** `1 min 20 s`, `45 s`, `2 h 5 min`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** Time left at this run's pace; undefined until a page has finished, or when nothing is left. */
export function eta(p: CrawlProgress): number | undefined {
  const finished = p.done + p.failed - (p.resumed ?? 0);
  if (finished <= 0 || p.queued <= 0) return undefined;
  return ((p.now - p.startedAt) / finished) * p.queued;
}

export function progressLine(p: CrawlProgress): string {
  const total = p.done + p.failed + p.queued;
  const parts = [`${p.done} done`, `${p.queued} queued`, `${p.failed} failed`];
  if (p.skipped > 0) parts.push(`${p.skipped} skipped`);
  const left = eta(p);
  const width = 20;
  const filled = total === 0 ? 0 : Math.round(((p.done + p.failed) / total) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  return `${bar} ${p.done + p.failed}/${total} · ${parts.join(' · ')}${left !== undefined ? ` · about ${duration(left)} left` : ''}`;
}
