import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTab } from '../lib/audit/audit-tab';
import type { Plan } from '../lib/goals/types';
import { runPage } from '../scripts/audit/run-page';
import {
  launchExtension,
  routeVendors,
  serveSite,
  tabRecords,
  usePlans,
  type Extension,
  type Site,
  type VendorLog,
} from './harness';

// A shop whose only collector is its own server-side GTM container, on a host that does not resolve. With the
// routes --stub-vendors uses, every hit is answered locally — counted as sent, not failed — and the route log shows
// that nothing but the shop itself was fetched. The beacons are gtag's: single events as a body-less sendBeacon,
// which Chromium reports to webRequest exactly as a withheld body; they must not be marked partial.

const plan: Plan = {
  version: 1,
  name: 'sGTM shop',
  goals: [
    {
      id: 'landing',
      name: 'Landing page view',
      category: 'navigation',
      trigger: { kind: 'page_view', url: '*/sgtm/*' },
      expect: [{ vendor: 'ga4', event: 'page_view', account: 'G-SST123' }],
    },
    {
      id: 'newsletter',
      name: 'Newsletter signup',
      category: 'interaction',
      trigger: { kind: 'form_submit', selector: '#newsletter', hasField: 'email' },
      expect: [
        { vendor: 'ga4', event: 'sign_up', account: 'G-SST123', params: { method: 'newsletter' } },
        { vendor: 'ga4', event: 'generate_lead' },
      ],
    },
  ],
};

let ext: Extension;
let site: Site;
let log: VendorLog;
beforeAll(async () => {
  site = await serveSite();
  ext = await launchExtension();
  log = await routeVendors(ext.context);
  await usePlans(ext, [plan]);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('a first-party server-side container that does not resolve, with --stub-vendors', () => {
  it('counts every hit as sent, none partial, and lets no request leave the machine', async () => {
    const run = await runPage(
      ext,
      'sgtm',
      [{ goto: '/sgtm/' }, { fill: '#email', value: 'reader@example.com' }, { submit: '#newsletter' }, { wait: 1_000 }],
      {
        settleMs: 1_500,
        timeoutMs: 20_000,
        base: site.origin,
        goalFired: async () => true,
      },
    );
    if (!run.ok) throw new Error(run.error);
    const records = await tabRecords(ext, run.tabId);
    const { report } = auditTab([plan], records, { generatedAt: Date.now(), page: { url: run.url } });

    const statuses = Object.fromEntries(
      report.goals.map((g) => [g.id, g.firings.flatMap((f) => f.tags.map((t) => `${t.event}:${t.status}`))]),
    );
    expect(statuses).toEqual({ landing: ['page_view:sent'], newsletter: ['sign_up:sent', 'generate_lead:sent'] });
    const hits = report.hits
      .filter((h) => h.event !== 'library_load')
      .map((h) => `${h.vendor}:${h.event}:${h.account}:${h.status}:${h.partial ?? 'complete'}`);
    expect(hits).toEqual([
      'ga4:page_view:G-SST123:sent:complete',
      'ga4:sign_up:G-SST123:sent:complete',
      'ga4:generate_lead:G-SST123:sent:complete',
      'ga4:user_engagement:G-SST123:sent:complete',
    ]);

    // The route log: every request the page made was either answered here or went to the local shop.
    expect(log.requests.length).toBeGreaterThanOrEqual(4);
    expect(log.requests.map((r) => new URL(r.url).host)).toEqual(log.requests.map(() => 'sst.shop.example'));
    // (The extension's own pages are not the network.)
    const network = log.passed
      .map((r) => new URL(r.url))
      .filter((u) => u.protocol === 'http:' || u.protocol === 'https:');
    expect(network.length).toBeGreaterThanOrEqual(2);
    expect(network.map((u) => u.hostname).filter((h) => h !== 'localhost' && h !== '127.0.0.1')).toEqual([]);
  });
});
