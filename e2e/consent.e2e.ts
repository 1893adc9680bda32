import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportFile } from '../lib/audit/report-schema';
import { contentScriptSizes } from '../scripts/bench/sizes';
import { runAudit } from './audit-cli';
import { FIREFOX_EXTENSION_DIR } from '../scripts/firefox';
import {
  E2E_BROWSER,
  EXTENSION_DIR,
  launchTestExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  waitForSeededPlans,
  type Site,
  type TestExtension,
  type TestPage,
} from './harness';

// Consent audits, both answers (issue 11), on fixture pages of our own (e2e/site/consent/):
// - banner.html: advanced Consent Mode (all denied by default, wait_for_update) with a banner whose buttons carry
//   OneTrust's ids. Google Analytics honours it (cookieless G100 pings until granted); the Meta pixel and Hotjar
//   ignore it, and the pixel stores _fbp at load, before the answer. Audited with "accept" and with "reject".
// - tcf.html: a TCF CMP stand-in whose TC string consents to Google (755) and purposes 1–4 and 7 only: Criteo (91)
//   and Mixpanel (purpose 8) fire anyway; Google Ads and the Meta pixel respect it.

interface Finding {
  kind: string;
  severity: string;
  rule?: string;
  vendor?: string;
  purpose?: string;
  tcfPurpose?: number;
  tcfVendorId?: number;
  source?: string;
  cookie?: string;
  hits?: number;
  message: string;
  todo: string;
}
interface Report {
  version: number;
  findings: Finding[];
  hits: Array<{ vendor: string; event?: string; params: Record<string, string> }>;
  consent?: {
    timeline: Array<{
      source: string;
      kind: string;
      purposes: Record<string, string>;
      waitForUpdateMs?: number;
      tcf?: { vendorConsents: number[]; purposeConsents: number[] };
    }>;
    cookies: Array<{ name: string; vendor?: string; purpose?: string; firstSet: number; expires?: number }>;
  };
}

const consentFindings = (r: Report) =>
  r.findings.filter((f) => f.kind === 'before_consent' || f.kind === 'cookie_before_consent');
/** One line per consent finding: what a reviewer checks. */
const lines = (r: Report) =>
  consentFindings(r)
    .map((f) =>
      [f.severity, f.kind, f.vendor, f.cookie ?? '', f.purpose ?? '', f.tcfPurpose ?? '', f.tcfVendorId ?? '']
        .join(' ')
        .replace(/ +/g, ' ')
        .trim(),
    )
    .sort();

let site: Site;
let dir: string;
beforeAll(async () => {
  site = await serveSite();
  dir = mkdtempSync(join(tmpdir(), 'tagwatch-consent-'));
});
afterAll(async () => site?.close());

// The audit command drives Chromium (scripts/audit/, through scripts/browser.ts): its runs are checked once, in the
// Chromium run. The extension's own consent views below run in both browsers.
const CLI_ONLY_IN_CHROMIUM = 'Chromium only: the audit command drives Chromium';

describe.skipIf(E2E_BROWSER === 'firefox')(
  `npm run audit --consent on a page with advanced Consent Mode and a banner (${CLI_ONLY_IN_CHROMIUM})`,
  () => {
    let accepted: Report;
    let rejected: Report;

    beforeAll(async () => {
      const run = async (choice: 'accept' | 'reject') => {
        const out = join(dir, `banner-${choice}.json`);
        const html = join(dir, `banner-${choice}.html`);
        const result = await runAudit(
          [
            `${site.origin}/consent/banner.html`,
            '--consent',
            choice,
            '--stub-vendors',
            '--out',
            out,
            '--html',
            html,
            '--settle',
            '2000',
          ],
          240_000,
        );
        expect(result.stderr).not.toContain('Error:');
        // Error-level consent findings in both: exit 1.
        expect(result.code, result.stdout + result.stderr).toBe(1);
        return JSON.parse(readFileSync(out, 'utf8')) as Report;
      };
      accepted = await run('accept');
      rejected = await run('reject');
    }, 480_000);

    it('shows the answers and the cookies in the HTML report a consultant hands over, _fbp marked, no cookie value', () => {
      const html = readFileSync(join(dir, 'banner-reject.html'), 'utf8');
      const section = html.slice(html.indexOf('<h3>Consent</h3>'));
      expect(html).toContain('<h3>Consent</h3>');
      expect(section).toMatch(/<td>Consent Mode<\/td><td>Default<\/td><td>[^\n]*?<span class="bad">ads denied<\/span>/);
      expect(section).toMatch(/<td>Consent Mode<\/td><td>Answer<\/td>/);
      expect(section).toMatch(/<td>_fbp<\/td>.*?<td>Meta Pixel<\/td><td>ads<\/td>.*?set before consent/s);
      expect(section).not.toMatch(/fb\.1\./);
    });

    it('follows the report format in both runs', () => {
      expect(checkReportFile(accepted)).toEqual({ ok: true });
      expect(checkReportFile(rejected)).toEqual({ ok: true });
    });

    it("clicked the banner: the timeline holds the default, then the visitor's answer", () => {
      for (const [report, state] of [
        [accepted, 'granted'],
        [rejected, 'denied'],
      ] as const) {
        const timeline = report.consent!.timeline;
        expect(timeline[0]).toMatchObject({
          source: 'gcm_default',
          kind: 'default',
          waitForUpdateMs: 500,
          purposes: {
            ad_storage: 'denied',
            analytics_storage: 'denied',
            ad_user_data: 'denied',
            ad_personalization: 'denied',
          },
        });
        expect(timeline.at(-1)).toMatchObject({
          source: 'gcm_update',
          kind: 'answer',
          purposes: { ad_storage: state, analytics_storage: state },
        });
      }
    });

    it('accept: names what fired or stored before the answer, with its purpose, and nothing after it', () => {
      expect(lines(accepted)).toEqual([
        'error before_consent hotjar analytics_storage',
        'error before_consent meta-pixel ad_storage',
        'error cookie_before_consent meta-pixel _fbp ad_storage',
      ]);
      // Only the hit before the answer: Meta's ViewContent and Hotjar's second visit came after the visitor accepted.
      for (const f of consentFindings(accepted).filter((x) => x.kind === 'before_consent')) expect(f.hits).toBe(1);
      const fbp = consentFindings(accepted).find((f) => f.cookie === '_fbp')!;
      expect(fbp.message).toMatch(/The Meta Pixel cookie _fbp was set at .* advertising \(ad_storage\)/);
      expect(fbp.message).not.toMatch(/fb\.1\./); // names only, never values
    });

    it('reject: every hit and cookie after "Reject all" that needs the refused purpose is an error', () => {
      expect(lines(rejected)).toEqual([
        'error before_consent hotjar analytics_storage',
        'error before_consent meta-pixel ad_storage',
        'error cookie_before_consent hotjar _hjSessionUser_3141592 analytics_storage',
        'error cookie_before_consent meta-pixel _fbp ad_storage',
      ]);
      // Both hits of each: the one at load and the one after the refusal.
      for (const f of consentFindings(rejected).filter((x) => x.kind === 'before_consent')) expect(f.hits).toBe(2);
      const hj = consentFindings(rejected).find((f) => f.cookie?.startsWith('_hj'))!;
      expect(hj).toMatchObject({ rule: 'denied', source: 'gcm_update', vendor: 'hotjar' });
      expect(hj.message).toMatch(/was denied/);
    });

    it('holds nothing against what respected the answer: Google\'s cookieless pings, _ga and _hj cookies set after "Accept all"', () => {
      for (const report of [accepted, rejected]) {
        expect(report.findings.filter((f) => f.vendor === 'ga4' && /consent/.test(f.kind))).toEqual([]);
        const ga4 = report.hits.filter((h) => h.vendor === 'ga4');
        expect(ga4.length).toBeGreaterThanOrEqual(2);
        expect(ga4[0]!.params['consent.ad_storage']).toBe('denied');
      }
      expect(accepted.consent!.cookies.map((c) => c.name)).toEqual(
        expect.arrayContaining(['_fbp', '_ga', '_hjSessionUser_3141592']),
      );
      expect(rejected.consent!.cookies.map((c) => c.name)).not.toContain('_ga');
      expect(consentFindings(accepted).map((f) => f.cookie)).not.toContain('_ga');
      expect(consentFindings(accepted).map((f) => f.cookie)).not.toContain('_hjSessionUser_3141592');
    });

    it('lists each cookie with vendor, purpose, first set and expiry, names only', () => {
      const fbp = accepted.consent!.cookies.find((c) => c.name === '_fbp')!;
      expect(fbp).toMatchObject({ vendor: 'meta-pixel', purpose: 'ad_storage' });
      // max-age 90 days.
      expect(fbp.expires! - fbp.firstSet).toBeGreaterThan(89 * 86_400_000);
      expect(JSON.stringify(accepted.consent!.cookies)).not.toContain('fb.1.');
    });

    it('says clearly when no known banner is on the page', async () => {
      const result = await runAudit(
        [
          `${site.origin}/verdicts/index.html`,
          '--consent',
          'reject',
          '--stub-vendors',
          '--settle',
          '500',
          '--retries',
          '0',
        ],
        240_000,
      );
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(
        /found no Reject all button of a known consent banner \(OneTrust, Cookiebot, .*\) within 10 s: add "selector"/,
      );
    }, 240_000);
  },
);

describe("the extension in a visitor's browser", () => {
  let ext: TestExtension;

  beforeAll(async () => {
    ext = await launchTestExtension(process.env.TAGWATCH_EXTENSION_DIR || undefined);
    await routeVendors(ext);
    await waitForSeededPlans(ext);
  });
  afterAll(async () => ext?.close());

  async function report(popup: TestPage): Promise<Report> {
    const file = await ext.download(popup, () => popup.getByTestId('export-json').click());
    return JSON.parse(file.text) as Report;
  }

  async function hitsOf(tabId: number, n: number): Promise<void> {
    await settle(
      async () => (await readStore<{ tabId: number; status: string }>(ext, 'hits')).filter((h) => h.tabId === tabId),
      (hits) => hits.length >= n && hits.every((h) => h.status !== 'pending'),
      20_000,
    );
  }

  it('TCF: names the vendor the TC string did not consent to, and the purpose it did not allow; the rest respected it', async () => {
    const page = await ext.open(`${site.origin}/consent/tcf.html`);
    const tabId = await ext.tabIdOf(page);
    await hitsOf(tabId, 4);
    const popup = await ext.popup(tabId);
    await popup.getByTestId('tab-consent').click();
    const answer = popup.getByTestId('consent-answer').first();
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/IAB TCF/);
    const r = await report(popup);
    expect(r.consent!.timeline.find((a) => a.source === 'tcf')?.tcf).toMatchObject({
      purposeConsents: [1, 2, 3, 4, 7],
      vendorConsents: [755],
    });
    expect(lines(r)).toEqual([
      'error before_consent criteo ad_storage 91',
      'error before_consent mixpanel analytics_storage 8',
    ]);
    const criteo = consentFindings(r).find((f) => f.vendor === 'criteo')!;
    expect(criteo).toMatchObject({ rule: 'tcf_vendor_denied', tcfVendorId: 91 });
    expect(criteo.message).toMatch(/did not consent to this vendor \(IAB vendor 91\)/);
    expect(consentFindings(r).find((f) => f.vendor === 'mixpanel')!.message).toMatch(/did not allow purpose 8/);
    // Google Ads (755 consented) and the Meta pixel (its purposes allowed) sent, and nothing is held against them.
    expect(r.hits.map((h) => h.vendor)).toEqual(expect.arrayContaining(['google-ads', 'meta-pixel']));
    expect(consentFindings(r).filter((f) => f.vendor === 'google-ads' || f.vendor === 'meta-pixel')).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('banner: the popup shows the answers in order and the cookie inventory, _fbp flagged as set before consent', async () => {
    const page = await ext.open(`${site.origin}/consent/banner.html`);
    const tabId = await ext.tabIdOf(page);
    await hitsOf(tabId, 3);
    await page.click('#onetrust-reject-all-handler');
    await hitsOf(tabId, 6);
    await settle(
      async () =>
        (await readStore<{ tabId: number; name: string }>(ext, 'cookies'))
          .filter((c) => c.tabId === tabId)
          .map((c) => c.name),
      (names) => names.includes('_fbp') && names.includes('_hjSessionUser_3141592'),
    );
    const popup = await ext.popup(tabId);
    await popup.getByTestId('tab-consent').click();
    await popup.getByTestId('cookie-row').first().waitFor();
    const kinds = () =>
      popup.getByTestId('consent-answer').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    await expect.poll(kinds).toEqual(['Default', 'Answer']);
    const denied = await popup.getByTestId('consent-answer').nth(1).locator('[data-state="denied"]').count();
    expect(denied).toBeGreaterThanOrEqual(2);
    const fbp = popup.locator('[data-testid="cookie-row"][data-cookie="_fbp"]');
    expect(await fbp.textContent()).toMatch(/_fbp.*set before consent.*Meta Pixel.*ads/);
    // The Findings tab names them in plain words.
    await popup.getByTestId('tab-findings').click();
    const labels = () =>
      popup
        .getByTestId('finding')
        .evaluateAll((els) => els.map((el) => el.querySelector('.finding-label strong')?.textContent));
    await expect.poll(labels).toEqual(expect.arrayContaining(['Sent before consent', 'Cookie stored before consent']));
    await popup.close();
    await page.close();
  });
});

describe('what every page pays', () => {
  it('keeps the content scripts within 20 KB minified together: consent readers load only where a CMP does', () => {
    const { files, total } = contentScriptSizes(
      join(
        E2E_BROWSER === 'firefox' ? FIREFOX_EXTENSION_DIR : process.env.TAGWATCH_EXTENSION_DIR || EXTENSION_DIR,
        'content-scripts',
      ),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(total, files.map((f) => `${f.name} ${f.bytes}`).join(', ')).toBeLessThanOrEqual(20 * 1024);
  });
});
