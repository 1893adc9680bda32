import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportToHtml } from '../../lib/audit/html-report';
import type { AuditReport } from '../../lib/audit/report';
import {
  pageKey,
  pageReportsOf,
  rollUp,
  SITE_FORMAT,
  type SiteFailure,
  type SiteRollup,
  type SiteSkip,
} from '../../lib/audit/site';
import { siteToText } from '../../lib/audit/site-text';
import { summaryLine } from '../../lib/audit/text-report';
import { OutputError, prepareOutput, siteFileFor } from './outputs';

// `npm run audit:merge -- report-*.json`: the page reports of several machines (`--shard i/n`) as one audit —
// one list of page reports and one site roll-up, as if a single machine had audited every page. Roll-ups
// given among the files (NAME.site.json) contribute the pages that could not be audited or were skipped.

export const MERGE_USAGE = `Usage: npm run audit:merge -- REPORT.json ... [--out merged.json] [--html merged.html]

Merges the JSON reports of several audits (the machines of a sharded audit: --shard i/n) into one: the page
reports, and the site roll-up over all of them. Give the --out files; their .site.json files may be given too
(a shell glob such as report-*.json matches both).`;

class MergeError extends Error {}

function isSite(json: unknown): json is SiteRollup {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === SITE_FORMAT;
}

export function main(argv: string[]): number {
  const options = { out: { type: 'string' }, html: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof options }>
  >;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new MergeError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')}\n${MERGE_USAGE}`);
  }
  if (parsed.values.help) {
    console.log(MERGE_USAGE);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new MergeError(`Give the reports to merge.\n${MERGE_USAGE}`);
  try {
    if (parsed.values.out) prepareOutput(parsed.values.out, '--out');
    if (parsed.values.html) prepareOutput(parsed.values.html, '--html');
  } catch (error) {
    if (error instanceof OutputError) throw new MergeError(error.message);
    throw error;
  }
  // A page audited by two machines (a shard run twice) counts once: the latest report wins.
  const byPage = new Map<string, AuditReport>();
  const failed = new Map<string, SiteFailure>();
  const skipped = new Map<string, SiteSkip>();
  for (const file of files) {
    if (!existsSync(file)) throw new MergeError(`${file} not found. Check the path.`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new MergeError(`${file} is not JSON (${(error as Error).message}). Give the --out files of the audits.`);
    }
    if (isSite(json)) {
      for (const f of json.failed ?? []) failed.set(pageKey(f.url), f);
      for (const s of json.skipped ?? []) skipped.set(pageKey(s.url), s);
      continue;
    }
    let reports: AuditReport[];
    try {
      reports = pageReportsOf(json, file);
    } catch (error) {
      throw new MergeError((error as Error).message);
    }
    for (const r of reports) {
      const key = pageKey(r.page.url);
      const had = byPage.get(key);
      if (!had || had.generatedAt <= r.generatedAt) byPage.set(key, r);
    }
  }
  for (const key of byPage.keys()) failed.delete(key); // audited by another machine after all
  const reports = [...byPage.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, r]) => r);
  const site = rollUp(reports, {
    generatedAt: Date.now(),
    failed: [...failed.values()],
    skipped: [...skipped.values()],
  });
  console.log(`${siteToText(site, { width: process.stdout.columns ?? 100 })}\n\n${summaryLine(reports)}`);
  const { out, html } = parsed.values;
  if (out) {
    writeFileSync(out, `${JSON.stringify(reports, null, 2)}\n`);
    writeFileSync(siteFileFor(out), `${JSON.stringify(site, null, 2)}\n`);
    process.stderr.write(
      `Merged ${reports.length} page reports from ${files.length} files into ${out} (roll-up: ${siteFileFor(out)})\n`,
    );
  }
  if (html) {
    writeFileSync(
      html,
      reportToHtml(reports, {
        generatedAt: Date.now(),
        site,
        ...(reports.length > 50 ? { pageSections: 'with-problems' as const } : {}),
      }),
    );
    process.stderr.write(`HTML report written to ${html}\n`);
  }
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof MergeError ? error.message : error);
    process.exit(2);
  }
}
