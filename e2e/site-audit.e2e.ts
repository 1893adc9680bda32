import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJourneyText } from '../lib/audit/journey';
import { parsePlanText } from '../lib/goals/schema';
import { CRAWL_SITE_DIR, serveCrawlSite, type CrawlSite } from './crawl-site';
import { chromiumPath, launchExtension, readStore, routeVendors } from './harness';

// Whole-site audits as a consultant or a CI job runs them: the audit command crawling a fixture site of a dozen
// pages (a sitemap index, a robots.txt that disallows /private/, an off-site link, a PDF, a page whose
// template forgot GA4), its baseline gate, resume after Ctrl-C, HAR in, shards and merge, concurrent runs.

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
interface Started {
  child: ChildProcess;
  done: Promise<Run>;
  stderr: () => string;
}

function start(script: string, args: string[], env: Record<string, string> = {}, timeoutMs = 280_000): Started {
  // As `npm run audit` runs it (node with tsx's loader: one process), in a process group of its own, as a command
  // in a terminal: Ctrl-C and a kill reach the audit and whatever it started in that group.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => group(child, 'SIGKILL'), timeoutMs);
  const done = new Promise<Run>((ok) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stdout, stderr });
    }),
  );
  return { child, done, stderr: () => stderr };
}
/** Signal the command's whole process group, as a terminal's Ctrl-C does. */
function group(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}
const audit = (args: string[], env?: Record<string, string>) => start('scripts/audit/main.ts', args, env).done;

interface Hit {
  vendor: string;
  event?: string;
  account?: string;
  status: string;
  params: Record<string, string>;
}
interface Report {
  page: { url: string };
  hits: Hit[];
  findings: Array<{ kind: string; severity: string }>;
}
interface Site {
  format: string;
  version: number;
  pages: Array<{ url: string; template: string }>;
  skipped: Array<{ url: string; reason: string }>;
  siteFindings: Array<{ kind: string; vendor: string; pages?: string[] }>;
}

const PAGES = [
  '/',
  '/about.html',
  '/blog/',
  '/blog/first-post.html',
  '/blog/second-post.html',
  '/cart.html',
  '/checkout/thanks.html',
  '/contact.html',
  '/product/bowl.html',
  '/product/cup.html',
  '/product/mug.html',
  '/product/teapot.html',
];
/** What browsers navigated to, less the crawler's own fetches of robots.txt and the sitemaps. */
const pageVisits = (site: CrawlSite) => site.visits.filter((p) => !/\.(xml|txt)$/.test(p));
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const FAST = ['--plan', 'e2e/site/crawl/plan.json', '--stub-vendors', '--settle', '600'];

let site: CrawlSite;
let dir: string;
beforeAll(async () => {
  site = await serveCrawlSite();
  dir = mkdtempSync(join(tmpdir(), 'tagwatch-site-audit-'));
});
afterAll(async () => site?.close());

describe('npm run audit -- --crawl', () => {
  it('visits every page the site allows exactly once, and names the page that lacks GA4', async () => {
    site.visits.length = 0;
    const out = join(dir, 'release-1/report.json'); // a folder that does not exist yet: created before the crawl
    const run = await audit([
      `${site.origin}/`,
      '--crawl',
      ...FAST,
      '--out',
      out,
      '--html',
      join(dir, 'release-1/report.html'),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code).toBe(0);
    const visits = pageVisits(site);
    expect([...visits].sort()).toEqual(PAGES); // each allowed page, once: fragments and utm_/fbclid links collapsed
    expect(visits).not.toContain('/private/admin.html'); // robots.txt
    expect(visits).not.toContain('/files/catalogue.pdf');
    expect(site.otherHostRequests).toEqual([]); // the off-site link was not followed

    const reports = readJson<Report[]>(out);
    expect(reports.map((r) => new URL(r.page.url).pathname).sort()).toEqual(PAGES);
    const rollup = readJson<Site>(join(dir, 'release-1/report.site.json'));
    expect(rollup).toMatchObject({ format: 'tagwatch-site', version: 1 });
    expect(rollup.skipped).toEqual(
      expect.arrayContaining([
        { url: `${site.origin}/private/admin.html`, reason: 'robots' },
        { url: `${site.origin}/files/catalogue.pdf`, reason: 'not_html' },
      ]),
    );
    expect(rollup.siteFindings.filter((f) => f.kind === 'vendor_gaps')).toEqual([
      expect.objectContaining({ vendor: 'ga4', pages: [`${site.origin}/contact.html`] }),
    ]);
    expect(rollup.pages.find((p) => p.url.endsWith('/product/mug.html'))?.template).toBe('/product/*');
    // What the consultant reads in the terminal and in the HTML report.
    expect(run.stdout).toMatch(
      /Google Analytics 4 sends its page_view hit on 11 of 12 pages, but not on\s+\/contact\.html/,
    );
    expect(run.stdout).toMatch(/\/product\/\*\s+4\s+/);
    const html = readFileSync(join(dir, 'release-1/report.html'), 'utf8');
    expect(html).toContain('<table class="site-grid">');
    expect(html).toMatch(/data-url="http:\/\/localhost:\d+\/contact\.html">.*data-vendor="ga4" data-presence="absent"/);
  }, 300_000);

  it('gates a release on the baseline: a purchase tag removed exits 1 and is named; unchanged exits 0', async () => {
    const baseline = join(dir, 'release-1/report.json');
    // The next release forgets the Meta purchase tag on the order confirmation.
    const release2 = join(dir, 'site-release-2');
    cpSync(CRAWL_SITE_DIR, release2, { recursive: true });
    const thanks = join(release2, 'checkout/thanks.html');
    writeFileSync(thanks, readFileSync(thanks, 'utf8').replace(/^.*siteTags\.meta\("Purchase".*$/m, ''));
    site.useDir(release2);
    const broken = await audit([`${site.origin}/`, '--crawl', ...FAST, '--baseline', baseline]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/Regressions:/);
    expect(broken.stdout).toContain(
      '/checkout/thanks.html: "Purchase" had every tag sent before; now Meta Pixel · Purchase missing.',
    );

    site.useDir(CRAWL_SITE_DIR);
    const same = await audit([`${site.origin}/`, '--crawl', ...FAST, '--baseline', baseline]);
    expect(same.stdout).toMatch(/Compared with .*report\.json \(12 pages\): 0 regressions, 0 improvements\./);
    expect(same.code).toBe(0);
  }, 600_000);

  it('resumes a crawl stopped with Ctrl-C without visiting its pages again, and leaves no browser profile behind', async () => {
    const state = join(dir, 'state');
    const temp = mkdtempSync(join(tmpdir(), 'tagwatch-tmp-')); // the child's TMPDIR: its profiles, and only its
    const args = [
      `${site.origin}/`,
      '--crawl',
      ...FAST,
      '--concurrency',
      '1',
      '--state',
      state,
      '--out',
      join(dir, 'resumed.json'),
    ];
    site.visits.length = 0;
    const first = start('scripts/audit/main.ts', args, { TMPDIR: temp });
    await new Promise<void>((ok, fail) => {
      const poll = setInterval(() => {
        if ((first.stderr().match(/^✓ /gm) ?? []).length >= 4) {
          clearInterval(poll);
          group(first.child, 'SIGINT'); // Ctrl-C
          ok();
        }
      }, 100);
      void first.done.then(() => {
        clearInterval(poll);
        fail(new Error(`the crawl ended before it could be interrupted:\n${first.stderr()}`));
      });
    });
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/Interrupted \(SIGINT\)/);
    expect(readdirSync(temp).filter((n) => n.startsWith('tagwatch-e2e-'))).toEqual([]);
    const done = readFileSync(join(state, 'crawl.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { kind: string; url?: string })
      .filter((e) => e.kind === 'page')
      .map((e) => new URL(e.url!).pathname);
    expect(done.length).toBeGreaterThanOrEqual(4);
    const firstVisits = pageVisits(site);

    site.visits.length = 0;
    const second = await start('scripts/audit/main.ts', args, { TMPDIR: temp }).done;
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/Resuming the crawl in .*: \d+ pages already audited/);
    const secondVisits = pageVisits(site);
    for (const path of done) expect(secondVisits).not.toContain(path);
    expect([...new Set([...firstVisits, ...secondVisits])].sort()).toEqual(PAGES);
    const reports = readJson<Report[]>(join(dir, 'resumed.json'));
    expect(reports.map((r) => new URL(r.page.url).pathname).sort()).toEqual(PAGES); // every page once
    expect(readdirSync(temp).filter((n) => n.startsWith('tagwatch-e2e-'))).toEqual([]);
  }, 600_000);

  it('splits a crawl across two machines with --shard, and audit:merge makes one site of them', async () => {
    const runs = await Promise.all(
      ['1/2', '2/2'].map((shard, i) =>
        audit([
          `${site.origin}/`,
          '--crawl',
          ...FAST,
          '--concurrency',
          '1',
          '--shard',
          shard,
          '--out',
          join(dir, `shard-${i + 1}.json`),
        ]),
      ),
    );
    for (const run of runs) expect(run.code).toBe(0);
    const mine = [1, 2].map((i) =>
      readJson<Report[]>(join(dir, `shard-${i}.json`)).map((r) => new URL(r.page.url).pathname),
    );
    expect(mine[0]!.filter((p) => mine[1]!.includes(p))).toEqual([]); // no page audited twice
    const merged = await start('scripts/audit/merge.ts', [
      join(dir, 'shard-1.json'),
      join(dir, 'shard-2.json'),
      join(dir, 'shard-1.site.json'),
      '--out',
      join(dir, 'merged.json'),
    ]).done;
    expect(merged.code).toBe(0);
    expect(
      readJson<Report[]>(join(dir, 'merged.json'))
        .map((r) => new URL(r.page.url).pathname)
        .sort(),
    ).toEqual(PAGES);
    expect(merged.stdout).toMatch(/Site: 12 pages audited/);
    expect(merged.stdout).toMatch(/but not on\s+\/contact\.html/);
  }, 600_000);
});

describe('npm run audit -- --har', () => {
  it('gives the same hits for a HAR that Chromium recorded as the live audit of that page', async () => {
    const page = `${site.origin}/checkout/thanks.html`;
    const harFile = join(dir, 'thanks.har');
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const context = await browser.newContext({ recordHar: { path: harFile } });
      await routeVendors(context);
      const tab = await context.newPage();
      await tab.goto(page);
      await tab.waitForTimeout(1_500);
      await context.close(); // writes the HAR
    } finally {
      await browser.close();
    }
    const live = await audit([page, ...FAST, '--out', join(dir, 'live.json'), '--har-out', join(dir, 'live.har')]);
    const fromHar = await audit([
      '--har',
      harFile,
      '--plan',
      'e2e/site/crawl/plan.json',
      '--out',
      join(dir, 'from-har.json'),
    ]);
    expect(live.code).toBe(0);
    expect(fromHar.code).toBe(0);
    const shape = (file: string) =>
      readJson<Report>(file)
        .hits.map(
          (h) =>
            `${h.vendor} ${h.event ?? ''} ${h.account ?? ''} ${h.status} ${JSON.stringify(Object.entries(h.params).sort())}`,
        )
        .sort();
    const want = shape(join(dir, 'live.json'));
    expect(want.length).toBeGreaterThanOrEqual(4); // GA4 page_view and purchase, Meta PageView and Purchase
    expect(shape(join(dir, 'from-har.json'))).toEqual(want);
    expect(readJson<Report>(join(dir, 'from-har.json')).page.url).toBe(page);
    // And the live audit's own HAR (--har-out) reads back to the same hits.
    const again = await audit([
      '--har',
      join(dir, 'live.har'),
      '--plan',
      'e2e/site/crawl/plan.json',
      '--out',
      join(dir, 'live-har.json'),
    ]);
    expect(again.code).toBe(0);
    expect(shape(join(dir, 'live-har.json'))).toEqual(want);
  }, 300_000);
});

describe('the audit command, robust', () => {
  it('four audits started at once in one checkout all succeed, and the extension is built once for them', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'tagwatch-build-cache-')); // empty: these audits must build
    const pages = ['/', '/about.html', '/contact.html', '/product/mug.html'];
    const runs = await Promise.all(
      pages.map((p, i) =>
        audit([`${site.origin}${p}`, ...FAST, '--out', join(dir, `together-${i}.json`)], {
          TAGWATCH_BUILD_CACHE: cache,
        }),
      ),
    );
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
    }
    expect(runs.filter((r) => r.stderr.includes('Building the extension')).length).toBe(1);
    pages.forEach((p, i) =>
      expect(readJson<Report>(join(dir, `together-${i}.json`)).page.url).toBe(`${site.origin}${p}`),
    );
    expect(readdirSync(cache).filter((n) => !n.startsWith('.'))).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
  }, 400_000);

  it.each([
    [
      ['--out', 'package.json/report.json'],
      /--out package\.json\/report\.json: .*package\.json is a file, not a folder/,
    ],
    [['--html', '.'], /--html \. is a folder/],
    [['--baseline', 'nowhere.json'], /Baseline nowhere\.json not found/],
    [['--shard', '3/2'], /--shard: this machine's number must be from 1 to 2/],
  ])('refuses %j before any browser starts, with exit code 2', async (extra, message) => {
    const run = await audit([`${site.origin}/`, '--crawl', ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('Building');
  });

  it('names the example plan and journey in --help, and they are valid', async () => {
    const help = await audit(['--help']);
    expect(help.stdout).toContain('examples/plan.json');
    expect(help.stdout).toContain('examples/journey.json');
    expect(parsePlanText(readFileSync('examples/plan.json', 'utf8'))).toMatchObject({ ok: true });
    expect(parseJourneyText(readFileSync('examples/journey.json', 'utf8'))).toMatchObject({ ok: true });
  });
});

describe('the popup’s Export', () => {
  it('downloads the page’s tag requests as HAR 1.2, which the audit command reads back', async () => {
    const ext = await launchExtension(process.env.TAGWATCH_EXTENSION_DIR || undefined);
    try {
      await routeVendors(ext.context);
      const page = await ext.open(`${site.origin}/checkout/thanks.html`);
      const tabId = await ext.tabIdOf(page);
      const popup = await ext.popup(tabId);
      await popup.getByTestId('export-har').waitFor();
      // The purchase hit is stored with its body (a beacon's body may come from the page hooks). What is stored of
      // it is what a failure prints.
      const purchases = async () =>
        (
          await readStore<{ event?: string; body?: string; bodyState?: string; requestKey?: string; partial?: string }>(
            ext,
            'hits',
          )
        )
          .filter((h) => h.event === 'purchase')
          .map((h) => ({
            withBody: h.body?.includes('T-1001') ?? false,
            bodyState: h.bodyState,
            requestKey: h.requestKey,
            partial: h.partial,
          }));
      await expect.poll(purchases).toContainEqual(expect.objectContaining({ withBody: true }));
      await popup.waitForTimeout(500); // the popup's live read of them
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-har').click()]);
      expect(download.suggestedFilename()).toMatch(/^tagwatch-tags-localhost-\d+-\d{8}-\d{4}\.har$/);
      const file = join(dir, 'popup.har');
      await download.saveAs(file);
      const har = readJson<{
        log: {
          version: string;
          entries: Array<{
            request: { url: string; postData?: { text: string } };
            _tagwatch: { hits: Array<{ vendor: string; event?: string }> };
          }>;
        };
      }>(file);
      expect(har.log.version).toBe('1.2');
      const hits = har.log.entries.flatMap((e) => e._tagwatch.hits.map((h) => `${h.vendor} ${h.event}`)).sort();
      expect(hits).toEqual(['ga4 page_view', 'ga4 purchase', 'meta-pixel PageView', 'meta-pixel Purchase']);
      expect(har.log.entries.find((e) => e.request.url.includes('en=purchase'))?.request.postData?.text).toContain(
        'T-1001',
      );
      const back = await audit([
        '--har',
        file,
        '--plan',
        'e2e/site/crawl/plan.json',
        '--out',
        join(dir, 'popup-har.json'),
      ]);
      expect(back.code).toBe(0);
      expect(
        readJson<Report>(join(dir, 'popup-har.json'))
          .hits.map((h) => `${h.vendor} ${h.event}`)
          .sort(),
      ).toEqual(hits);
    } finally {
      await ext.close();
    }
  }, 120_000);
});
