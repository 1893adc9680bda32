import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseJourney } from '../lib/audit/journey';
import { buildReport } from '../lib/audit/report';
import { checkReportFile } from '../lib/audit/report-schema';
import { findings } from '../lib/audit/findings';
import { reconcile } from '../lib/audit/reconcile';
import { firing, hit, newsletter, purchase, T0 } from '../lib/audit/testing';
import { DEFAULT_PLAN } from '../lib/goals/default-plan';
import { parsePlan } from '../lib/goals/schema';
import type { Plan } from '../lib/goals/types';
import { PRESETS } from '../lib/plans/presets';
import { jsonSchemas, SCHEMAS_DIR } from './schemas';

// The JSON Schemas in schemas/ are generated from the valibot schemas (`npm run schemas`): this fails when a
// committed one is stale. Every example file in the repository validates against its schema — with a JSON
// Schema validator, as a user's editor or CI would, and with Tagwatch's own parser.

const generated = jsonSchemas();

it.each(Object.keys(generated))('schemas/%s is up to date (else run npm run schemas)', (file) => {
  expect(readFileSync(join(SCHEMAS_DIR, file), 'utf8')).toBe(generated[file]);
});

it('schemas/ holds only the generated schemas', () => {
  expect(readdirSync(SCHEMAS_DIR).sort()).toEqual(Object.keys(generated).sort());
});

const ajv = new Ajv({ allErrors: true, strict: false });
const validator = (file: string): ValidateFunction => ajv.compile(JSON.parse(generated[file]!) as object);
const schemaOf = {
  plan: validator('plan.v1.json'),
  journey: validator('journey.v1.json'),
  report: validator('report.v1.json'),
};
const errorsOf = (validate: ValidateFunction, data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Which format a file in the repository is an example of. */
const EXAMPLES: Array<[string, 'plan' | 'journey' | 'report']> = [
  ['examples/plan.json', 'plan'],
  ['examples/journey.json', 'journey'],
  ['examples/report.json', 'report'],
  ['e2e/site/shop/plan.json', 'plan'],
  ['e2e/site/shop/journey.json', 'journey'],
  ['e2e/site/crawl/plan.json', 'plan'],
  ['e2e/site/funnel/plan.json', 'plan'],
  ['e2e/site/funnel/journey.json', 'journey'],
];

it('lists every JSON file of examples/ and e2e/site/ that is a plan, journey or report', () => {
  const jsonFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
    );
  expect([...jsonFiles('examples'), ...jsonFiles('e2e/site')].sort()).toEqual(EXAMPLES.map(([f]) => f).sort());
});

describe.each(EXAMPLES)('%s', (file, format) => {
  const data = readJson(file);
  it(`validates against schemas/${format}.v1.json`, () => expect(errorsOf(schemaOf[format], data)).toEqual([]));
  it("is accepted by Tagwatch's own parser", () => {
    const result =
      format === 'plan' ? parsePlan(data) : format === 'journey' ? parseJourney(data) : checkReportFile(data);
    expect(result).toMatchObject({ ok: true });
  });
});

describe('the plans Tagwatch ships', () => {
  it.each([DEFAULT_PLAN, ...PRESETS.map((p) => p.plan)].map((plan) => [plan.name, plan] as const))(
    '%s validates against schemas/plan.v1.json',
    (_, plan) => {
      expect(errorsOf(schemaOf.plan, plan)).toEqual([]);
    },
  );
});

it('a report built from the audit validates against schemas/report.v1.json, alone and in a list', () => {
  const plan: Plan = { version: 1, name: 'Shop', goals: [newsletter, purchase] };
  const hits = [
    hit('ga4', 'sign_up', T0 + 17, { id: 'h17', account: 'G-XXXX', params: { email: 'reader@example.com' } }),
    hit('ga4', 'sign_up', T0 + 300, { id: 'h18', account: 'G-XXXX' }),
    hit('meta-pixel', 'PageView', T0 - 49_000, {
      id: 'h2',
      account: '111',
      status: 'blocked',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
    }),
  ];
  const firings = [firing(newsletter.id, T0, { id: 'f1' })];
  const results = reconcile(plan.goals, firings, hits);
  const found = findings({ goals: plan.goals, firings, hits, results, timeZone: 'UTC' });
  const report = buildReport({
    page: { url: 'https://shop.example/' },
    plan,
    sessions: [],
    firings,
    hits,
    results,
    findings: found,
    generatedAt: T0,
  });
  // The findings cover several kinds, so their variants are checked, not only the empty list.
  expect(new Set(found.map((f) => f.kind)).size).toBeGreaterThanOrEqual(2);
  expect(errorsOf(schemaOf.report, report)).toEqual([]);
  expect(errorsOf(schemaOf.report, [report, report])).toEqual([]);
  expect(checkReportFile(report)).toEqual({ ok: true });
});

describe('the schemas refuse what Tagwatch refuses', () => {
  const goal = { id: 'g', trigger: { kind: 'click', selector: '.buy' } };
  it.each<[string, unknown]>([
    ['a plan of another version', { version: 2, goals: [goal] }],
    ['a plan without goals', { version: 1 }],
    ['an unknown trigger kind', { version: 1, goals: [{ id: 'g', trigger: { kind: 'sumbit' } }] }],
    ['a misspelt key', { version: 1, goals: [{ ...goal, trigger: { kind: 'form_submit', hasFeild: 'email' } }] }],
    ['an unknown vendor', { version: 1, goals: [{ ...goal, expect: [{ vendor: 'facebook' }] }] }],
    ['a scroll depth over 100', { version: 1, goals: [{ id: 'g', trigger: { kind: 'scroll_depth', percent: 150 } }] }],
    ['params as a list', { version: 1, goals: [{ ...goal, expect: [{ vendor: 'ga4', params: ['value'] }] }] }],
  ])('plan: %s', (_, plan) => {
    expect(errorsOf(schemaOf.plan, plan)).not.toEqual([]);
    expect(parsePlan(plan).ok).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an empty list', []],
    ['an unknown step', [{ clik: '#a' }]],
    ['two steps in one object', [{ click: '#a', submit: 'form' }]],
    ['a fill without its value', [{ fill: '#email' }]],
    ['a wait that is text', [{ wait: '1s' }]],
    ['steps beside an unknown key', { steps: [{ goto: '/' }], name: 'x' }],
  ])('journey: %s', (_, journey) => {
    expect(errorsOf(schemaOf.journey, journey)).not.toEqual([]);
    expect(parseJourney(journey).ok).toBe(false);
  });

  it.each<[string, (r: Record<string, unknown>) => unknown]>([
    ['another version', (r) => ({ ...r, version: 2 })],
    ['a goal without its firings', (r) => ({ ...r, goals: [{ id: 'g', name: 'g', fired: 0, expect: [] }] })],
    [
      'an unknown tag status',
      (r) => ({
        ...r,
        goals: [
          {
            id: 'g',
            name: 'g',
            fired: 1,
            expect: [],
            firings: [{ id: 'f', at: 1, element: 'a', url: 'u', tags: [{ vendor: 'ga4', status: 'lost' }] }],
          },
        ],
      }),
    ],
    [
      'a finding of an unknown kind',
      (r) => ({ ...r, findings: [{ kind: 'mystery', severity: 'error', message: 'm' }] }),
    ],
  ])('report: %s', (_, change) => {
    const report = change(readJson('examples/report.json') as Record<string, unknown>);
    expect(errorsOf(schemaOf.report, report)).not.toEqual([]);
    expect(checkReportFile(report).ok).toBe(false);
  });
});
