import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTab } from '../lib/audit/audit-tab';
import type { Plan } from '../lib/goals/types';
import {
  EXTENSION_DIR,
  launchExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  tabRecords,
  usePlans,
  type Extension,
  type Site,
} from './harness';

// Invisible on the page: what loads into every frame of every page stays small and bare, and a heavy page — 32 tag
// requests, two frames (one cross-origin), a video — loses no hit and no outcome to the worker's economies (its
// later webRequest events are heard only for hosts that carry hits, first-party collectors learned as they come).

/** The budget of everything loaded into every frame of every page, minified, together. */
const CONTENT_SCRIPTS_BUDGET = 20 * 1024;

interface ManifestScript {
  js?: string[];
  world?: string;
  run_at?: string;
}

describe('the content scripts, as built', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestScript[];
  };
  const atStart = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  // The isolated-world script is not in the manifest: the worker injects it once a page has loaded.
  const files = [...atStart, 'content-scripts/content.js'];
  const sizes = files.map((file) => ({ file, bytes: readFileSync(join(EXTENSION_DIR, file)).length }));

  it('load only the main-world hooks at document_start; the isolated-world script comes after the load', () => {
    expect(atStart).toEqual(['content-scripts/page-hooks.js']);
    expect(manifest.content_scripts?.[0]).toMatchObject({ world: 'MAIN', run_at: 'document_start' });
    expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toContain('/content-scripts/content.js');
  });

  it(`stay within ${CONTENT_SCRIPTS_BUDGET / 1024} KB together`, () => {
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    expect(total, `content scripts: ${sizes.map((s) => `${s.file} ${s.bytes} B`).join(', ')}`).toBeLessThanOrEqual(
      CONTENT_SCRIPTS_BUDGET,
    );
  });

  it.each(files)('%s is bare: no WXT wrapper, no global variable', (file) => {
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    expect(code).not.toContain('wxt:content-script-started');
    expect(code).not.toContain('wxt:locationchange');
    // An IIFE, not `var name = (function…`: nothing is declared in the page's (or the isolated world's) scope.
    expect(code.trimStart().startsWith('(function(){')).toBe(true);
  });
});

const plan: Plan = {
  version: 1,
  name: 'Kettleshop',
  goals: [
    {
      id: 'product_view',
      name: 'Product page view',
      category: 'navigation',
      trigger: { kind: 'page_view', url: '*/bench/heavy*' },
      expect: [
        { vendor: 'ga4', event: 'view_item', account: 'G-HEAVY01' },
        { vendor: 'meta-pixel', event: 'ViewContent' },
      ],
    },
  ],
};

interface Hit {
  vendor: string;
  event?: string;
  account?: string;
  status: string;
  tabId: number;
  frameId?: number;
  url: string;
}

let ext: Extension;
let site: Site;
beforeAll(async () => {
  site = await serveSite();
  ext = await launchExtension();
  await routeVendors(ext.context);
  await usePlans(ext, [plan]);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('a heavy page: 32 tag requests, two frames, a video', () => {
  it('records every hit, its frames’ and its first-party collector’s too, each with its outcome, and judges the page view', async () => {
    const page = await ext.open(`${site.origin}/bench/heavy.html`);
    const tabId = await ext.tabIdOf(page);
    const hits = await settle(
      async () => (await readStore<Hit>(ext, 'hits')).filter((h) => h.tabId === tabId),
      (all) => all.length >= 33 && all.every((h) => h.status !== 'pending'),
      20_000,
    );
    // 22 requests of the page (the GA4 batch carries two hits) + 5 tag libraries + 5 requests of the frames.
    expect(hits).toHaveLength(33);
    expect(hits.filter((h) => h.status !== 'sent').map((h) => `${h.vendor}:${h.event}:${h.status}`)).toEqual([]);
    // The first-party collector on the site's own host: its outcome heard although no registry host names it.
    expect(
      hits
        .filter((h) => new URL(h.url).host === new URL(site.origin).host)
        .map((h) => `${h.vendor}:${h.event}:${h.status}`),
    ).toEqual(['ga4:page_view:sent']);
    // Both frames' hits, the cross-origin chat widget's included.
    expect(
      hits
        .filter((h) => h.account === 'G-WIDGET1')
        .map((h) => h.event)
        .sort(),
    ).toEqual(['chat_view', 'reviews_view']);
    expect(hits.filter((h) => h.vendor === 'meta-pixel' && h.event === 'Contact')).toHaveLength(1);

    const records = await settle(
      () => tabRecords(ext, tabId),
      (r) => r.firings.length > 0,
    );
    const { report } = auditTab([plan], records, { generatedAt: Date.now(), page: { url: page.url() } });
    const tags = report.goals
      .find((g) => g.id === 'product_view')
      ?.firings.flatMap((f) => f.tags.map((t) => `${t.vendor}:${t.event}:${t.status}`));
    expect(tags).toEqual(['ga4:view_item:sent', 'meta-pixel:ViewContent:sent']);
  });
});
