import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCrawlSite } from '../../e2e/crawl-site';

// The crawl as a user runs it: `npm run audit -- URL --crawl --max-pages 100 --concurrency 2` on a generated
// site of 100 pages (each with GA4 and Meta stand-ins, linked in a chain and from the home page's list),
// the command started as a child process so start-up, the browser and the reports are counted.

export interface CrawlFigures {
  pages: number;
  settleMs: number;
  totalMs: number;
  /** From the first page loaded to the last one done: the crawl's steady pace. */
  crawlMs: number;
  pagesPerMinute: number;
  steadyPagesPerMinute: number;
  /** The audit's last line. */
  summary: string;
}

function generated(pages: number): (path: string) => string | undefined {
  const page = (title: string, links: string[]) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<script src="/tags.js" data-ga4="G-BENCH01" data-meta="24680"></script></head><body><h1>${title}</h1>` +
    `<ul>${links.map((l) => `<li><a href="${l}">${l}</a></li>`).join('')}</ul></body></html>`;
  return (path) => {
    if (path === '/')
      return page(
        'Home',
        Array.from({ length: 10 }, (_, i) => `/p/${i + 1}.html`),
      );
    const m = /^\/p\/(\d+)\.html$/.exec(path);
    const n = m ? Number(m[1]) : NaN;
    if (!(n >= 1 && n < pages)) return undefined;
    return page(
      `Page ${n}`,
      [n + 1, n + 10].filter((k) => k < pages).map((k) => `/p/${k}.html`),
    );
  };
}

export async function benchCrawl(
  pages = 100,
  settleMs = Number(process.env.BENCH_CRAWL_SETTLE ?? 3000),
): Promise<CrawlFigures> {
  const site = await serveCrawlSite(undefined, generated(pages));
  const dir = mkdtempSync(join(tmpdir(), 'tagwatch-bench-crawl-'));
  try {
    const start = Date.now();
    let firstDone = 0;
    let summary = '';
    const code = await new Promise<number | null>((done) => {
      const child = spawn(
        'node_modules/.bin/tsx',
        [
          'scripts/audit/main.ts',
          `${site.origin}/`,
          '--crawl',
          '--max-pages',
          String(pages),
          '--concurrency',
          '2',
          '--per-host',
          '2',
          '--stub-vendors',
          '--settle',
          String(settleMs),
          '--out',
          join(dir, 'report.json'),
        ],
        { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout!.on('data', (d: Buffer) => (summary = `${summary}${d.toString()}`.slice(-2_000)));
      child.stderr!.on('data', (d: Buffer) => {
        if (!firstDone && /^✓ /m.test(d.toString())) firstDone = Date.now();
      });
      child.on('close', done);
    });
    const end = Date.now();
    const audited = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as unknown[]).length;
    // Exit 1 is a finding on the generated pages, not a failed crawl; anything else is.
    if ((code !== 0 && code !== 1) || audited !== pages)
      throw new Error(`The bench crawl ended with exit code ${code} and ${audited} of ${pages} pages audited.`);
    const crawlMs = end - (firstDone || start);
    return {
      pages: audited,
      settleMs,
      totalMs: end - start,
      crawlMs,
      pagesPerMinute: Math.round((audited / ((end - start) / 60_000)) * 10) / 10,
      steadyPagesPerMinute: Math.round(((audited - 1) / (crawlMs / 60_000)) * 10) / 10,
      summary: summary.trim().split('\n').pop() ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await site.close();
  }
}
