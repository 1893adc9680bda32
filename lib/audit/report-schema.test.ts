import type * as v from 'valibot';
import { expect, it } from 'vitest';
import type { AuditReport } from './report';
import { checkReportFile, type auditReportSchema } from './report-schema';

// Compile time (tsc): every AuditReport the code can build is a report the schema accepts, so a field added
// to the type and not to the schema (or typed differently) fails the type check.
const fits = (report: AuditReport): v.InferInput<typeof auditReportSchema> => report;

const minimal: AuditReport = {
  version: 1,
  generatedAt: 1,
  page: { url: 'https://shop.example/' },
  plan: { name: 'P' },
  pages: [],
  goals: [],
  tags: [],
  hits: [],
  findings: [],
};

it('accepts a report, a list of reports, and fields added later', () => {
  expect(checkReportFile(fits(minimal))).toEqual({ ok: true });
  expect(checkReportFile([minimal, minimal])).toEqual({ ok: true });
  expect(checkReportFile({ ...minimal, funnels: [] })).toEqual({ ok: true });
});

it.each<[string, unknown, string]>([
  ['a wrong field', { ...minimal, goals: [{ id: 3 }] }, 'report.goals[0].id: '],
  ['the second report of a list', [minimal, { ...minimal, version: 2 }], 'report[1].version: '],
  ['a missing field', { ...minimal, hits: undefined }, 'report.hits: '],
])('names the path of %s', (_, input, path) => {
  const result = checkReportFile(input);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors[0]).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}`));
});
