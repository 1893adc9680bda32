import { parseArgs } from 'node:util';

export interface AuditOptions {
  urls: string[];
  plan?: string;
  journey?: string;
  out?: string;
  html?: string;
  concurrency: number;
  browser?: string;
  stubVendors: boolean;
  /** How long a page without a journey is given to send its tags, in ms. */
  settleMs: number;
  /** How long one page may take before it is reported as hanging, in ms. */
  timeoutMs: number;
}

export const USAGE = `Usage: npm run audit -- [URL ...] [options]

Audits pages in real Chromium with the Tagwatch extension loaded: which goals of the tracking plan fired,
and which tags they should have sent but did not.

With no URL and no journey, serves the bundled demo shop and audits it with the default plan.

Options:
  --plan FILE          tracking plan (JSON, version 1: docs/plan-format.md); default: the built-in default plan
  --journey FILE       steps to run in one page (goto, click, fill, submit, play, scroll, wait, expectGoal:
                       docs/journey-format.md)
  --out FILE           write the JSON report (one report, or a list when several pages were audited:
                       docs/report-format.md)
  --html FILE          write a self-contained HTML report
  --concurrency N      pages audited in parallel (default 2)
  --browser PATH       Chromium or Chrome to use (default /usr/bin/chromium, or $CHROMIUM_PATH)
  --stub-vendors       answer known vendor endpoints locally with an empty success (no test traffic in
                       production analytics); the hits still count as sent
  --settle MS          time each page gets to send its tags without a journey (default 3000)
  --timeout MS         a page that takes longer is reported as hanging (default 30000)
  -h, --help           this text

Exit code: 0 no error-level finding · 1 an error-level finding · 2 bad usage or a page that could not load.

File formats (in the Tagwatch repository), each with a JSON Schema to put in "$schema" for editor completion:
  plan      docs/plan-format.md      schemas/plan.v1.json
  journey   docs/journey-format.md   schemas/journey.v1.json
  report    docs/report-format.md    schemas/report.v1.json`;

export class UsageError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} expects a whole number from 1 to ${max}, got "${raw}".`);
  return n;
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
        settle: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')} Run \`npm run audit -- --help\` for the options.`);
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
    if (!ok) throw new UsageError(`"${url}" is not a URL. Give full URLs such as https://shop.example/ (with http:// or https://).`);
  }
  return {
    urls: positionals,
    ...(values.plan !== undefined ? { plan: values.plan } : {}),
    ...(values.journey !== undefined ? { journey: values.journey } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.html !== undefined ? { html: values.html } : {}),
    ...(values.browser !== undefined ? { browser: values.browser } : {}),
    concurrency: positiveInt('concurrency', values.concurrency, 2, 16),
    stubVendors: values['stub-vendors'] ?? false,
    settleMs: positiveInt('settle', values.settle, 3_000, 120_000),
    timeoutMs: positiveInt('timeout', values.timeout, 30_000, 600_000),
  };
}
