import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditTab } from '../../lib/audit/audit-tab';
import { JOURNEY_FORMAT_HINT, parseJourneyText, type Journey } from '../../lib/audit/journey';
import type { AuditReport } from '../../lib/audit/report';
import { reportToHtml } from '../../lib/audit/html-report';
import { reportToText } from '../../lib/audit/text-report';
import { DEFAULT_PLAN } from '../../lib/goals/default-plan';
import { PLAN_FORMAT_HINT, parsePlanText } from '../../lib/goals/schema';
import type { Plan } from '../../lib/goals/types';
import { chromiumPath, EXTENSION_DIR, launchExtension, usePlans, NoBrowserError, routeVendors, serveSite, SITE_DIR, tabRecords, type Extension, type Site } from '../browser';
import { parseAuditArgs, USAGE, UsageError } from './args';
import { runPage, type PageRun } from './run-page';

// `npm run audit`: real Chromium with the built extension — the same capture, the same IndexedDB, the same
// auditTab() the popup uses — driven through pages or a journey, reported as a table, JSON and HTML.

/** The report, plus what the journey's expectGoal steps found (an addition to report format version 1). */
type JourneyReport = AuditReport & { journey?: { expectedGoals: Array<{ id: string; fired: boolean }> } };

const DEMO_JOURNEY = resolve(SITE_DIR, 'shop/journey.json');
const progress = (line: string) => process.stderr.write(`${line}\n`);

class Fatal extends Error {
  constructor(message: string, readonly code: 1 | 2) {
    super(message);
  }
}

function readJson<T>(file: string, what: string, hint: string, parse: (text: string) => { ok: true; value: T } | { ok: false; errors: string[] }): T {
  if (!existsSync(file)) throw new Fatal(`${what} ${file} not found. Check the path.`, 2);
  const result = parse(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Fatal(`${what} ${file} is not valid:\n  ${result.errors.join('\n  ')}\n${hint}`, 2);
  return result.value;
}

function ensureBuilt(): void {
  // Always rebuild: an audit run against a stale build would report on old code.
  progress('Building the extension…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const build = spawnSync(npx, ['wxt', 'build'], { encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Fatal(`Building the extension failed:\n${build.stdout}\n${build.stderr}`, 2);
  }
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

export async function main(argv: string[]): Promise<number> {
  const opts = parseAuditArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  const demo = opts.urls.length === 0 && !opts.journey;
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

  chromiumPath(opts.browser); // no browser: say so before the build
  ensureBuilt();
  let site: Site | undefined;
  let ext: Extension | undefined;
  try {
    if (demo) {
      site = await serveSite();
      progress(`No URL given: auditing the bundled demo shop (${site.origin}/shop/) with the default plan.`);
    }
    ext = await launchExtension(EXTENSION_DIR, opts.browser);
    if (opts.stubVendors || demo) await routeVendors(ext.context, { endpoints: opts.endpoints });
    await usePlans(ext, [plan]);
    if (opts.endpoints.length > 0) await ext.inExtension((endpoints) => chrome.storage.local.set({ settings: { endpoints } }), opts.endpoints);

    // Targets: the journey once (its own goto steps), or once per URL given (relative gotos resolved against
    // it; a journey that does not start with a goto starts at the URL), or each URL simply loaded.
    const startsAtGoto = journey?.[0] !== undefined && 'goto' in journey[0];
    const targets: Array<{ name: string; base?: string; steps: Journey }> = journey
      ? opts.urls.length > 0
        ? opts.urls.map((url) => ({ name: url, base: url, steps: startsAtGoto ? journey : [{ goto: url }, ...journey] }))
        : [{ name: journeyFile!, ...(site ? { base: site.origin } : {}), steps: journey }]
      : opts.urls.map((url) => ({ name: url, base: url, steps: [{ goto: url }] }));

    const running = ext;
    const goalFired = async (tabId: number, goalId: string) =>
      (await tabRecords(running, tabId)).firings.some((f) => f.goalId === goalId);
    let done = 0;
    const runs: PageRun[] = await pool(targets, opts.concurrency, async (target) => {
      progress(`→ ${target.name}`);
      const run = await runPage(running, target.name, target.steps, {
        settleMs: opts.settleMs, timeoutMs: opts.timeoutMs, goalFired, ...(target.base ? { base: target.base } : {}),
      });
      done++;
      progress(`${run.ok ? '✓' : '✗'} [${done}/${targets.length}] ${target.name}${run.ok ? '' : ` — ${run.error}`}`);
      return run;
    });

    const reports: JourneyReport[] = [];
    for (const run of runs) {
      if (!run.ok) continue;
      const records = await tabRecords(running, run.tabId);
      const { report } = auditTab([plan], records, { generatedAt: Date.now(), page: { url: run.url, ...(run.title ? { title: run.title } : {}) } });
      const expected = targets.find((t) => t.name === run.target)?.steps.flatMap((st) => ('expectGoal' in st ? [st.expectGoal] : [])) ?? [];
      reports.push(expected.length > 0 ? { ...report, journey: { expectedGoals: expected.map((id) => ({ id, fired: !run.missingGoals.includes(id) })) } } : report);
    }

    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    if (reports.length > 0) console.log(reportToText(reports, { color, width: process.stdout.columns ?? 100 }));
    const failedPages = runs.filter((r): r is Extract<PageRun, { ok: false }> => !r.ok);
    for (const f of failedPages) console.log(`Could not audit ${f.target}: ${f.error}`);

    if (opts.out) {
      writeFileSync(opts.out, `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
      progress(`JSON report written to ${opts.out}`);
    }
    if (opts.html) {
      writeFileSync(opts.html, reportToHtml(reports, { generatedAt: Date.now() }));
      progress(`HTML report written to ${opts.html}`);
    }
    const unmet = reports.flatMap((r) => r.journey?.expectedGoals.filter((g) => !g.fired).map((g) => g.id) ?? []);
    for (const id of unmet) console.log(`The journey expected goal "${id}" to fire, and it did not: check its trigger against the page.`);
    if (failedPages.length > 0) return 2;
    return unmet.length > 0 || reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } finally {
    await ext?.close();
    await site?.close();
  }
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
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
