import * as v from 'valibot';

// The audit report's schema (`version: 1`, docs/report-format.md): what lib/audit/report.ts writes, as readers
// may rely on it. schemas/report.v1.json is generated from it (`npm run schemas`). Objects are open: fields may
// be added to version 1 (old readers ignore them), so an unknown key is not an error; none may be renamed.
// report-schema.test.ts checks that AuditReport fits this schema, and that built reports validate.

export const REPORT_FORMAT = { doc: 'docs/report-format.md', schema: 'schemas/report.v1.json' } as const;

const text = v.string();
const time = v.pipe(v.number(), v.description('Milliseconds since 1970-01-01 UTC (Date.now()).'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const vendor = v.pipe(v.string(), v.description('The vendor slug: ga4, meta-pixel, linkedin, … (README, "Vendors").'));
const severity = v.picklist(['error', 'warning', 'info']);

const paramRule = v.union([
  v.string(),
  v.object({ exists: v.boolean() }),
  v.object({ regex: v.string() }),
  v.object({ equals: v.string() }),
]);

const expectedTag = v.object({
  vendor,
  event: v.optional(text),
  account: v.optional(text),
  params: v.optional(v.record(v.string(), paramRule)),
});

const reportTag = v.object({
  vendor,
  event: v.optional(text),
  status: v.pipe(v.picklist(['sent', 'missing', 'blocked', 'failed']), v.description('What became of the expected tag for this firing.')),
  hitId: v.optional(v.pipe(text, v.description('The hit that matched, in `hits`.'))),
  reason: v.optional(v.pipe(text, v.description('Why it was not sent, in plain words.'))),
});

const reportGoal = v.object({
  id: text,
  name: text,
  fired: count,
  expect: v.pipe(v.array(expectedTag), v.description("What the plan expects of every firing (the plan's `expect`).")),
  firings: v.array(
    v.object({
      id: text,
      at: time,
      element: v.pipe(text, v.description('A CSS selector of the element, or what fired when there is none: "(scroll_depth: 75)".')),
      url: text,
      tags: v.array(reportTag),
    }),
  ),
});

const reportVendor = v.object({
  vendor,
  accounts: v.array(text),
  hits: v.pipe(count, v.description('Every hit of the vendor, library loads included.')),
  blocked: count,
  failed: count,
  events: v.pipe(v.record(v.string(), count), v.description('Hits per event name.')),
});

const reportHit = v.object({
  id: text,
  at: time,
  vendor,
  event: v.optional(text),
  account: v.optional(text),
  status: v.picklist(['pending', 'sent', 'failed', 'blocked']),
  statusCode: v.optional(v.number()),
  error: v.optional(v.pipe(text, v.description("Why it was blocked or failed, in the browser's words."))),
  params: v.pipe(v.record(v.string(), v.string()), v.description("Decoded parameters, human-named where the vendor's short names are known.")),
  url: text,
});

/** The fields every finding may carry; each kind adds or narrows some. */
const where = {
  severity,
  message: v.pipe(text, v.description('Plain words for a marketer; never the personal data itself.')),
  at: v.optional(time),
  goalId: v.optional(text),
  hitId: v.optional(text),
  firingId: v.optional(text),
  vendor: v.optional(vendor),
  param: v.optional(text),
};

const finding = v.variant('kind', [
  v.object({
    ...where,
    kind: v.literal('missing_tag'),
    severity: v.literal('error'),
    status: v.picklist(['missing', 'blocked', 'failed']),
    goalId: text,
    firingId: text,
    vendor,
    event: v.optional(text),
    at: time,
    reason: v.optional(text),
  }),
  v.object({ ...where, kind: v.literal('duplicate_hit'), severity: v.picklist(['warning', 'error']), vendor, event: text, hitId: text, duplicateOf: text, at: time }),
  v.object({
    ...where,
    kind: v.literal('pii_in_hit'),
    severity: v.literal('error'),
    vendor,
    hitId: text,
    pii: v.picklist(['email', 'phone', 'personal_field']),
    encoding: v.picklist(['raw', 'url-encoded', 'base64']),
    location: v.picklist(['param', 'url']),
    hits: count,
    at: time,
  }),
  v.object({
    ...where,
    kind: v.literal('before_consent'),
    severity: v.picklist(['error', 'warning']),
    rule: v.picklist(['ad_pixel_denied', 'ad_pixel_before_answer', 'google_granted_while_denied', 'google_granted_before_update']),
    vendor,
    hitId: text,
    hits: count,
    at: time,
  }),
  v.object({ ...where, kind: v.literal('invalid_params'), severity: v.literal('warning'), vendor, event: text, hitId: text, param: text, problems: v.array(text), at: time }),
  v.object({ ...where, kind: v.literal('tag_without_goal'), severity: v.literal('info'), vendor, event: text, hitId: text, hits: count, at: time }),
  v.object({ ...where, kind: v.literal('library_without_hits'), severity: v.literal('warning'), vendor, hitId: text, sessionId: text, at: time }),
]);

export const auditReportSchema = v.object({
    version: v.literal(1),
    generatedAt: time,
    page: v.object({ url: text, title: v.optional(text) }),
    plan: v.object({ name: text }),
    pages: v.pipe(v.array(v.object({ url: text, title: v.optional(text), startedAt: time })), v.description('Every page (top-level document) the report covers, in order.')),
    goals: v.array(reportGoal),
    tags: v.array(reportVendor),
    hits: v.array(reportHit),
    findings: v.array(finding),
    journey: v.optional(
      v.pipe(
        v.object({ expectedGoals: v.array(v.object({ id: text, fired: v.boolean() })) }),
        v.description("The audit command's journey: whether each expectGoal step's goal fired."),
      ),
    ),
});

/** A report file: one report, or the list the audit command writes when it audited several pages. */
export const reportFileSchemaForJson = v.union([auditReportSchema, v.array(auditReportSchema)]);

export type ReportCheck = { ok: true } | { ok: false; errors: string[] };

function pathOf(issue: v.BaseIssue<unknown>, at: string): string {
  let out = at;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

/** Check a parsed report file (one report or a list) against the schema; errors name their path. */
export function checkReportFile(input: unknown): ReportCheck {
  // One report at a time: a failed union would only say "expected an object or a list".
  const reports = Array.isArray(input) ? input.map((r, i) => [r, `report[${i}]`] as const) : [[input, 'report'] as const];
  const errors = reports.flatMap(([report, at]) => {
    const result = v.safeParse(auditReportSchema, report);
    return result.success ? [] : result.issues.map((issue) => `${pathOf(issue, at)}: ${issue.message}`);
  });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
