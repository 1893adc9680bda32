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
  status: v.pipe(
    v.picklist(['sent', 'missing', 'blocked', 'failed']),
    v.description('What became of the expected tag for this firing.'),
  ),
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
      element: v.pipe(
        text,
        v.description('A CSS selector of the element, or what fired when there is none: "(scroll_depth: 75)".'),
      ),
      what: v.optional(
        v.pipe(
          text,
          v.description(
            'The element in a marketer\'s words: "the “Subscribe” form", "the “Add to cart” button of Desk lamp".',
          ),
        ),
      ),
      url: text,
      tags: v.pipe(
        v.array(reportTag),
        v.description('One per expected tag; empty when another goal owns the action (`ownedBy`).'),
      ),
      ownedBy: v.optional(
        v.pipe(
          text,
          v.description(
            "The id of the goal that owns the action this firing is part of: the verdict is that goal's, none here.",
          ),
        ),
      ),
      alsoMatched: v.optional(
        v.pipe(
          v.array(text),
          v.description("On the owner's firing: the ids of the other goals that matched the same action."),
        ),
      ),
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
  params: v.pipe(
    v.record(v.string(), v.string()),
    v.description("Decoded parameters, human-named where the vendor's short names are known."),
  ),
  url: text,
  partial: v.optional(
    v.pipe(
      text,
      v.description(
        'Why only part of the hit could be read (body withheld by the browser, cut at 64 KiB, a compressed body cut short or corrupt); absent when it was read whole.',
      ),
    ),
  ),
});

const consentSource = v.pipe(
  v.picklist(['gcm_default', 'gcm_update', 'tcf', 'onetrust', 'cookiebot', 'usercentrics', 'didomi']),
  v.description(
    "Where the page said it: Google Consent Mode's default or update, the IAB TCF API, or a CMP's own state.",
  ),
);
const gcmType = v.pipe(
  v.picklist([
    'ad_storage',
    'analytics_storage',
    'ad_user_data',
    'ad_personalization',
    'functionality_storage',
    'personalization_storage',
    'security_storage',
  ]),
  v.description('A Google Consent Mode consent type, the vocabulary purposes are named in.'),
);
const purposeState = v.picklist(['granted', 'denied']);

/** What a consent finding names: the purpose, in Consent Mode's and the TCF's words, and whose answer decided. */
const consentFacts = {
  purpose: v.optional(gcmType),
  tcfPurpose: v.optional(
    v.pipe(v.number(), v.integer(), v.description('The IAB TCF purpose (1–11) the TC string did not allow.')),
  ),
  tcfVendorId: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.description("The vendor's IAB Global Vendor List id the TC string did not consent to."),
    ),
  ),
  source: v.optional(consentSource),
};

const consentAnswer = v.object({
  at: time,
  source: consentSource,
  kind: v.pipe(
    v.picklist(['default', 'answer']),
    v.description(
      "default: the page's own setting before the visitor chose; answer: the visitor's choice, or the CMP's record of it.",
    ),
  ),
  purposes: v.pipe(v.record(v.string(), purposeState), v.description('Per Consent Mode type, what this source said.')),
  region: v.optional(
    v.pipe(v.array(text), v.description('A region-specific Consent Mode default: the regions it applies to.')),
  ),
  waitForUpdateMs: v.optional(v.pipe(v.number(), v.description("Consent Mode's wait_for_update, in ms."))),
  tcf: v.optional(
    v.object({
      gdprApplies: v.boolean(),
      eventStatus: v.optional(text),
      cmpId: v.optional(v.number()),
      purposeConsents: v.array(v.number()),
      purposeLegitimateInterests: v.array(v.number()),
      vendorConsents: v.array(v.number()),
      vendorLegitimateInterests: v.array(v.number()),
      error: v.optional(v.pipe(text, v.description('Why the TC string could not be read.'))),
    }),
  ),
});

const reportCookie = v.object({
  name: v.pipe(text, v.description('Names only: a cookie value is never recorded.')),
  domain: text,
  vendor: v.optional(vendor),
  purpose: v.optional(gcmType),
  firstSet: time,
  expires: v.optional(v.pipe(time, v.description('Absent for a session cookie.'))),
  via: v.pipe(
    v.picklist(['cookie_store', 'set_cookie']),
    v.description("cookie_store: the browser's cookie store; set_cookie: a tag response's Set-Cookie header."),
  ),
});

/** The fields every finding may carry; each kind adds or narrows some. */
const where = {
  severity,
  message: v.pipe(
    text,
    v.description('Plain words for a marketer; never the personal data itself, never a selector or a pattern.'),
  ),
  todo: v.optional(v.pipe(text, v.description('What to do, in one line.'))),
  detail: v.optional(v.pipe(text, v.description('For the developer: selectors, patterns, windows, what was seen.'))),
  occurrences: v.optional(
    v.pipe(
      count,
      v.description('How many times the problem happened on the page (one finding for all); 1 when absent.'),
    ),
  ),
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
    goalId: v.pipe(text, v.description('The goal that owns the actions (the one with the verdict).')),
    goals: v.optional(
      v.pipe(
        v.array(text),
        v.description('Every goal the actions concern: the owner, then the goals that matched the same action.'),
      ),
    ),
    firingId: text,
    firingIds: v.optional(
      v.pipe(v.array(text), v.description("The owner's firing of every action with the problem, in time order.")),
    ),
    vendor,
    event: v.optional(text),
    at: time,
    element: v.optional(v.pipe(text, v.description('The element of the first action, in words.'))),
    outOf: v.optional(
      v.pipe(
        count,
        v.description('The actions the goal owns on the page: "missing on `occurrences` of `outOf` clicks".'),
      ),
    ),
    reason: v.optional(text),
  }),
  v.object({
    ...where,
    kind: v.literal('duplicate_hit'),
    severity: v.picklist(['warning', 'error']),
    vendor,
    event: text,
    hitId: text,
    duplicateOf: text,
    at: time,
  }),
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
    ...consentFacts,
    kind: v.literal('before_consent'),
    severity: v.picklist(['error', 'warning']),
    rule: v.pipe(
      v.picklist([
        'ad_pixel_denied',
        'ad_pixel_before_answer',
        'purpose_denied',
        'purpose_before_answer',
        'tcf_vendor_denied',
        'google_granted_while_denied',
        'google_granted_before_update',
      ]),
      v.description('Which rule the hits broke (docs/report-format.md, "Consent").'),
    ),
    vendor,
    hitId: text,
    hits: count,
    at: time,
  }),
  v.object({
    ...where,
    ...consentFacts,
    kind: v.literal('cookie_before_consent'),
    severity: v.picklist(['error', 'warning']),
    rule: v.pipe(
      v.picklist(['denied', 'before_answer']),
      v.description('denied: set while its purpose was denied; before_answer: before the page answered.'),
    ),
    vendor,
    cookie: v.pipe(text, v.description("The cookie's name (never its value).")),
    domain: text,
    purpose: gcmType,
    at: v.pipe(time, v.description('When the cookie was first set.')),
  }),
  v.object({
    ...where,
    kind: v.literal('invalid_params'),
    severity: v.literal('warning'),
    vendor,
    event: text,
    hitId: text,
    param: text,
    problems: v.array(text),
    at: time,
  }),
  v.object({
    ...where,
    kind: v.literal('tag_without_goal'),
    severity: v.literal('info'),
    vendor,
    event: text,
    hitId: text,
    hits: count,
    at: time,
  }),
  v.object({
    ...where,
    kind: v.literal('library_without_hits'),
    severity: v.literal('warning'),
    vendor,
    hitId: text,
    sessionId: text,
    at: time,
  }),
  v.object({
    ...where,
    kind: v.literal('funnel_step_untracked'),
    severity: v.literal('error'),
    funnelId: v.pipe(text, v.description('The funnel (its id in the plan) whose step was reached untracked.')),
    goalId: v.pipe(text, v.description('The goal that reached the step.')),
    page: v.pipe(text, v.description('The page (URL) where the step was first reached.')),
    vendor,
    event: v.optional(text),
    missing: v.pipe(
      v.array(v.object({ vendor, event: v.optional(text), status: v.picklist(['missing', 'blocked', 'failed']) })),
      v.description('Every tag the step expects that was never sent during the visit, and what happened instead.'),
    ),
    firingId: text,
    at: time,
  }),
]);

const funnelStep = v.object({
  goal: v.pipe(text, v.description('The goal that reached the step; its first goal when it was not reached.')),
  goals: v.optional(v.pipe(v.array(text), v.description('Every goal that is this step, when the plan lists several.'))),
  name: v.optional(text),
  reached: v.boolean(),
  tracked: v.pipe(
    v.boolean(),
    v.description('Every tag the step expects was sent at least once during the visit (true when it expects none).'),
  ),
  at: v.optional(v.pipe(time, v.description('When the step was first reached.'))),
  page: v.optional(v.pipe(text, v.description('The page (URL) where it was first reached.'))),
  missing: v.optional(
    v.array(v.object({ vendor, event: v.optional(text), status: v.picklist(['missing', 'blocked', 'failed']) })),
  ),
});

export const auditReportSchema = v.object({
  version: v.literal(1),
  generatedAt: time,
  page: v.object({ url: text, title: v.optional(text) }),
  plan: v.object({ name: text }),
  site: v.optional(
    v.pipe(
      v.object({ kinds: v.array(v.picklist(['shop', 'lead_gen', 'content'])), signs: v.array(text) }),
      v.description('What the pages read as (the default plan offers each kind its goals), and what said so.'),
    ),
  ),
  pages: v.pipe(
    v.array(v.object({ url: text, title: v.optional(text), startedAt: time })),
    v.description('Every page (top-level document) the report covers, in order.'),
  ),
  goals: v.array(reportGoal),
  tags: v.array(reportVendor),
  hits: v.array(reportHit),
  findings: v.array(finding),
  consent: v.optional(
    v.pipe(
      v.object({ timeline: v.array(consentAnswer), cookies: v.array(reportCookie) }),
      v.description(
        'What the page said about consent, in time order, and the cookies set during the visit (names only).',
      ),
    ),
  ),
  funnels: v.optional(
    v.pipe(
      v.array(v.object({ id: text, name: text, steps: v.array(funnelStep) })),
      v.description(
        "The plan's funnels over the visit the report covers (its pages, and the tabs they opened): each step reached or not, when, where, and whether its tags were sent.",
      ),
    ),
  ),
  journey: v.optional(
    v.pipe(
      v.object({
        expectedGoals: v.array(v.object({ id: text, fired: v.boolean() })),
        expectedFunnels: v.optional(
          v.pipe(
            v.array(v.object({ id: text, complete: v.boolean() })),
            v.description('Whether each expectFunnel step found its funnel with every step reached and tracked.'),
          ),
        ),
      }),
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
  const reports = Array.isArray(input)
    ? input.map((r, i) => [r, `report[${i}]`] as const)
    : [[input, 'report'] as const];
  const errors = reports.flatMap(([report, at]) => {
    const result = v.safeParse(auditReportSchema, report);
    return result.success ? [] : result.issues.map((issue) => `${pathOf(issue, at)}: ${issue.message}`);
  });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
