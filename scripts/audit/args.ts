import { parseArgs } from 'node:util';
import { isVendorId, VENDOR_IDS, type CustomEndpoint } from '../../lib/tags';
import { parseShard, type Shard } from '../../lib/crawl/shard';

export interface AuditOptions {
  urls: string[];
  plan?: string;
  journey?: string;
  out?: string;
  html?: string;
  concurrency: number;
  browser?: string;
  stubVendors: boolean;
  /** First-party proxies and server-side containers mapped to a vendor (`--endpoint`), as the extension's settings hold them. */
  endpoints: CustomEndpoint[];
  /** How long a page without a journey is given to send its tags, in ms. */
  settleMs: number;
  /** How long one page may take before it is reported as hanging, in ms. */
  timeoutMs: number;
  /** List the goals that did not fire in the table instead of one folded line. */
  allGoals: boolean;
  /** Follow the site's links and sitemap from the URLs given. */
  crawl: boolean;
  /** Pages a crawl audits at most (this machine's share, with --shard). */
  maxPages: number;
  /** Pages of one host loading at once. */
  perHost: number;
  /** More tries for a page that failed transiently. */
  retries: number;
  /** Folder of the crawl's journal: run again with the same folder to resume. */
  state?: string;
  shard?: Shard & { text: string };
  baseline?: string;
  /** A HAR file to audit instead of loading pages. */
  har?: string;
  /** Write the audited pages' tag requests as HAR 1.2. */
  harOut?: string;
  /** Answer each page's consent banner (a known CMP's Accept all / Reject all button) once it loads. */
  consent?: 'accept' | 'reject';
}

export const USAGE = `Usage: npm run audit -- [URL ...] [options]

Audits pages in real Chromium with the Tagwatch extension loaded: which goals of the tracking plan fired,
and which tags they should have sent but did not.

With no URL and no journey, serves the bundled demo shop and audits it with the default plan.

Examples (files in examples/):
  npm run audit -- https://shop.example/ --plan examples/plan.json
  npm run audit -- https://shop.example/ --journey examples/journey.json --stub-vendors
  npm run audit -- https://shop.example/ --crawl --max-pages 200 --out site/report.json --html site/report.html
  npm run audit -- https://shop.example/ --crawl --baseline last-release.json      (exit 1 on a regression)
  npm run audit -- --har capture.har --plan examples/plan.json
  npm run audit:merge -- report-*.json --out merged.json --html merged.html

Options:
  --plan FILE          tracking plan (JSON, version 1: docs/plan-format.md); default: the built-in default plan
  --journey FILE       steps to run in one page (goto, click, fill, submit, play, scroll, wait, expectGoal,
                       expectFunnel, consent: docs/journey-format.md)
  --out FILE           write the JSON report (one report, or a list when several pages were audited:
                       docs/report-format.md)
  --html FILE          write a self-contained HTML report
  --concurrency N      pages audited in parallel (default 2)
  --browser PATH       Chromium or Chrome to use (default /usr/bin/chromium, or $CHROMIUM_PATH)
  --stub-vendors       answer locally, with an empty success, every request Tagwatch reads as a tag hit
                       (first-party collectors and --endpoint hosts included) and every vendor library or
                       configuration request: no test traffic reaches production analytics; hits count as sent
  --endpoint HOST[/PATH]=VENDOR
                       a first-party proxy or server-side container to read as VENDOR's hits (repeatable),
                       e.g. --endpoint metrics.shop.example/collect=ga4
  --settle MS          time each page gets to send its tags without a journey (default 3000)
  --timeout MS         a page that takes longer is reported as hanging (default 30000)
  --all-goals          list the goals that did not fire in the table, not in one folded line
  --consent accept|reject
                       click the consent banner's own Accept all or Reject all button on each page once it
                       loads (OneTrust, Cookiebot, Usercentrics, Didomi, Quantcast, TrustArc, CookieYes,
                       Complianz, Axeptio; other banners: a journey's consent step with a selector). After
                       Reject all, every hit or cookie that needs a refused purpose is an error

Whole sites:
  --crawl              also audit the pages the URLs link to, and those in the site's sitemap (sitemap
                       indexes too): same site only, robots.txt honoured, files and off-site links skipped,
                       each page once (fragments and campaign parameters ignored)
  --max-pages N        audit at most N pages (default 100)
  --per-host N         pages of one host loading at once (default 2)
  --retries N          more tries for a page that timed out or got HTTP 5xx (default 1)
  --state DIR          keep the crawl's progress in DIR; run the same command again to resume it
  --shard i/n          audit only this machine's share (i of n) of the URLs or of the crawl
  --baseline FILE      compare with an earlier --out: exit 1 on a regression (a tracked goal now missing a
                       tag or not firing, a vendor gone from a page, a new error), improvements listed
  --har FILE           audit a HAR file recorded in a browser instead of loading pages
  --har-out FILE       write the audited pages' tag requests as HAR 1.2
  -h, --help           this text

Output: the JSON report is one report per page (a list for several); with several pages, the site roll-up
is written beside it as NAME.site.json (docs/site-report.md).

The table is as wide as the terminal; COLUMNS, or 80, when the output is not a terminal. Long names wrap.

Exit code: 0 no error-level finding · 1 an error-level finding (with --baseline: a regression) · 2 bad usage,
or a URL given that could not be loaded.

File formats (in the Tagwatch repository), each with a JSON Schema to put in "$schema" for editor completion:
  plan      docs/plan-format.md      schemas/plan.v1.json
  journey   docs/journey-format.md   schemas/journey.v1.json
  report    docs/report-format.md    schemas/report.v1.json
  site      docs/site-report.md      (the roll-up beside a list of reports)`;

export class UsageError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got "${raw}".`);
  return n;
}

/** `host[/path]=vendor` → a custom endpoint, or a UsageError that shows the form. */
export function parseEndpoint(raw: string): CustomEndpoint {
  const at = raw.lastIndexOf('=');
  const target = raw.slice(0, at).replace(/^https?:\/\//, '');
  const vendor = raw.slice(at + 1);
  const slash = target.indexOf('/');
  const host = (slash < 0 ? target : target.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '/' : target.slice(slash);
  if (at < 0 || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
    throw new UsageError(
      `--endpoint expects HOST[/PATH]=VENDOR, such as metrics.shop.example/collect=ga4; got "${raw}".`,
    );
  }
  if (!isVendorId(vendor))
    throw new UsageError(`--endpoint ${raw}: unknown vendor "${vendor}" (expected one of ${VENDOR_IDS.join(', ')}).`);
  return { host, path, vendor };
}

/** Parse the command line; a UsageError says what is wrong and what to do. */
export function parseAuditArgs(argv: string[]): AuditOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        plan: { type: 'string' },
        journey: { type: 'string' },
        out: { type: 'string' },
        html: { type: 'string' },
        concurrency: { type: 'string' },
        browser: { type: 'string' },
        'stub-vendors': { type: 'boolean', default: false },
        endpoint: { type: 'string', multiple: true },
        settle: { type: 'string' },
        timeout: { type: 'string' },
        'all-goals': { type: 'boolean', default: false },
        crawl: { type: 'boolean', default: false },
        'max-pages': { type: 'string' },
        'per-host': { type: 'string' },
        retries: { type: 'string' },
        state: { type: 'string' },
        shard: { type: 'string' },
        baseline: { type: 'string' },
        har: { type: 'string' },
        'har-out': { type: 'string' },
        consent: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.replace(/\. To specify.*$/s, '.')} Run \`npm run audit -- --help\` for the options.`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  for (const url of positionals) {
    let ok = false;
    try {
      ok = ['http:', 'https:', 'file:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok)
      throw new UsageError(
        `"${url}" is not a URL. Give full URLs such as https://shop.example/ (with http:// or https://).`,
      );
  }
  const shard = values.shard !== undefined ? parseShard(values.shard) : undefined;
  if (typeof shard === 'string') throw new UsageError(shard);
  if (values.har !== undefined && (positionals.length > 0 || values.crawl || values.journey !== undefined)) {
    throw new UsageError('--har audits a recorded file: give no URL, --crawl or --journey with it.');
  }
  if (values.crawl && positionals.length === 0)
    throw new UsageError('--crawl needs a URL to start from, such as https://shop.example/.');
  if (values.crawl && values.journey !== undefined)
    throw new UsageError(
      '--crawl and --journey do not go together: a journey is one path through the site, a crawl visits every page.',
    );
  if (values.consent !== undefined && values.consent !== 'accept' && values.consent !== 'reject') {
    throw new UsageError(`--consent expects accept or reject, got "${values.consent}".`);
  }
  if (values.consent !== undefined && values.journey !== undefined) {
    throw new UsageError(
      '--consent and --journey do not go together: put a { "consent": "accept" } or { "consent": "reject" } step in the journey where the banner shows.',
    );
  }
  if (values.consent !== undefined && values.har !== undefined)
    throw new UsageError('--consent answers banners on loaded pages: a HAR file has none to answer.');
  if (values.state !== undefined && !values.crawl)
    throw new UsageError("--state keeps a crawl's progress: use it with --crawl.");
  return {
    urls: positionals,
    ...(values.plan !== undefined ? { plan: values.plan } : {}),
    ...(values.journey !== undefined ? { journey: values.journey } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.html !== undefined ? { html: values.html } : {}),
    ...(values.browser !== undefined ? { browser: values.browser } : {}),
    concurrency: positiveInt('concurrency', values.concurrency, 2, 16),
    stubVendors: values['stub-vendors'] ?? false,
    endpoints: (values.endpoint ?? []).map(parseEndpoint),
    settleMs: positiveInt('settle', values.settle, 3_000, 120_000),
    timeoutMs: positiveInt('timeout', values.timeout, 30_000, 600_000),
    allGoals: values['all-goals'] ?? false,
    crawl: values.crawl ?? false,
    maxPages: positiveInt('max-pages', values['max-pages'], 100, 100_000),
    perHost: positiveInt('per-host', values['per-host'], 2, 16),
    retries: positiveInt('retries', values.retries, 1, 5, 0),
    ...(values.state !== undefined ? { state: values.state } : {}),
    ...(shard ? { shard: { ...shard, text: values.shard! } } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values.har !== undefined ? { har: values.har } : {}),
    ...(values['har-out'] !== undefined ? { harOut: values['har-out'] } : {}),
    ...(values.consent === 'accept' || values.consent === 'reject' ? { consent: values.consent } : {}),
  };
}
