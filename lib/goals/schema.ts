import * as v from 'valibot';
import { VENDOR_IDS } from '../tags/vendors';
import { findJsonError } from './json-error';
import { SITE_KINDS, type Funnel, type Goal, type GoalCategory, type Plan, type TriggerKind } from './types';
import { regexParts } from './url-pattern';

// The tracking plan's schema (`version: 1`, docs/plan-format.md). Used by the options page, the background worker
// and the audit command; the content script receives plans already parsed and must not import this file
// (valibot stays out of it). Every error names its path and says what would be accepted:
// `goals[2].trigger.kind: unknown kind "sumbit"…`. schemas/plan.v1.json is generated from it (`npm run schemas`).

/** Where users read the format; said with every refusal. */
export const PLAN_FORMAT = { doc: 'docs/plan-format.md', schema: 'schemas/plan.v1.json' } as const;
export const PLAN_FORMAT_HINT = `The plan format: ${PLAN_FORMAT.doc}, JSON Schema ${PLAN_FORMAT.schema} (in the Tagwatch repository).`;

export type ParseResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

export interface ParseOptions {
  /**
   * Checks CSS selectors where a DOM is at hand (the options page):
   * `(s) => { try { document.createDocumentFragment().querySelector(s); return true; } catch { return false; } }`.
   * Without it selectors are only checked to be non-empty; the matchers treat an invalid one as matching nothing.
   */
  isValidSelector?: (selector: string) => boolean;
}

export const TRIGGER_KINDS: readonly TriggerKind[] = [
  'form_submit',
  'click',
  'video',
  'datalayer_event',
  'page_view',
  'scroll_depth',
  'download',
  'outbound_click',
  'site_search',
  'element_visible',
  'time_on_page',
];
const CATEGORIES: readonly GoalCategory[] = ['engagement', 'navigation', 'interaction', 'trust', 'macro'];
const VIDEO_ACTIONS = ['play', 'progress', 'complete'] as const;
const MAX_WINDOW_MS = 600_000;
const MAX_ERRORS = 50;

// Names people reach for, and what the plan calls them.
const KIND_ALIASES: Readonly<Record<string, TriggerKind>> = {
  submit: 'form_submit',
  form: 'form_submit',
  pageview: 'page_view',
  page: 'page_view',
  scroll: 'scroll_depth',
  visible: 'element_visible',
  time: 'time_on_page',
  datalayer: 'datalayer_event',
  event: 'datalayer_event',
  custom_event: 'datalayer_event',
  search: 'site_search',
  outbound: 'outbound_click',
  file_download: 'download',
};
const VENDOR_ALIASES: Readonly<Record<string, string>> = {
  facebook: 'meta-pixel',
  fb: 'meta-pixel',
  meta: 'meta-pixel',
  'facebook-pixel': 'meta-pixel',
  'google-analytics': 'ga4',
  ga: 'ga4',
  analytics: 'ga4',
  ua: 'universal-analytics',
  'tag-manager': 'gtm',
  adwords: 'google-ads',
  gads: 'google-ads',
  twitter: 'x',
  bing: 'microsoft-uet',
  uet: 'microsoft-uet',
  'campaign-manager': 'floodlight',
  dv360: 'floodlight',
  'linkedin-insight': 'linkedin',
};

// ——— messages ———

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Optimal string alignment distance (a transposition counts one): `hasFeild` is one step from `hasField`. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** ` — did you mean "x"?` when `input` is an alias or a near miss of one of `options`. */
function didYouMean(
  input: unknown,
  options: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string {
  if (typeof input !== 'string' || input.length > 40) return '';
  const s = squash(input);
  let best: string | undefined;
  let bestDistance = 3;
  const candidates: [string, string][] = [...options.map((o): [string, string] => [o, o]), ...Object.entries(aliases)];
  for (const [name, target] of candidates) {
    const n = distance(s, squash(name));
    if (n < bestDistance) {
      best = target;
      bestDistance = n;
    }
  }
  return best !== undefined && best !== input ? ` — did you mean "${best}"?` : '';
}

function oneOf(
  what: string,
  input: unknown,
  options: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): string {
  return `unknown ${what} ${show(input)} (expected one of ${options.join(', ')})${didYouMean(input, options, aliases)}`;
}

type Issue = v.BaseIssue<unknown>;

function lastKey(issue: Issue): string {
  const key = issue.path?.[issue.path.length - 1]?.key;
  return typeof key === 'string' ? key : String(key);
}

/**
 * A strict object: an unknown key is an error (a typo like `hasFeild` would otherwise be silently ignored).
 * `missing` says what to write for each required key left out; `like` shows the expected shape.
 */
function strict<const E extends v.ObjectEntries>(
  entries: E,
  what: string,
  like: string,
  missing: Readonly<Record<string, string>> = {},
) {
  // `$schema` is for editors: allowed, but not what a person means to write when a key is mistyped.
  const allowed = Object.keys(entries).filter((key) => !key.startsWith('$'));
  return v.strictObject(entries, (issue: Issue) => {
    if (issue.expected === 'never') {
      return `unknown key ${what ? `for ${what} ` : ''}(allowed: ${allowed.join(', ')})${didYouMean(issue.input, allowed)}`;
    }
    if (issue.expected === 'Object')
      return `expected an object like ${like}${issue.input === undefined ? '' : ` (got ${show(issue.input)})`}`;
    return missing[lastKey(issue)] ?? 'missing';
  });
}

const text = (what: string) =>
  v.pipe(
    v.string((i: Issue) => `expected ${what} (got ${show(i.input)})`),
    v.trim(),
    v.nonEmpty(`expected ${what}, not an empty string`),
  );

function regexProblem(source: string, flags = ''): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return message.slice(message.lastIndexOf(': ') + 1).trim();
  }
}

const urlPattern = v.pipe(
  text('a URL pattern (a glob like "*/checkout*" or a /regex/)'),
  v.check(
    (p) => {
      const r = regexParts(p);
      return !r || regexProblem(r.source, r.flags) === undefined;
    },
    (i: Issue) => {
      const r = regexParts(String(i.input));
      return `invalid regex ${String(i.input)} (${r ? regexProblem(r.source, r.flags) : ''}); fix it, or write a glob like "*/checkout*"`;
    },
  ),
);

const scopeList = v.pipe(
  v.array(
    urlPattern,
    (i: Issue) =>
      `expected a list of URL patterns or origins like ["https://shop.example", "*/checkout*"] (got ${show(i.input)})`,
  ),
  v.nonEmpty('expected at least one URL pattern; remove "scope" to apply everywhere'),
);

const percent = v.pipe(
  v.number((i: Issue) => `expected a number from 1 to 100 (got ${show(i.input)})`),
  v.minValue(1, (i: Issue) => `expected a number from 1 to 100 (got ${show(i.input)})`),
  v.maxValue(100, (i: Issue) => `expected a number from 1 to 100 (got ${show(i.input)})`),
);

const scalar = v.pipe(
  v.union([v.string(), v.number(), v.boolean()]),
  v.transform((x): string => String(x)),
);

const paramRule = v.union(
  [
    scalar,
    v.strictObject({ exists: v.boolean() }),
    v.strictObject({
      regex: v.pipe(
        v.string(),
        v.check(
          (s) => regexProblem(s) === undefined,
          (i: Issue) => `invalid regex ${show(i.input)} (${regexProblem(String(i.input)) ?? ''})`,
        ),
      ),
    }),
    v.strictObject({ equals: scalar }),
  ],
  (i: Issue) =>
    `expected a value ("EUR"), {"exists": true}, {"regex": "^T-"} or {"equals": "…"} (got ${show(i.input)})`,
);

/** A goal's `params`. valibot's record takes a list too; a list here is a mistake ("params": ["value"]). */
const paramRules = v.record(v.string(), paramRule);
const notAList = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  (i: Issue) =>
    `expected an object of parameter rules like {"currency": "EUR", "value": {"exists": true}} (got ${show(i.input)})`,
);
const params = v.pipe(notAList, paramRules);
/** For the JSON Schema generator, which stops at the custom check: `params` is the record of rules. */
export const PARAMS_FOR_JSON_SCHEMA: ReadonlyMap<unknown, v.GenericSchema> = new Map([[notAList, paramRules]]);

const vendor = v.picklist(VENDOR_IDS, (i: Issue) => oneOf('vendor', i.input, VENDOR_IDS, VENDOR_ALIASES));

const expectedTag = strict(
  {
    vendor,
    event: v.optional(text('an event name')),
    account: v.optional(text('an account id (G-XXXX, a pixel id…)')),
    params: v.optional(params),
  },
  '',
  '{"vendor": "ga4", "event": "sign_up"}',
  { vendor: `missing — name the vendor (one of ${VENDOR_IDS.join(', ')})` },
);

function lowerList(what: string, like: string, clean: (s: string) => string) {
  return v.pipe(
    v.array(text(what), (i: Issue) => `expected a list like ${like} (got ${show(i.input)})`),
    v.nonEmpty(`expected at least one entry; remove the key to use the default`),
    v.transform((list: string[]) => [...new Set(list.map(clean))]),
  );
}

function triggerSchema(isValidSelector: (s: string) => boolean) {
  const selector = v.pipe(
    text('a CSS selector'),
    v.check(isValidSelector, (i: Issue) => `invalid CSS selector ${show(i.input)}`),
  );
  return v.pipe(
    v.variant(
      'kind',
      [
        strict(
          {
            kind: v.literal('form_submit'),
            selector: v.optional(selector),
            hasField: v.optional(text('a field kind (email, tel, password) or a field name')),
          },
          'form_submit',
          '{"kind": "form_submit", "hasField": "email"}',
        ),
        strict(
          {
            kind: v.literal('click'),
            selector: v.optional(selector),
            text: v.optional(text('the text of the button or link')),
          },
          'click',
          '{"kind": "click", "selector": "…"}',
        ),
        strict(
          {
            kind: v.literal('video'),
            action: v.picklist(VIDEO_ACTIONS, (i: Issue) => oneOf('action', i.input, VIDEO_ACTIONS)),
            percent: v.optional(percent),
            selector: v.optional(selector),
          },
          'video',
          '{"kind": "video", "action": "play"}',
          { action: `video needs "action" (one of ${VIDEO_ACTIONS.join(', ')})` },
        ),
        strict(
          { kind: v.literal('datalayer_event'), event: text('the dataLayer event name') },
          'datalayer_event',
          '{"kind": "datalayer_event", "event": "add_to_cart"}',
          {
            event: 'datalayer_event needs "event" (the event name pushed to the dataLayer, e.g. "add_to_cart")',
          },
        ),
        strict(
          { kind: v.literal('page_view'), url: urlPattern },
          'page_view',
          '{"kind": "page_view", "url": "*/thank-you*"}',
          {
            url: 'page_view needs "url" (a glob like "*/thank-you*" or a /regex/)',
          },
        ),
        strict(
          { kind: v.literal('scroll_depth'), percent },
          'scroll_depth',
          '{"kind": "scroll_depth", "percent": 75}',
          {
            percent: 'scroll_depth needs "percent" (1 to 100)',
          },
        ),
        strict(
          {
            kind: v.literal('download'),
            extensions: v.optional(
              lowerList('a file extension', '["pdf", "zip"]', (s) => s.replace(/^\.+/, '').toLowerCase()),
            ),
          },
          'download',
          '{"kind": "download"}',
        ),
        strict(
          {
            kind: v.literal('outbound_click'),
            hosts: v.optional(
              // Written as URLs or wildcards by some: keep the host (`*.x.com` and `x.com` both cover subdomains).
              lowerList('a host name', '["partner.example"]', (s) =>
                s
                  .toLowerCase()
                  .replace(/^[a-z][a-z\d+.-]*:\/\//, '')
                  .replace(/[/:?#].*$/, '')
                  .replace(/^\*\./, ''),
              ),
            ),
          },
          'outbound_click',
          '{"kind": "outbound_click"}',
        ),
        strict(
          {
            kind: v.literal('site_search'),
            param: v.optional(text('a query parameter name (or several, comma-separated)')),
          },
          'site_search',
          '{"kind": "site_search", "param": "q"}',
        ),
        strict(
          { kind: v.literal('element_visible'), selector },
          'element_visible',
          '{"kind": "element_visible", "selector": "#reviews"}',
          {
            selector: 'element_visible needs "selector" (the element to watch, e.g. "#reviews")',
          },
        ),
        strict(
          {
            kind: v.literal('time_on_page'),
            seconds: v.pipe(
              v.number((i: Issue) => `expected a number of seconds greater than 0 (got ${show(i.input)})`),
              v.gtValue(0, (i: Issue) => `expected a number of seconds greater than 0 (got ${show(i.input)})`),
            ),
          },
          'time_on_page',
          '{"kind": "time_on_page", "seconds": 30}',
          { seconds: 'time_on_page needs "seconds" (greater than 0)' },
        ),
      ],
      (i: Issue) =>
        i.expected === 'Object'
          ? `expected an object like {"kind": "click", "selector": ".cta"} (got ${show(i.input)})`
          : i.input === undefined
            ? `missing — name the kind (one of ${TRIGGER_KINDS.join(', ')})`
            : oneOf('kind', i.input, TRIGGER_KINDS, KIND_ALIASES),
    ),
    v.check(
      (t) => t.kind !== 'click' || t.selector !== undefined || t.text !== undefined,
      'click needs "selector" or "text"',
    ),
    v.check(
      (t) => t.kind !== 'video' || t.percent === undefined || t.action === 'progress',
      '"percent" only applies to video "action": "progress"',
    ),
  );
}

function goalSchema(isValidSelector: (s: string) => boolean) {
  return v.pipe(
    strict(
      {
        id: v.pipe(
          text('a goal id like "newsletter_signup"'),
          v.maxLength(100, 'expected an id of at most 100 characters'),
        ),
        name: v.optional(text('a name for people')),
        category: v.optional(v.picklist(CATEGORIES, (i: Issue) => oneOf('category', i.input, CATEGORIES))),
        trigger: triggerSchema(isValidSelector),
        expect: v.optional(
          v.array(
            expectedTag,
            (i: Issue) => `expected a list of tags like [{"vendor": "ga4", "event": "sign_up"}] (got ${show(i.input)})`,
          ),
        ),
        windowMs: v.optional(
          v.pipe(
            v.number(
              (i: Issue) => `expected a number of milliseconds from 0 to ${MAX_WINDOW_MS} (got ${show(i.input)})`,
            ),
            v.minValue(
              0,
              (i: Issue) => `expected a number of milliseconds from 0 to ${MAX_WINDOW_MS} (got ${show(i.input)})`,
            ),
            v.maxValue(
              MAX_WINDOW_MS,
              (i: Issue) => `expected a number of milliseconds from 0 to ${MAX_WINDOW_MS} (got ${show(i.input)})`,
            ),
          ),
        ),
        scope: v.optional(scopeList),
        siteKinds: v.optional(
          v.pipe(
            v.array(
              v.picklist(SITE_KINDS, (i: Issue) => oneOf('site kind', i.input, SITE_KINDS)),
              (i: Issue) => `expected a list of site kinds like ["shop"] (got ${show(i.input)})`,
            ),
            v.transform((list) => [...new Set(list)]),
          ),
        ),
      },
      '',
      '{"id": "newsletter_signup", "trigger": {…}, "expect": […]}',
      {
        id: 'missing — every goal needs a unique "id"',
        trigger: 'missing — what makes the goal happen, e.g. {"kind": "form_submit", "hasField": "email"}',
      },
    ),
    // A goal without a name is shown by its id. The annotations make the compiler check that what the
    // schema outputs is a Goal / a Plan.
    v.transform(({ id, name, ...rest }): Goal => ({ id, name: name ?? id, ...rest })),
  );
}

const goalRef = v.pipe(
  text('a goal id like "add_to_cart"'),
  v.maxLength(100, 'expected a goal id of at most 100 characters'),
);

/** A step: one goal id, or a list of the goal ids that are the same step (any of them reaches it). */
const funnelStep = v.union(
  [
    goalRef,
    v.pipe(
      v.array(goalRef),
      v.nonEmpty(
        'expected at least one goal id in the list; a step is a goal id, or a list of goals that are the same step',
      ),
    ),
  ],
  (i: Issue) =>
    `expected a goal id like "add_to_cart", or a list of goals that are the same step like ["add_to_cart", "add_to_cart_form"] (got ${show(i.input)})`,
);

const funnelSchema = v.pipe(
  strict(
    {
      id: v.pipe(text('a funnel id like "checkout"'), v.maxLength(100, 'expected an id of at most 100 characters')),
      name: v.optional(text('a name for people')),
      steps: v.pipe(
        v.array(
          funnelStep,
          (i: Issue) =>
            `expected a list of steps like ["product_view", "add_to_cart", "purchase"] (got ${show(i.input)})`,
        ),
        v.minLength(2, 'expected at least two steps: a funnel is the path from one goal to another'),
      ),
    },
    '',
    '{"id": "checkout", "name": "Checkout", "steps": ["product_view", "add_to_cart", "purchase"]}',
    {
      id: 'missing — every funnel needs a unique "id" (journeys name it in "expectFunnel")',
      steps: 'missing — the goal ids of the funnel, in order: "steps": ["product_view", "add_to_cart", "purchase"]',
    },
  ),
  v.transform(({ id, name, steps }): Funnel => ({ id, name: name ?? id, steps })),
);

function planSchema(isValidSelector: (s: string) => boolean): v.GenericSchema<unknown, Plan> {
  return v.pipe(
    strict(
      {
        // Lets editors offer completion: "$schema": "./schemas/plan.v1.json" (or wherever the file is).
        $schema: v.optional(
          v.string(
            (i: Issue) =>
              `expected the path or URL of the JSON Schema, like "../schemas/plan.v1.json" (got ${show(i.input)})`,
          ),
        ),
        version: v.literal(1, 'expected 1'),
        name: v.optional(text('a plan name')),
        goals: v.array(goalSchema(isValidSelector), (i: Issue) => `expected a list of goals (got ${show(i.input)})`),
        scope: v.optional(scopeList),
        funnels: v.optional(
          v.array(
            funnelSchema,
            (i: Issue) =>
              `expected a list of funnels like [{"id": "checkout", "steps": ["add_to_cart", "purchase"]}] (got ${show(i.input)})`,
          ),
        ),
      },
      '',
      '{"version": 1, "name": "…", "goals": […]}',
      { version: 'expected 1', goals: 'missing — add "goals": [ … ], the list of goals' },
    ),
    v.transform(
      ({ $schema: _, version, name, ...rest }): Plan => ({ version, name: name ?? 'Untitled plan', ...rest }),
    ),
  );
}

const anySelector = (): boolean => true;
let defaultSchema: v.GenericSchema<unknown, Plan> | undefined;

/** The plan's schema without a DOM to check selectors: what schemas/plan.v1.json is generated from. */
export const planSchemaForJson = (): v.GenericSchema<unknown, Plan> => (defaultSchema ??= planSchema(anySelector));

function pathOf(issue: Issue): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || 'plan';
}

function duplicateIds(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || !('goals' in input) || !Array.isArray(input.goals)) return [];
  const seen = new Map<string, number>();
  const errors: string[] = [];
  input.goals.forEach((goal: unknown, index) => {
    if (typeof goal !== 'object' || goal === null || !('id' in goal) || typeof goal.id !== 'string') return;
    const id = goal.id.trim();
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else errors.push(`goals[${index}].id: duplicate id "${id}" (goals[${first}] has it too; ids must be unique)`);
  });
  return errors;
}

/** The trimmed string ids of a list of objects (`goals`, `funnels`) as written; undefined where there is none. */
function idsOf(list: unknown): Array<string | undefined> {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string'
      ? item.id.trim()
      : undefined,
  );
}

/**
 * What the schema of one funnel cannot see: its steps must name goals of this plan (a funnel is checked with the
 * plan's own goals, the audit command's `--plan` included), each goal once, and funnel ids must be unique.
 */
function funnelErrors(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || !('funnels' in input) || !Array.isArray(input.funnels)) return [];
  const goals = idsOf('goals' in input ? input.goals : undefined).filter((id): id is string => !!id);
  const known = new Set(goals);
  const errors: string[] = [];
  const seenFunnels = new Map<string, number>();
  const funnelIds = idsOf(input.funnels);
  input.funnels.forEach((funnel: unknown, f) => {
    const id = funnelIds[f];
    if (id) {
      const first = seenFunnels.get(id);
      if (first === undefined) seenFunnels.set(id, f);
      else errors.push(`funnels[${f}].id: duplicate id "${id}" (funnels[${first}] has it too; ids must be unique)`);
    }
    if (typeof funnel !== 'object' || funnel === null || !('steps' in funnel) || !Array.isArray(funnel.steps)) return;
    const seen = new Map<string, string>();
    funnel.steps.forEach((step: unknown, s) => {
      const refs: Array<[string, unknown]> = Array.isArray(step)
        ? step.map((g: unknown, k): [string, unknown] => [`[${s}][${k}]`, g])
        : [[`[${s}]`, step]];
      for (const [at, raw] of refs) {
        if (typeof raw !== 'string' || raw.trim() === '') continue; // the schema names those
        const goal = raw.trim();
        const path = `funnels[${f}].steps${at}`;
        if (!known.has(goal)) {
          const list =
            goals.length === 0
              ? 'the plan has no goals yet'
              : `the plan's goals: ${goals.slice(0, 12).join(', ')}${goals.length > 12 ? ', …' : ''}`;
          errors.push(`${path}: unknown goal ${show(goal)} (${list})${didYouMean(goal, goals)}`);
          continue;
        }
        const before = seen.get(goal);
        if (before !== undefined)
          errors.push(`${path}: goal "${goal}" is already in this funnel (steps${before}); each goal is one step`);
        else seen.set(goal, at);
      }
    });
  });
  return errors;
}

/** Where an error is in the file, so errors read in its order: the plan's keys, its goals, then its funnels. */
function goalIndex(error: string): number {
  const m = /^goals\[(\d+)\]/.exec(error);
  if (m) return Number(m[1]);
  const f = /^funnels(?:\[(\d+)\])?/.exec(error);
  return f ? 1_000_000 + Number(f[1] ?? 0) : -1;
}

/** Validate and normalise a tracking plan (trimmed strings, default names, lower-case extensions and hosts). */
export function parsePlan(input: unknown, options: ParseOptions = {}): ParseResult {
  if (Array.isArray(input))
    return {
      ok: false,
      errors: ['plan: expected an object like {"version": 1, "goals": […]}, not a list (put the goals in "goals")'],
    };
  const schema = options.isValidSelector ? planSchema(options.isValidSelector) : planSchemaForJson();
  const result = v.safeParse(schema, input);
  const errors = [
    ...(result.issues ?? []).map((i) => `${pathOf(i)}: ${i.message}`),
    ...duplicateIds(input),
    ...funnelErrors(input),
  ];
  if (result.success && errors.length === 0) return { ok: true, plan: result.output };
  errors.sort((a, b) => goalIndex(a) - goalIndex(b));
  if (errors.length > MAX_ERRORS)
    errors.splice(MAX_ERRORS, errors.length, `… and ${errors.length - MAX_ERRORS} more errors`);
  return { ok: false, errors };
}

/** Parse the JSON text of a plan (an imported file, the editor's content), then validate it. */
export function parsePlanText(text: string, options: ParseOptions = {}): ParseResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '')
    return {
      ok: false,
      errors: ['plan: the text is empty; paste a plan like {"version": 1, "name": "…", "goals": […]}'],
    };
  let input: unknown;
  try {
    input = JSON.parse(clean);
  } catch (e) {
    const where = findJsonError(clean);
    const message = where
      ? `JSON syntax error at line ${where.line}, column ${where.column}: ${where.message}`
      : `JSON syntax error: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, errors: [message] };
  }
  return parsePlan(input, options);
}
