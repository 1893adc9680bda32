import { BasicCrawler, Configuration, log, LogLevel } from '@crawlee/basic';
import { RobotsTxtFile, Sitemap } from '@crawlee/utils';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Journey } from '../../lib/audit/journey';
import type { SiteFailure, SiteSkip } from '../../lib/audit/site';
import { hostLimit } from '../../lib/crawl/host-limit';
import { journalLinks, journalMismatch, readJournal, settledUrls, type JournalEntry } from '../../lib/crawl/journal';
import { extractLinks } from '../../lib/crawl/links';
import { progressLine } from '../../lib/crawl/progress';
import { inShard, type Shard } from '../../lib/crawl/shard';
import { linkVerdict, normalizeUrl } from '../../lib/crawl/url';
import type { AuditReport } from '../../lib/audit/report';
import type { TabRecords } from '../../lib/audit/audit-tab';
import { tabRecords, type Extension } from '../browser';
import { isInterrupted, onInterrupt } from './cleanup';
import { runPage } from './run-page';

// Pages audited through Crawlee's BasicCrawler: its request queue (one visit per canonical URL), retries of
// transient failures and fixed concurrency; its robots.txt and sitemap readers (sitemap indexes and gzip
// included). Each page is loaded by our own page runner in the browser that has the extension, as every audit.
// With `crawl`, the links of each page (same site, pages only, allowed by robots.txt) join the queue.

export interface CrawlOptions {
  seeds: string[];
  crawl: boolean;
  maxPages: number;
  concurrency: number;
  perHost: number;
  retries: number;
  settleMs: number;
  timeoutMs: number;
  shard?: Shard;
  shardText?: string;
  /** Steps run on each page after it loads: where `--consent` will click the banner. */
  pageSteps: Journey;
  /** Folder for the journal that lets an interrupted crawl resume. */
  stateDir?: string;
  /** The report of a page, from what the extension recorded for its tab. */
  audit: (records: TabRecords, page: { url: string; title?: string }) => AuditReport;
  progress: (line: string) => void;
}

export interface PageAudited {
  url: string;
  report: AuditReport;
  records: TabRecords;
}

export interface CrawlResult {
  pages: PageAudited[];
  /** Pages from before an interruption: their reports, not their records. */
  resumed: AuditReport[];
  failed: SiteFailure[];
  skipped: SiteSkip[];
  offSite: number;
  /** Pages left in the queue when --max-pages was reached. */
  leftOver: number;
}

const JOURNAL = 'crawl.jsonl';

async function robotsFor(origin: string): Promise<RobotsTxtFile | undefined> {
  try {
    return await RobotsTxtFile.find(origin, undefined, { timeoutMillis: 10_000 });
  } catch {
    return undefined; // no robots.txt (or none reachable): everything is allowed, as for any crawler
  }
}

async function sitemapUrls(origin: string, robots: RobotsTxtFile | undefined): Promise<string[]> {
  const listed = robots?.getSitemaps() ?? [];
  const candidates = listed.length > 0 ? listed : [`${origin}/sitemap.xml`];
  try {
    const sitemap = await Sitemap.load(candidates, undefined, {
      reportNetworkErrors: false,
      sitemapRetries: 1,
      maxDepth: 5,
    });
    return sitemap.urls;
  } catch {
    return [];
  }
}

/** Links of a page another shard audits: its HTML, fetched without the browser. */
async function linksByFetch(url: string, timeoutMs: number): Promise<string[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!/html/i.test(response.headers.get('content-type') ?? 'text/html')) return [];
  return extractLinks(await response.text(), response.url);
}

export async function crawlSite(ext: Extension, opts: CrawlOptions): Promise<CrawlResult> {
  log.setLevel(LogLevel.OFF); // Crawlee's own log lines would interleave with ours; we report every page ourselves
  const result: CrawlResult = { pages: [], resumed: [], failed: [], skipped: [], offSite: 0, leftOver: 0 };

  // ── the journal: resume where an earlier run stopped ──
  const header: Extract<JournalEntry, { kind: 'crawl' }> = {
    kind: 'crawl',
    version: 1,
    seeds: opts.seeds,
    crawl: opts.crawl,
    maxPages: opts.maxPages,
    ...(opts.shardText ? { shard: opts.shardText } : {}),
  };
  let journalFile: string | undefined;
  let settled = new Set<string>();
  let carried: string[] = [];
  if (opts.stateDir) {
    mkdirSync(opts.stateDir, { recursive: true });
    journalFile = join(opts.stateDir, JOURNAL);
    const journal = existsSync(journalFile) ? readJournal(readFileSync(journalFile, 'utf8')) : undefined;
    const mismatch = journal && journalMismatch(journal, header, opts.stateDir);
    if (mismatch) throw new Error(mismatch);
    if (journal && !journal.finished && journal.header) {
      settled = settledUrls(journal);
      // Pages that failed are tried again: the failure may have been passing, or the reason for the stop.
      carried = [...journal.failed.keys(), ...journalLinks(journal)];
      result.resumed = [...journal.pages.values()].map((p) => p.report);
      result.skipped = [...journal.skipped].map(([url, reason]) => ({ url, reason }));
      opts.progress(
        `Resuming the crawl in ${opts.stateDir}: ${result.resumed.length} pages already audited` +
          `${journal.failed.size ? `, ${journal.failed.size} that failed will be tried again` : ''}.`,
      );
    } else {
      writeFileSync(journalFile, `${JSON.stringify(header)}\n`);
    }
  }
  const record = (entry: JournalEntry) => {
    // Appended at once and whole: the journal is right whenever the process stops.
    if (journalFile) appendFileSync(journalFile, `${JSON.stringify(entry)}\n`);
  };

  // ── robots.txt per origin ──
  const robots = new Map<string, RobotsTxtFile | undefined>();
  const robotsOf = async (url: string) => {
    const origin = new URL(url).origin;
    if (!robots.has(origin)) robots.set(origin, opts.crawl ? await robotsFor(origin) : undefined);
    return robots.get(origin);
  };

  // ── admission: each canonical URL once, the site's pages only, allowed by robots.txt, up to --max-pages ──
  const admitted = new Set<string>(settled);
  let audited = result.resumed.length;
  let queuedInShard = 0;
  let followed = 0;
  const startedAt = Date.now();
  const resumedCount = audited;
  const show = () =>
    opts.progress(
      progressLine({
        done: result.resumed.length + result.pages.length,
        failed: result.failed.length,
        queued: queuedInShard,
        skipped: result.skipped.length,
        startedAt,
        now: Date.now(),
        resumed: resumedCount,
      }),
    );
  let crawler: BasicCrawler;
  const admit = async (raw: string[], from: string | undefined, seeds: boolean): Promise<void> => {
    const fresh: Array<{ url: string; uniqueKey: string }> = [];
    for (const link of raw) {
      const url = normalizeUrl(link);
      const start = seeds ? link : (opts.seeds.find((s) => url && linkVerdict(url, s) === undefined) ?? opts.seeds[0]!);
      const verdict = seeds ? (url ? undefined : 'not_http') : linkVerdict(url, start);
      if (url === undefined || admitted.has(url)) continue;
      if (verdict === 'off_site') {
        admitted.add(url); // counted once per page it points to, however many links lead there
        result.offSite++;
      }
      if (verdict !== undefined) {
        if (verdict === 'not_a_page') {
          admitted.add(url); // a file the site links to: named once in the report, never loaded
          result.skipped.push({ url, reason: 'not_html' });
          record({ kind: 'skipped', url, reason: 'not_html' });
        }
        continue;
      }
      admitted.add(url);
      const rules = await robotsOf(url);
      if (!seeds && rules && !rules.isAllowed(url)) {
        result.skipped.push({ url, reason: 'robots' });
        record({ kind: 'skipped', url, reason: 'robots' });
        continue;
      }
      const mine = inShard(url, opts.shard);
      if (mine) {
        if (audited + queuedInShard >= opts.maxPages) {
          result.leftOver++;
          continue;
        }
        queuedInShard++;
      } else if (followed >= opts.maxPages * (opts.shard?.count ?? 1))
        continue; // bound the pages read only for links
      else followed++;
      fresh.push({ url, uniqueKey: url });
    }
    if (from !== undefined && fresh.length === 0) return;
    if (fresh.length) await crawler.addRequests(fresh);
  };

  const limit = hostLimit(opts.perHost);
  const handle = async (url: string, retryCount: number): Promise<void> => {
    if (isInterrupted()) return;
    if (!inShard(url, opts.shard)) {
      const links = opts.crawl ? await linksByFetch(url, opts.timeoutMs) : [];
      record({ kind: 'followed', url, links });
      await admit(links, url, false);
      return;
    }
    const run = await limit(new URL(url).host, () =>
      runPage(ext, url, [{ goto: url }, ...opts.pageSteps], {
        settleMs: opts.settleMs,
        timeoutMs: opts.timeoutMs,
        base: url,
        htmlOnly: opts.crawl,
        goalFired: async () => true,
      }),
    );
    // Cut short by Ctrl-C: not a failure of the page, and not recorded, so a resumed crawl audits it.
    if (isInterrupted()) return;
    if (!run.ok) {
      if (run.notPage) {
        queuedInShard--;
        result.skipped.push({ url, reason: 'not_html' });
        record({ kind: 'skipped', url, reason: 'not_html' });
        show();
        return;
      }
      if (run.transient && retryCount < opts.retries) {
        opts.progress(`↻ ${url}: ${run.error} Trying again.`);
        throw new Error(run.error); // Crawlee puts it back in the queue
      }
      queuedInShard--;
      audited++;
      result.failed.push({ url, error: run.error });
      record({ kind: 'failed', url, error: run.error, links: [] });
      opts.progress(`✗ ${url} — ${run.error}`);
      show();
      return;
    }
    try {
      const links = opts.crawl
        ? await run.page
            .$$eval('a[href], area[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))
            .catch(() => [] as string[])
        : [];
      const records = await tabRecords(ext, run.tabId);
      const report = opts.audit(records, { url: run.url, ...(run.title ? { title: run.title } : {}) });
      queuedInShard--;
      audited++;
      result.pages.push({ url, report, records });
      record({ kind: 'page', url, report, links });
      opts.progress(`✓ ${url}`);
      show();
      await admit(links, url, false);
    } finally {
      await run.page.close().catch(() => undefined);
    }
  };

  crawler = new BasicCrawler(
    {
      // A fixed number of pages at once: the machine's load says nothing about how many browser tabs it can take.
      minConcurrency: opts.concurrency,
      maxConcurrency: opts.concurrency,
      maxRequestRetries: opts.retries,
      requestHandlerTimeoutSecs: Math.ceil((opts.timeoutMs * 2 + opts.settleMs) / 1000) + 30,
      useSessionPool: false,
      requestHandler: async ({ request }) => handle(request.url, request.retryCount),
      failedRequestHandler: async ({ request }, error) => {
        if (isInterrupted()) return;
        if (!inShard(request.url, opts.shard)) {
          record({ kind: 'followed', url: request.url, links: [] }); // another shard's page we could not read for links
          return;
        }
        // Retries used up on a transient failure, or an error outside the page runner.
        queuedInShard--;
        audited++;
        const message = error.message.split('\n')[0] ?? String(error);
        result.failed.push({ url: request.url, error: message });
        record({ kind: 'failed', url: request.url, error: message, links: [] });
        opts.progress(`✗ ${request.url} — ${message}`);
        show();
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: false }),
  );

  // ── seeds: the URLs given, their sitemaps when crawling, and what an interrupted run had found ──
  await admit(opts.seeds, undefined, true);
  if (opts.crawl) {
    for (const origin of new Set(opts.seeds.map((s) => new URL(s).origin))) {
      const urls = await sitemapUrls(origin, await robotsOf(origin));
      if (urls.length) opts.progress(`Sitemap of ${origin}: ${urls.length} URLs.`);
      await admit(urls, origin, false);
    }
  }
  await admit(carried, 'journal', false);
  show();
  const forget = onInterrupt(() => crawler.autoscaledPool?.abort());
  try {
    await crawler.run();
  } finally {
    forget();
  }
  if (!isInterrupted()) record({ kind: 'finished', at: Date.now() });
  return result;
}
