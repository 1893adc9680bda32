import * as v from 'valibot';

// The audit journey (docs/journey-format.md): steps run in order in one browser page. A file is the list of
// steps, or `{ "$schema": "…", "steps": [ … ] }` so that editors can complete it. The valibot schemas below are
// the one source: parseJourney validates with them, schemas/journey.v1.json is generated from them.

export type JourneyStep =
  | { goto: string }
  | { fill: string; value: string }
  | { click: string }
  | { submit: string }
  | { play: string }
  | { scroll: number }
  | { wait: number }
  | { expectGoal: string }
  | { expectFunnel: string }
  | { consent: 'accept' | 'reject'; selector?: string };

export type Journey = JourneyStep[];

export const JOURNEY_FORMAT = { doc: 'docs/journey-format.md', schema: 'schemas/journey.v1.json' } as const;
export const JOURNEY_FORMAT_HINT = `The journey format: ${JOURNEY_FORMAT.doc}, JSON Schema ${JOURNEY_FORMAT.schema} (in the Tagwatch repository).`;

type Issue = v.BaseIssue<unknown>;

const nonEmpty = (what: string) => v.pipe(v.string(`expected ${what}`), v.nonEmpty(`expected ${what}`));
const selector = (doc: string) => v.pipe(nonEmpty('a CSS selector'), v.description(doc));
const range = (what: string, max: number, doc: string) =>
  v.pipe(
    v.number(`expected ${what} from 0 to ${max}`),
    v.minValue(0, `expected ${what} from 0 to ${max}`),
    v.maxValue(max, `expected ${what} from 0 to ${max}`),
    v.description(doc),
  );

/** One schema per step kind, keyed by the step's one key (its kind). */
const STEP_SCHEMAS = {
  goto: {
    goto: v.pipe(
      nonEmpty('a URL'),
      v.description('Load a URL; a relative one resolves against the URL given to the audit command.'),
    ),
  },
  fill: {
    fill: selector('Type into the field this CSS selector finds.'),
    value: v.pipe(v.string('a "fill" step needs the text to type, as a string'), v.description('The text to type.')),
  },
  click: { click: selector('Click the element this CSS selector finds.') },
  submit: { submit: selector('Submit the form this CSS selector finds.') },
  play: { play: selector('Play the video or audio element this CSS selector finds.') },
  scroll: { scroll: range('a percent', 100, 'Scroll to this percent of the page height.') },
  wait: { wait: range('milliseconds', 120_000, 'Wait this many milliseconds.') },
  expectGoal: {
    expectGoal: v.pipe(
      nonEmpty('a goal id'),
      v.description('Fail the audit (exit 1) unless this goal of the plan has fired by now.'),
    ),
  },
  expectFunnel: {
    expectFunnel: v.pipe(
      nonEmpty('a funnel id'),
      v.description(
        "Fail the audit (exit 1) unless every step of this funnel of the plan was reached and tracked by the journey's end (the journey's pages and the tabs they opened).",
      ),
    ),
  },
  consent: {
    consent: v.pipe(
      v.picklist(['accept', 'reject'], 'expected "accept" or "reject"'),
      v.description(
        "Answer the page's consent banner: click its own Accept all / Reject all button (OneTrust, Cookiebot, Usercentrics, Didomi, Quantcast, TrustArc, CookieYes, Complianz and Axeptio are known).",
      ),
    ),
    selector: v.optional(selector('The button to click, for a banner Tagwatch does not know.')),
  },
} as const satisfies Record<string, v.ObjectEntries>;

type Kind = keyof typeof STEP_SCHEMAS;
const KINDS = Object.keys(STEP_SCHEMAS) as Kind[];

const stepSchema = <K extends Kind>(kind: K) =>
  v.strictObject(STEP_SCHEMAS[kind], (issue: Issue) =>
    issue.expected === 'never'
      ? `unexpected key ${JSON.stringify(issue.input)} in a "${kind}" step`
      : (STEP_MISSING[kind] ?? 'missing'),
  );
const STEP_MISSING: Partial<Record<Kind, string>> = { fill: 'a "fill" step needs the text to type, as a string' };

const STEPS = Object.fromEntries(KINDS.map((kind) => [kind, stepSchema(kind)])) as {
  [K in Kind]: ReturnType<typeof stepSchema<K>>;
};
const anyStep = v.union(KINDS.map((kind) => STEPS[kind]));
const stepList = v.pipe(
  v.array(anyStep),
  v.minLength(1),
  v.description('The steps, run in order in one browser page.'),
);

/** A journey file as the JSON Schema describes it: the list, or the list under "steps" beside "$schema". */
export const journeySchemaForJson = v.union([
  stepList,
  v.strictObject({ $schema: v.optional(v.string()), steps: stepList }),
]);

export type JourneyResult = { ok: true; journey: Journey } | { ok: false; errors: string[] };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function pathOf(at: string, issue: Issue): string {
  // An unknown key is reported on the step itself: `journey[0]: unexpected key "timeout" in a "click" step`.
  const keys = (issue.path ?? []).map((p) => String(p.key));
  if (issue.expected === 'never') keys.pop();
  return [at, ...keys].join('.');
}

function step(raw: unknown, at: string, errors: string[]): JourneyStep | undefined {
  if (!isRecord(raw)) {
    errors.push(`${at}: expected an object such as { "click": "#subscribe" }`);
    return undefined;
  }
  // The step's kind is its one known key: dispatch on it, so errors speak of that kind of step.
  const keys = Object.keys(raw);
  const kinds = keys.filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  if (kinds.length !== 1) {
    const unknown = keys.filter((k) => k !== 'value' && k !== 'selector');
    errors.push(
      kinds.length === 0
        ? `${at}: unknown step ${unknown.map((k) => `"${k}"`).join(', ') || '{}'} (expected one of ${KINDS.join(', ')})`
        : `${at}: one step per object, found ${kinds.join(' and ')}`,
    );
    return undefined;
  }
  const result = v.safeParse(STEPS[kinds[0]!], raw);
  if (result.success) return result.output;
  for (const issue of result.issues) errors.push(`${pathOf(at, issue)}: ${issue.message}`);
  return undefined;
}

/** Validate a journey; every error names the step (`journey[3].click: expected a CSS selector`). */
export function parseJourney(input: unknown): JourneyResult {
  let list: unknown = input;
  let at = 'journey';
  if (isRecord(input) && 'steps' in input) {
    const extra = Object.keys(input).filter((k) => k !== 'steps' && k !== '$schema');
    if (extra.length > 0)
      return {
        ok: false,
        errors: [
          `journey: unexpected key ${extra.map((k) => `"${k}"`).join(', ')} (a journey file holds "steps" and, for editors, "$schema")`,
        ],
      };
    if ('$schema' in input && typeof input.$schema !== 'string')
      return {
        ok: false,
        errors: ['journey.$schema: expected the path or URL of the JSON Schema, like "../schemas/journey.v1.json"'],
      };
    list = input.steps;
    at = 'journey.steps';
  }
  if (!Array.isArray(list)) {
    return {
      ok: false,
      errors: [
        `${at}: expected a JSON list of steps, such as [{ "goto": "https://shop.example/" }], or { "steps": [ … ] }`,
      ],
    };
  }
  const errors: string[] = [];
  const steps = list.map((raw, i) => step(raw, `${at}[${i}]`, errors));
  if (list.length === 0) errors.push(`${at}: the list is empty; add at least one step`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, journey: steps as Journey };
}

export function parseJourneyText(text: string): JourneyResult {
  try {
    return parseJourney(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  } catch (error) {
    return { ok: false, errors: [`journey: not valid JSON (${(error as Error).message})`] };
  }
}

/** Relative `goto` URLs are resolved against the first URL given (or the demo site). */
export function resolveGoto(step: { goto: string }, base: string | undefined): string {
  try {
    return new URL(step.goto, base).href;
  } catch {
    return step.goto;
  }
}
