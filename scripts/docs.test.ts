import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRIGGER_KINDS } from '../lib/goals/schema';
import { VENDOR_IDS } from '../lib/tags/vendors';
import { jsonSchemas } from './schemas';

// The format documents in docs/ are the users' reference: each kind the code knows is written down there.

const doc = (name: string) => readFileSync(`docs/${name}`, 'utf8');
const schema = (name: string) => JSON.stringify(JSON.parse(jsonSchemas()[name]!));

describe('docs/plan-format.md', () => {
  it.each(TRIGGER_KINDS)('describes the %s trigger', (kind) =>
    expect(doc('plan-format.md')).toContain(`| \`${kind}\` |`),
  );
  // The slugs are listed once for users, in the README's Vendors section, which the format document links to.
  it('links to the list of vendor slugs', () => expect(doc('plan-format.md')).toContain('(../README.md#vendors)'));
  const vendors = readFileSync('README.md', 'utf8').split('\n## Vendors')[1]?.split('\n## ')[0] ?? '';
  it.each(VENDOR_IDS)('the README lists the vendor slug %s', (id) => expect(vendors).toContain(`\`${id}\``));
});

describe('docs/journey-format.md', () => {
  const steps = ['goto', 'fill', 'click', 'submit', 'play', 'scroll', 'wait', 'expectGoal', 'expectFunnel'];
  it('describes every step the schema knows', () => {
    for (const step of steps) expect(schema('journey.v1.json')).toContain(`"${step}"`);
    for (const step of steps) expect(doc('journey-format.md')).toContain(`{ "${step}": `);
  });
});

describe('docs/report-format.md', () => {
  const kinds = [...schema('report.v1.json').matchAll(/"kind":\{"const":"([a-z_]+)"/g)].map((m) => m[1]!);
  it('the schema lists the finding kinds', () => expect(kinds.length).toBeGreaterThanOrEqual(7));
  it.each(kinds)('describes the %s finding', (kind) => expect(doc('report-format.md')).toContain(`| \`${kind}\` |`));
});
