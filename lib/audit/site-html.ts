import { shortUrl } from '../crawl/url';
import type { SitePage, SiteRollup, VendorPresence } from './site';
import { esc } from './html-report';
import { count, vendorName } from '../words';

// The site roll-up as a section of the HTML report. The coverage grid stays readable at hundreds of pages:
// one summary row per template, and under it only the pages that differ from their template's best — a
// template of 200 product pages where every page has every tag is one row, not 200. Every piece of text
// from a page goes through `esc`.

/** Templates with at most this many pages list every page; larger ones list only their pages with a gap. */
export const LIST_ALL_UP_TO = 10;

const PRESENCE: Record<VendorPresence | 'absent', { symbol: string; words: string; cls: string }> = {
  tracked: { symbol: '✓', words: 'sent its page-level hit', cls: 's-sent' },
  partial: { symbol: '◐', words: 'sent hits, but not its page-level one', cls: 's-failed' },
  library: { symbol: '○', words: 'library loaded, nothing sent', cls: 's-failed' },
  not_sent: { symbol: '⛔', words: 'every request blocked or failed', cls: 's-blocked' },
  absent: { symbol: '✗', words: 'not on this page', cls: 's-missing' },
};

function pageCell(page: SitePage, vendor: string, siteWide: boolean): string {
  const p = page.vendors[vendor] ?? 'absent';
  // A vendor that is not site-wide being absent is normal (a conversion pixel on one page): shown quietly.
  const cls = !siteWide && p === 'absent' ? 'none' : `cell ${PRESENCE[p].cls}`;
  const symbol = !siteWide && p === 'absent' ? '' : PRESENCE[p].symbol;
  return `<td class="${cls}" data-vendor="${esc(vendor)}" data-presence="${p}" title="${esc(`${vendorName(vendor)}: ${PRESENCE[p].words}`)}">${symbol}</td>`;
}

function coverageGrid(site: SiteRollup): string {
  const vendors = site.vendors;
  if (site.pages.length === 0) return '<p class="muted">No page was audited.</p>';
  const head = `<thead><tr><th scope="col">Template / page</th><th scope="col" class="num">Pages</th>${vendors
    .map(
      (v) =>
        `<th scope="col" class="vcol" data-vendor="${esc(v.vendor)}"><span>${esc(vendorName(v.vendor))}</span></th>`,
    )
    .join('')}</tr></thead>`;
  const bodies = site.templates.map((t) => {
    const pages = site.pages.filter((p) => t.pages.includes(p.url));
    const summary = vendors.map((v) => {
      const n = pages.filter((p) => p.vendors[v.vendor] === 'tracked').length;
      const cls = n === pages.length ? 's-sent' : v.siteWide ? 's-missing' : n === 0 ? 'none' : '';
      return `<td class="num ${cls}" data-vendor="${esc(v.vendor)}">${n === 0 && !v.siteWide ? '' : `${n}/${pages.length}`}</td>`;
    });
    const full = (p: SitePage) => vendors.every((v) => !v.siteWide || p.vendors[v.vendor] === 'tracked');
    const listed = pages.length <= LIST_ALL_UP_TO ? pages : pages.filter((p) => !full(p));
    const rows = listed.map(
      (p) =>
        `<tr class="page" data-url="${esc(p.url)}"><th scope="row" class="page-url" title="${esc(p.title ?? p.url)}">${esc(shortUrl(p.url))}</th><td></td>${vendors.map((v) => pageCell(p, v.vendor, v.siteWide)).join('')}</tr>`,
    );
    const more = pages.length - listed.length;
    const note =
      more > 0
        ? `<tr class="more"><td colspan="${vendors.length + 2}" class="muted">${count(more, 'more page')} of this template with every site-wide tag: not listed.</td></tr>`
        : '';
    return `<tbody data-template="${esc(t.template)}"><tr class="template"><th scope="rowgroup">${esc(t.template)}</th><td class="num">${pages.length}</td>${summary.join('')}</tr>${rows.join('')}${note}</tbody>`;
  });
  return (
    `<div class="scroll site-grid-wrap"><table class="site-grid">${head}${bodies.join('\n')}</table></div>` +
    `<p class="legend muted">n/m: pages of the template where the vendor sent its page-level hit (GA4 page_view, Meta PageView; any hit for other vendors). ` +
    `✓ sent · ◐ hits but no page-level hit · ○ library only · ⛔ blocked or failed · ✗ missing from a page where the site has it elsewhere.</p>`
  );
}

function findingGroups(site: SiteRollup): string {
  if (site.findingGroups.length === 0 && site.siteFindings.length === 0)
    return '<p class="ok-note">No problems found across the site.</p>';
  const siteWide = site.siteFindings.map(
    (f) =>
      `<li class="finding sev-${f.severity}" data-kind="${esc(f.kind)}"><span class="meta">${esc(f.kind === 'vendor_gaps' ? 'Pages without a site-wide tag' : 'Several accounts')} · ${esc(vendorName(f.vendor))}</span> ${esc(f.message)}</li>`,
  );
  const groups = site.findingGroups.map((g) => {
    const pages = g.pages
      .map(
        (p) =>
          `<li><span class="page-url">${esc(shortUrl(p.url))}</span>${p.count > 1 ? ` <small class="muted">×${p.count}</small>` : ''}</li>`,
      )
      .join('');
    return (
      `<li class="finding sev-${g.severity}" data-kind="${esc(g.kind)}"><span class="meta">${esc(g.title)}</span>` +
      `<details><summary>${esc(count(g.pages.length, 'page'))}, ${esc(count(g.total, 'finding'))} — for example: ${esc(g.example)}</summary><ul class="pages">${pages}</ul></details></li>`
    );
  });
  return `<ul class="findings">${[...siteWide, ...groups].join('\n')}</ul>`;
}

function accounts(site: SiteRollup): string {
  const rows = site.vendors
    .filter((v) => v.accounts.length > 0)
    .map(
      (v) =>
        `<tr data-vendor="${esc(v.vendor)}"><th scope="row">${esc(vendorName(v.vendor))}</th><td>${v.accounts.map((a) => `${esc(a.account)} <small class="muted">(${esc(count(a.pages.length, 'page'))})</small>`).join(', ')}</td></tr>`,
    );
  return rows.length
    ? `<div class="scroll"><table class="inventory"><thead><tr><th>Tag</th><th>Accounts (pages)</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : '<p class="muted">No account seen.</p>';
}

function notAudited(site: SiteRollup): string {
  const failed = site.failed.map((f) => `<li><span class="page-url">${esc(f.url)}</span>: ${esc(f.error)}</li>`);
  const skipped = site.skipped.map(
    (s) =>
      `<li><span class="page-url">${esc(s.url)}</span>: ${s.reason === 'robots' ? 'disallowed by robots.txt' : 'a file, not a page'}</li>`,
  );
  if (!failed.length && !skipped.length) return '';
  return `<h3>Not audited</h3><ul>${[...failed, ...skipped].join('')}</ul>`;
}

export const SITE_CSS = `
.site-grid{table-layout:auto}.site-grid th.vcol{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom;font-size:12px;padding:6px 3px}
.site-grid thead th{position:sticky;top:0;z-index:1}
.site-grid td{text-align:center;padding:2px 4px;min-width:1.8em}.site-grid th{font-size:12.5px}
.site-grid tr.template th,.site-grid tr.template td{background:var(--head);font-weight:600}
.site-grid tr.page th{font-weight:400;padding-left:18px;max-width:38em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.site-grid td.none{background:transparent}
.site-grid-wrap{max-height:80vh;overflow:auto}
ul.pages{columns:3 18em;margin:6px 0 0;padding-left:18px;font-size:12.5px}
@media print{.site-grid-wrap{max-height:none;overflow:visible}}
`;

export function siteSection(site: SiteRollup): string {
  const head =
    `${count(site.pages.length, 'page')} audited${site.failed.length ? ` · ${site.failed.length} could not be audited` : ''}` +
    `${site.skipped.length ? ` · ${site.skipped.length} skipped` : ''} · ${count(site.templates.length, 'template')}`;
  return (
    `<section class="site" id="site"><h2>The site</h2><p class="summary small">${esc(head)}</p>` +
    `<h3>Tag coverage by template</h3>${coverageGrid(site)}` +
    `<h3>Findings across pages</h3>${findingGroups(site)}` +
    `<h3>Accounts</h3>${accounts(site)}${notAudited(site)}</section>`
  );
}
