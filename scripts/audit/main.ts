import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditTab, type TabRecords } from '../../lib/audit/audit-tab';
import { baselineLines, compareWithBaseline } from '../../lib/audit/baseline';
import { tagRequestsToHar } from '../../lib/audit/har-export';
import { HarError, harRecords, parseHar } from '../../lib/audit/har-import';
import { JOURNEY_FORMAT_HINT, parseJourneyText, type Journey } from '../../lib/audit/journey';
import type { AuditReport } from '../../lib/audit/report';
import { reportToHtml } from '../../lib/audit/html-report';
import { pageKey, pageReportsOf, rollUp, type SiteFailure, type SiteSkip } from '../../lib/audit/site';
import { siteToText } from '../../lib/audit/site-text';
import { DEFAULT_WIDTH, reportToText, summaryLine } from '../../lib/audit/text-report';
import { decodeRequest } from '../../lib/tags';
import { DEFAULT_PLAN } from '../../lib/goals/default-plan';
import { PLAN_FORMAT_HINT, parsePlanText } from '../../lib/goals/schema';
import type { Plan } from '../../lib/goals/types';
import {
  chromiumPath,
  launchExtension,
  usePlans,
  NoBrowserError,
  routeVendors,
  serveSite,
  SITE_DIR,
  visitRecords,
  type Extension,
  type Site,
} from '../browser';
import { parseAuditArgs, USAGE, UsageError, type AuditOptions } from './args';
import { BuildError, cachedExtension } from './build-cache';
import { handleInterrupts, isInterrupted, onInterrupt } from './cleanup';
import { OutputError, prepareOutput, siteFileFor } from './outputs';
import { runPage } from './run-page';

// `npm run audit`: real Chromium with the built extension — the same capture, the same IndexedDB, the same
// auditTab() the popup uses — driven through pages or a journey, reported as a table, JSON and HTML.

/** The report, plus what the journey's expectGoal steps found (an addition to report format version 1). */
type JourneyReport = AuditReport & {
  journey?: {
    expectedGoals: Array<{ id: string; fired: boolean }>;
    expectedFunnels?: Array<{ id: string; complete: boolean }>;
  };
};

const DEMO_JOURNEY = resolve(SITE_DIR, 'shop/journey.json');
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** The terminal's width; `COLUMNS`, or 80, when the output is not a terminal (a pipe, a CI log). */
function terminalWidth(): number {
  const columns = Number(process.env.COLUMNS);
  return process.stdout.columns ?? (Number.isInteger(columns) && columns > 0 ? columns : DEFAULT_WIDTH);
}
const progress = (line: string) => process.stderr.write(`${line}\n`);

class Fatal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

function readJson<T>(
  file: string,
  what: string,
  hint: string,
  parse: (text: string) => { ok: true; value: T } | { ok: false; errors: string[] },
): T {
  if (!existsSync(file)) throw new Fatal(`${what} ${file} not found. Check the path.`, 2);
  const result = parse(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Fatal(`${what} ${file} is not valid:\n  ${result.errors.join('\n  ')}\n${hint}`, 2);
  return result.value;
}

async function pool<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

/** What an audit found, however its pages were had: journeys, URLs, a crawl, a HAR file. */
interface Outcome {
  reports: JourneyReport[];
  /** What the extension recorded for each page audited in this run (for --har-out). */
  records: TabRecords[];
  failed: SiteFailure[];
  skipped: SiteSkip[];
  /** A URL the user gave could not be audited: exit 2. */
  givenFailed: boolean;
  unmet: string[];
  /** What each expectFunnel step found wanting: one line per funnel not reached and tracked in full. */
  unmetFunnels: string[];
}

type Audit = (records: TabRecords, page: { url: string; title?: string }, visit?: boolean) => AuditReport;

async function runJourneys(
  ext: Extension,
  journey: Journey,
  journeyFile: string,
  opts: AuditOptions,
  site: Site | undefined,
  audit: Audit,
): Promise<Outcome> {
  // The journey once (its own goto steps), or once per URL given (relative gotos resolved against it; a journey
  // that does not start with a goto starts at the URL).
  const startsAtGoto = journey[0] !== undefined && 'goto' in journey[0];
  const targets: Array<{ name: string; base?: string; steps: Journey }> =
    opts.urls.length > 0
      ? opts.urls.map((url) => ({ name: url, base: url, steps: startsAtGoto ? journey : [{ goto: url }, ...journey] }))
      : [{ name: journeyFile, ...(site ? { base: site.origin } : {}), steps: journey }];
  // The journey's visit: its tab and the tabs it opened (a click on a target=_blank link goes on there).
  const goalFired = async (tabId: number, goalId: string) =>
    (await visitRecords(ext, tabId)).firings.some((f) => f.goalId === goalId);
  let done = 0;
  const out: Outcome = {
    reports: [],
    records: [],
    failed: [],
    skipped: [],
    givenFailed: false,
    unmet: [],
    unmetFunnels: [],
  };
  await pool(targets, opts.concurrency, async (target) => {
    progress(`→ ${target.name}`);
    const run = await runPage(ext, target.name, target.steps, {
      settleMs: opts.settleMs,
      timeoutMs: opts.timeoutMs,
      goalFired,
      ...(target.base ? { base: target.base } : {}),
    });
    done++;
    progress(`${run.ok ? '✓' : '✗'} [${done}/${targets.length}] ${target.name}${run.ok ? '' : ` — ${run.error}`}`);
    if (!run.ok) {
      out.failed.push({ url: target.name, error: run.error });
      out.givenFailed = true;
      return;
    }
    try {
      const records = await visitRecords(ext, run.tabId);
      const report = audit(records, { url: run.url, ...(run.title ? { title: run.title } : {}) }, true);
      const expected = target.steps.flatMap((st) => ('expectGoal' in st ? [st.expectGoal] : []));
      const funnels = target.steps.flatMap((st) => ('expectFunnel' in st ? [st.expectFunnel] : []));
      const judged = funnels.map((id) => ({ id, shortfall: funnelShortfall(report, id) }));
      out.records.push(records);
      out.reports.push(
        expected.length > 0 || funnels.length > 0
          ? {
              ...report,
              journey: {
                expectedGoals: expected.map((id) => ({ id, fired: !run.missingGoals.includes(id) })),
                ...(funnels.length > 0
                  ? { expectedFunnels: judged.map((j) => ({ id: j.id, complete: j.shortfall === undefined })) }
                  : {}),
              },
            }
          : report,
      );
      out.unmet.push(...run.missingGoals.filter((id) => expected.includes(id)));
      for (const j of judged) if (j.shortfall) out.unmetFunnels.push(j.shortfall);
    } finally {
      for (const p of run.opened) await p.close().catch(() => undefined);
      await run.page.close().catch(() => undefined);
    }
  });
  return out;
}

async function runPages(ext: Extension, opts: AuditOptions, audit: Audit): Promise<Outcome> {
  // Crawlee loads in a second or two: only when pages are loaded, not for --help or a HAR file.
  const { crawlSite } = await import('./crawl');
  const result = await crawlSite(ext, {
    seeds: opts.urls,
    crawl: opts.crawl,
    maxPages: opts.crawl ? opts.maxPages : Math.max(opts.maxPages, opts.urls.length),
    concurrency: opts.concurrency,
    perHost: opts.perHost,
    retries: opts.retries,
    settleMs: opts.settleMs,
    timeoutMs: opts.timeoutMs,
    ...(opts.shard ? { shard: opts.shard, shardText: opts.shard.text } : {}),
    // Per-page steps after the load: answering the consent banner (--consent).
    pageSteps: opts.consent ? [{ consent: opts.consent }] : [],
    ...(opts.state ? { stateDir: opts.state } : {}),
    audit,
    progress,
  });
  if (result.leftOver > 0)
    progress(`--max-pages ${opts.maxPages} reached: ${result.leftOver} more pages were found and not audited.`);
  if (result.offSite > 0)
    progress(
      `${result.offSite} ${result.offSite === 1 ? 'link to another site was' : 'links to other sites were'} not followed.`,
    );
  const given = new Set(opts.urls.map(pageKey));
  const reports = [...result.resumed, ...result.pages.map((p) => p.report)].sort((a, b) =>
    pageKey(a.page.url) < pageKey(b.page.url) ? -1 : 1,
  );
  return {
    reports,
    records: result.pages.map((p) => p.records),
    failed: result.failed,
    skipped: result.skipped,
    givenFailed: result.failed.some((f) => given.has(pageKey(f.url))),
    unmet: [],
    unmetFunnels: [],
  };
}

function runHar(file: string, audit: Audit): Outcome {
  if (!existsSync(file)) throw new Fatal(`HAR file ${file} not found. Check the path.`, 2);
  let har: ReturnType<typeof parseHar>;
  try {
    har = parseHar(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof HarError) throw new Fatal(error.message, 2);
    throw error;
  }
  const pages = harRecords(har, (req) => decodeRequest(req));
  progress(
    `${file}: ${har.log.entries.length} requests on ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}. ` +
      'A HAR has no page signals: goals are not reconciled, only what the hits themselves show.',
  );
  return {
    reports: pages.map((p) => audit(p.records, p.page)),
    records: pages.map((p) => p.records),
    failed: [],
    skipped: [],
    givenFailed: false,
    unmet: [],
    unmetFunnels: [],
  };
}

/**
 * Why funnel `id` falls short in the report (a line for the terminal), or undefined when every step was reached
 * and tracked.
 */
function funnelShortfall(report: AuditReport, id: string): string | undefined {
  const funnel = report.funnels?.find((f) => f.id === id);
  if (!funnel) return `The journey expected funnel "${id}" to be walked, and none of its steps was reached.`;
  const unreached = funnel.steps.filter((s) => !s.reached).map((s) => s.name ?? s.goal);
  const untracked = funnel.steps
    .filter((s) => s.reached && !s.tracked)
    .map(
      (s) =>
        `${s.name ?? s.goal} (${(s.missing ?? []).map((m) => `${m.vendor} ${m.event ?? ''}`.trim()).join(', ')} not sent)`,
    );
  if (unreached.length === 0 && untracked.length === 0) return undefined;
  return (
    `The journey expected funnel "${id}" (${funnel.name}) to be reached and tracked at every step: ` +
    [
      ...(unreached.length ? [`not reached: ${unreached.join(', ')}`] : []),
      ...(untracked.length ? [`reached but not tracked: ${untracked.join(', ')}`] : []),
    ].join('; ') +
    '.'
  );
}

function readBaseline(file: string): AuditReport[] {
  if (!existsSync(file)) throw new Fatal(`Baseline ${file} not found. Give the --out file of an earlier audit.`, 2);
  try {
    return pageReportsOf(JSON.parse(readFileSync(file, 'utf8')), file);
  } catch (error) {
    throw new Fatal(
      error instanceof SyntaxError
        ? `Baseline ${file} is not JSON (${error.message}). Give the --out file of an earlier audit.`
        : (error as Error).message,
      2,
    );
  }
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseAuditArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  // Everything that can be refused is refused before a browser starts.
  try {
    if (opts.out) prepareOutput(opts.out, '--out');
    if (opts.html) prepareOutput(opts.html, '--html');
    if (opts.harOut) prepareOutput(opts.harOut, '--har-out');
  } catch (error) {
    if (error instanceof OutputError) throw new Fatal(error.message, 2);
    throw error;
  }
  const demo = opts.urls.length === 0 && !opts.journey && !opts.har;
  const plan: Plan = opts.plan
    ? readJson(opts.plan, 'Plan', PLAN_FORMAT_HINT, (t) => {
        const r = parsePlanText(t);
        return r.ok ? { ok: true, value: r.plan } : r;
      })
    : DEFAULT_PLAN;
  const journeyFile = opts.journey ?? (demo ? DEMO_JOURNEY : undefined);
  const journey: Journey | undefined = journeyFile
    ? readJson(journeyFile, 'Journey', JOURNEY_FORMAT_HINT, (t) => {
        const r = parseJourneyText(t);
        return r.ok ? { ok: true, value: r.journey } : r;
      })
    : undefined;
  if (journey) {
    const known = (plan.funnels ?? []).map((f) => f.id);
    const unknown = journey.flatMap((st, i) =>
      'expectFunnel' in st && !known.includes(st.expectFunnel)
        ? [
            `journey[${i}].expectFunnel: the plan has no funnel "${st.expectFunnel}" (${known.length > 0 ? `its funnels: ${known.join(', ')}` : 'it has no funnels'}); add it under "funnels" in the plan (docs/plan-format.md)`,
          ]
        : [],
    );
    if (unknown.length > 0) throw new Fatal(`Journey ${journeyFile} is not valid:\n  ${unknown.join('\n  ')}`, 2);
  }
  const baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
  // A journey's records are a visit: its funnels are judged. A page loaded on its own (a URL, a crawl) is not one.
  const audit: Audit = (records, page, visit = false) =>
    auditTab([plan], records, { generatedAt: Date.now(), page, funnels: visit }).report;

  let outcome: Outcome;
  if (opts.har) outcome = runHar(opts.har, audit);
  else {
    chromiumPath(opts.browser); // no browser: say so before the build
    let extensionDir: string;
    try {
      extensionDir = await cachedExtension(process.cwd(), progress);
    } catch (error) {
      if (error instanceof BuildError) throw new Fatal(error.message, 2);
      throw error;
    }
    let site: Site | undefined;
    let ext: Extension | undefined;
    const forget = onInterrupt(async () => {
      if (opts.state)
        progress(`The crawl's progress is kept in ${opts.state}: run the same command again to resume it.`);
      await ext?.close();
      await site?.close();
    });
    try {
      if (demo) {
        site = await serveSite();
        progress(`No URL given: auditing the bundled demo shop (${site.origin}/shop/) with the default plan.`);
      }
      ext = await launchExtension(extensionDir, opts.browser);
      if (opts.stubVendors || demo) await routeVendors(ext.context, { endpoints: opts.endpoints });
      await usePlans(ext, [plan]);
      if (opts.endpoints.length > 0)
        await ext.inExtension((endpoints) => chrome.storage.local.set({ settings: { endpoints } }), opts.endpoints);
      outcome = journey
        ? await runJourneys(ext, journey, journeyFile!, opts, site, audit)
        : await runPages(ext, opts, audit);
    } finally {
      forget();
      await ext?.close();
      await site?.close();
    }
  }
  return report(outcome, opts, baseline);
}

function report(outcome: Outcome, opts: AuditOptions, baseline: AuditReport[] | undefined): number {
  const { reports, failed } = outcome;
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const width = terminalWidth();
  const many = reports.length + failed.length > 1 || opts.crawl;
  const site = many ? rollUp(reports, { generatedAt: Date.now(), failed, skipped: outcome.skipped }) : undefined;
  // Page by page for a few pages; a site is read through its roll-up.
  const pageByPage = reports.length > 0 && reports.length <= 10 && !opts.crawl;
  if (site) console.log(`${siteToText(site, { width })}\n`);
  // The last line is the one a CI log is read for: the summary.
  if (pageByPage) console.log(reportToText(reports, { color, width, allGoals: opts.allGoals }));
  else console.log(summaryLine(reports));
  for (const f of failed) console.log(`Could not audit ${f.url}: ${f.error}`);

  if (opts.out) {
    // One report for one page, a list for several: as it always was.
    writeFileSync(opts.out, `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
    progress(`JSON report written to ${opts.out}`);
    if (site) {
      writeFileSync(siteFileFor(opts.out), `${JSON.stringify(site, null, 2)}\n`);
      progress(`Site roll-up written to ${siteFileFor(opts.out)}`);
    }
  }
  if (opts.html) {
    writeFileSync(
      opts.html,
      reportToHtml(reports, {
        generatedAt: Date.now(),
        ...(site ? { site } : {}),
        ...(reports.length > 50 ? { pageSections: 'with-problems' as const } : {}),
      }),
    );
    progress(`HTML report written to ${opts.html}`);
  }
  if (opts.harOut) {
    const har = tagRequestsToHar({
      sessions: outcome.records.flatMap((r) => r.sessions),
      hits: outcome.records.flatMap((r) => r.hits),
      creator: { name: 'Tagwatch', version: VERSION },
    });
    writeFileSync(opts.harOut, `${JSON.stringify(har, null, 2)}\n`);
    progress(`Tag requests written to ${opts.harOut} (HAR 1.2, ${har.log.entries.length} requests)`);
  }
  for (const id of outcome.unmet)
    console.log(`The journey expected goal "${id}" to fire, and it did not: check its trigger against the page.`);
  for (const line of outcome.unmetFunnels) console.log(line);
  let regressions = 0;
  if (baseline && opts.baseline) {
    const diff = compareWithBaseline(baseline, reports, failed);
    console.log(`\n${baselineLines(diff, opts.baseline).join('\n')}`);
    regressions = diff.regressions.length;
  }
  if (outcome.givenFailed) return 2;
  if (outcome.unmet.length > 0 || outcome.unmetFunnels.length > 0) return 1;
  // With a baseline the gate is what got worse; without, any error-level finding.
  if (baseline) return regressions > 0 ? 1 : 0;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  handleInterrupts(progress);
  main(process.argv.slice(2)).then(
    (code) => {
      if (!isInterrupted()) process.exit(code); // else the signal handler exits, once the browser is closed
    },
    (error: unknown) => {
      if (isInterrupted()) return;
      if (error instanceof UsageError || error instanceof NoBrowserError) {
        console.error(error.message);
        process.exit(2);
      }
      if (error instanceof Fatal) {
        console.error(error.message);
        process.exit(error.code);
      }
      console.error(error);
      process.exit(2);
    },
  );
}
