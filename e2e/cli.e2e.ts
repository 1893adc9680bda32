import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportFile } from '../lib/audit/report-schema';
import { runAudit as audit } from './audit-cli';
import { serveSite, type Site } from './harness';

interface ReportTag {
  vendor: string;
  event?: string;
  status: string;
}
interface Report {
  version: number;
  goals: Array<{ id: string; fired: number; firings: Array<{ tags: ReportTag[] }> }>;
  findings: Array<{ kind: string; severity: string }>;
  journey?: { expectedGoals: Array<{ id: string; fired: boolean }> };
}

const statuses = (report: Report) =>
  Object.fromEntries(
    report.goals.map((g) => [
      g.id,
      g.firings.flatMap((f) => f.tags.map((t) => `${t.vendor}:${t.event ?? ''}:${t.status}`)),
    ]),
  );

let site: Site;
let dir: string;
beforeAll(async () => {
  site = await serveSite();
  dir = mkdtempSync(join(tmpdir(), 'tagwatch-cli-'));
});
afterAll(async () => site?.close());

// Each run builds the extension first (as a user's run does): on a two-core machine shared by several test runs
// that alone can take most of a minute, so the runs that audit pages get three.
describe('npm run audit', () => {
  it('audits the shop through a journey and exits 1 because tags are missing', { timeout: 180_000 }, async () => {
    const out = join(dir, 'shop.json');
    const html = join(dir, 'shop.html');
    const run = await audit([
      site.origin,
      '--plan',
      'e2e/site/shop/plan.json',
      '--journey',
      'e2e/site/shop/journey.json',
      '--stub-vendors',
      '--out',
      out,
      '--html',
      html,
      '--settle',
      '1500',
    ]);
    expect(run.stderr).not.toContain('Error:');
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.version).toBe(1);
    // The report file follows its published format (schemas/report.v1.json), journey results included.
    expect(checkReportFile(report)).toEqual({ ok: true });
    expect(statuses(report)).toMatchObject({
      newsletter_signup: ['ga4:generate_lead:sent', 'meta-pixel:Lead:sent'],
      add_to_cart: ['ga4:add_to_cart:sent', 'meta-pixel:AddToCart:missing'],
      care_guide_download: ['ga4:file_download:sent'],
      purchase: ['ga4:purchase:sent', 'meta-pixel:Purchase:sent'],
    });
    const kinds = report.findings.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['missing_tag', 'pii_in_hit', 'duplicate_hit']));
    expect(report.journey?.expectedGoals).toEqual([
      { id: 'newsletter_signup', fired: true },
      { id: 'purchase', fired: true },
    ]);
    // The table a person reads.
    expect(run.stdout).toMatch(/Add to cart/);
    expect(run.stdout).toMatch(/missing/);
    expect(readFileSync(html, 'utf8')).toContain('<!doctype html');
  });

  it('with no URL, audits the bundled demo shop with the default plan (the README run command)', {
    timeout: 180_000,
  }, async () => {
    const out = join(dir, 'demo.json');
    const run = await audit(['--out', out]);
    expect(run.stderr).toContain('auditing the bundled demo shop');
    // The demo shop forgets Meta's AddToCart and leaks an email address: error-level findings, exit 1.
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const fired = report.goals.filter((g) => g.fired > 0).map((g) => g.id);
    expect(fired).toEqual(expect.arrayContaining(['newsletter_signup', 'add_to_cart', 'purchase']));
    // Its three real problems, each once: Meta's AddToCart forgotten, an email sent to GA4, the purchase sent twice.
    // The journey is a visit that walked into the default plan's checkout funnel: the AddToCart never sent breaks
    // Meta's funnel at that step, which is the one finding for it (it takes over the missing tag).
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['duplicate_hit', 'funnel_step_untracked', 'pii_in_hit']);
    // The table a person reads, 80 columns wide when not a terminal: fired goals first, the others in one line.
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(run.stdout).toContain('  – 5 goals not triggered on this page (--all-goals lists them)');
    expect(run.stdout).toMatch(/Add to cart \(by its\s+1\s+same action as “Add to cart\s+↳ counted there/);
    expect(run.stdout).toContain('Errors (3)');
    expect(run.stdout).not.toContain('about:blank');
  });

  it('reports a broken URL and a hanging page without stopping the others, and exits 2', {
    timeout: 180_000,
  }, async () => {
    const out = join(dir, 'many.json');
    const run = await audit([
      `${site.origin}/shop/index.html`,
      'http://127.0.0.1:9/',
      `${site.origin}/slow`,
      '--stub-vendors',
      '--timeout',
      '4000',
      '--settle',
      '500',
      '--concurrency',
      '3',
      '--out',
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Could not audit http:\/\/127\.0\.0\.1:9\//);
    expect(run.stdout).toMatch(/Could not audit .*\/slow: .*hangs/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.version).toBe(1);
    expect(checkReportFile(report)).toEqual({ ok: true });
  });

  it.each([
    [['--concurency', '2'], /Unknown option '--concurency'/],
    [['not-a-url'], /"not-a-url" is not a URL/],
    [['--browser', '/nowhere/chrome', 'https://shop.example/'], /No browser at \/nowhere\/chrome/],
  ])('refuses bad usage %j with exit code 2 and says what to do', async (args, message) => {
    const run = await audit(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses an invalid journey with the step that is wrong', async () => {
    const journey = join(dir, 'bad-journey.json');
    writeFileSync(journey, JSON.stringify([{ goto: '/' }, { clik: '#buy' }]));
    const run = await audit([site.origin, '--journey', journey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('journey[1]: unknown step "clik"');
    expect(run.stderr).toContain('The journey format: docs/journey-format.md, JSON Schema schemas/journey.v1.json');
  });

  it('refuses an invalid plan, naming the path', async () => {
    const plan = join(dir, 'bad-plan.json');
    writeFileSync(
      plan,
      JSON.stringify({ version: 1, name: 'x', goals: [{ id: 'a', name: 'A', trigger: { kind: 'sumbit' } }] }),
    );
    const run = await audit([site.origin, '--plan', plan]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('goals[0].trigger.kind: unknown kind "sumbit"');
    expect(run.stderr).toContain('The plan format: docs/plan-format.md, JSON Schema schemas/plan.v1.json');
  });

  it('takes a plan and a journey that name their JSON Schema in "$schema"', { timeout: 180_000 }, async () => {
    const out = join(dir, 'with-schema.json');
    // The shop's plan and the example journey both carry "$schema"; the journey is the { steps } form.
    const run = await audit([
      site.origin,
      '--plan',
      'e2e/site/shop/plan.json',
      '--journey',
      'examples/journey.json',
      '--stub-vendors',
      '--out',
      out,
      '--settle',
      '1000',
    ]);
    expect(run.stderr).not.toContain('is not valid');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(checkReportFile(report)).toEqual({ ok: true });
    expect(report.journey?.expectedGoals).toEqual([{ id: 'newsletter_signup', fired: true }]);
  });

  it('links the formats from --help', async () => {
    const run = await audit(['--help']);
    expect(run.code).toBe(0);
    for (const file of [
      'docs/plan-format.md',
      'docs/journey-format.md',
      'docs/report-format.md',
      'schemas/plan.v1.json',
    ])
      expect(run.stdout).toContain(file);
  });
});
