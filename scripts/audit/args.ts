import { parseArgs } from 'node:util';
import { isVendorId, VENDOR_IDS, type CustomEndpoint } from '../../lib/tags';

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
  --stub-vendors       answer locally, with an empty success, every request Tagwatch reads as a tag hit
                       (first-party collectors and --endpoint hosts included) and every vendor library or
                       configuration request: no test traffic reaches production analytics; hits count as sent
  --endpoint HOST[/PATH]=VENDOR
                       a first-party proxy or server-side container to read as VENDOR's hits (repeatable),
                       e.g. --endpoint metrics.shop.example/collect=ga4
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

/** `host[/path]=vendor` → a custom endpoint, or a UsageError that shows the form. */
export function parseEndpoint(raw: string): CustomEndpoint {
  const at = raw.lastIndexOf('=');
  const target = raw.slice(0, at).replace(/^https?:\/\//, '');
  const vendor = raw.slice(at + 1);
  const slash = target.indexOf('/');
  const host = (slash < 0 ? target : target.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '/' : target.slice(slash);
  if (at < 0 || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
    throw new UsageError(`--endpoint expects HOST[/PATH]=VENDOR, such as metrics.shop.example/collect=ga4; got "${raw}".`);
  }
  if (!isVendorId(vendor)) throw new UsageError(`--endpoint ${raw}: unknown vendor "${vendor}" (expected one of ${VENDOR_IDS.join(', ')}).`);
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
    endpoints: (values.endpoint ?? []).map(parseEndpoint),
    settleMs: positiveInt('settle', values.settle, 3_000, 120_000),
    timeoutMs: positiveInt('timeout', values.timeout, 30_000, 600_000),
  };
}
