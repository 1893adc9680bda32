import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport, ReportHit } from '../lib/audit/report';
import type { Plan } from '../lib/goals/types';
import { ACCOUNTS, BEACON_EVENT, EVENT, type SdkVendor } from './sdks/accounts';
import { runAudit } from './audit-cli';
import { serveSite, type Site } from './harness';

// The vendors' own SDKs from npm (versions pinned in package.json), bundled into a page at test time, audited with
// `npm run audit -- --stub-vendors` as a user would: each SDK's custom event must come out decoded — event, account,
// property — and sent, none partial. Real traffic, not ours: posthog-js gzips its batches without saying so,
// Amplitude gzips uploads over 2 KiB, Segment and RudderStack send the write key as Basic auth, Snowplow posts to
// a first-party collector that does not resolve, and posthog-js's sendBeacon Blob is withheld from webRequest.

const VENDORS = Object.keys(ACCOUNTS) as SdkVendor[];

let dir: string;
let site: Site;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tagwatch-sdks-'));
  await build({
    entryPoints: [resolve('e2e/sdks/page.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'page.js'),
    logLevel: 'error',
  });
  copyFileSync(resolve('e2e/sdks/index.html'), join(dir, 'index.html'));
  site = await serveSite(dir);
}, 120_000);
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the vendors' own SDKs, audited with --stub-vendors", () => {
  it("reports every SDK's custom event with its account and property, sent and complete", {
    timeout: 240_000,
  }, async () => {
    const plan: Plan = {
      version: 1,
      name: 'Trial signup (SDK fixture)',
      goals: [
        {
          id: 'trial',
          name: 'Trial started',
          category: 'macro',
          trigger: { kind: 'click', selector: '#trial' },
          windowMs: 8_000,
          expect: [
            ...VENDORS.map((vendor) => ({ vendor, event: EVENT, account: ACCOUNTS[vendor], params: { plan: 'pro' } })),
            { vendor: 'posthog' as const, event: BEACON_EVENT, account: ACCOUNTS.posthog, params: { plan: 'pro' } },
          ],
        },
      ],
    };
    const journey = [{ goto: '/' }, { wait: 1_500 }, { click: '#trial' }, { wait: 5_000 }, { expectGoal: 'trial' }];
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'journey.json'), JSON.stringify(journey));
    const out = join(dir, 'report.json');

    const run = await runAudit(
      [
        `${site.origin}/`,
        '--plan',
        join(dir, 'plan.json'),
        '--journey',
        join(dir, 'journey.json'),
        '--stub-vendors',
        '--out',
        out,
        '--settle',
        '2000',
      ],
      230_000,
    );
    expect(run.stderr).not.toContain('Error:');
    expect(run.code).not.toBe(2);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AuditReport;

    const firing = report.goals.find((g) => g.id === 'trial')?.firings[0];
    const tags = (firing?.tags ?? []).map((t) => `${t.vendor}:${t.event ?? ''}:${t.status}`);
    expect(tags).toEqual([...VENDORS.map((v) => `${v}:${EVENT}:sent`), `posthog:${BEACON_EVENT}:sent`]);

    const byId = new Map(report.hits.map((h) => [h.id, h]));
    const matched = (firing?.tags ?? []).map((t) => (t.hitId ? byId.get(t.hitId) : undefined));
    const seen = (h: ReportHit | undefined) =>
      h && {
        vendor: h.vendor,
        event: h.event,
        account: h.account,
        plan: h.params.plan,
        status: h.status,
        partial: h.partial,
      };
    expect(matched.map(seen)).toEqual([
      ...VENDORS.map((vendor) => ({
        vendor,
        event: EVENT,
        account: ACCOUNTS[vendor],
        plan: 'pro',
        status: 'sent',
        partial: undefined,
      })),
      {
        vendor: 'posthog',
        event: BEACON_EVENT,
        account: ACCOUNTS.posthog,
        plan: 'pro',
        status: 'sent',
        partial: undefined,
      },
    ]);
    // Nothing these SDKs sent is left partial, and nothing was sent twice.
    const sdkHits = report.hits.filter((h) => (VENDORS as string[]).includes(h.vendor));
    expect(sdkHits.filter((h) => h.partial !== undefined).map((h) => `${h.vendor}:${h.event}: ${h.partial}`)).toEqual(
      [],
    );
    expect(report.findings.filter((f) => f.kind === 'duplicate_hit')).toEqual([]);
    // The table a person reads says so too.
    expect(run.stdout).toMatch(/Trial started/);
  });
});
