import { shortUrl } from '../crawl/url';
import type { SiteRollup, SiteVendor } from './site';
import { displayWidth, terminalSafe, truncate, wrap } from './text-report';
import { count, vendorName } from '../words';

// The site roll-up in the terminal: coverage by template (pages where each vendor sent its page-level hit),
// what only shows across pages, each finding once with its pages, the accounts per vendor. Pure.

export interface SiteTextOptions {
  width?: number;
}

const INDENT = '  ';
const GAP = '  ';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function pagesList(urls: readonly string[], max = 4): string {
  const shown = urls.slice(0, max).map((u) => terminalSafe(shortUrl(u)));
  return urls.length > max ? `${shown.join(', ')} and ${urls.length - max} more` : shown.join(', ');
}

/** Vendor columns that fit: the site-wide ones first (their gaps matter), then by pages. */
function columns(site: SiteRollup, width: number, first: number): SiteVendor[] {
  const out: SiteVendor[] = [];
  let used = first;
  for (const v of [...site.vendors].sort((a, b) => Number(b.siteWide) - Number(a.siteWide))) {
    const w = Math.max(displayWidth(vendorName(v.vendor)), 7) + GAP.length;
    if (used + w > width) break;
    out.push(v);
    used += w;
  }
  return out;
}

export function siteToText(site: SiteRollup, opts: SiteTextOptions = {}): string {
  const width = Math.max(40, Math.floor(opts.width ?? 100));
  const out: string[] = [];
  const robots = site.skipped.filter((s) => s.reason === 'robots').length;
  const notPages = site.skipped.filter((s) => s.reason === 'not_html').length;
  const head = [
    `Site: ${count(site.pages.length, 'page')} audited`,
    ...(site.failed.length ? [`${site.failed.length} could not be audited`] : []),
    ...(robots ? [`${robots} disallowed by robots.txt`] : []),
    ...(notPages ? [`${count(notPages, 'link')} to files, not pages`] : []),
  ].join(' · ');
  out.push(...wrap(head, width));
  if (site.pages.length === 0) return out.join('\n');

  // ── coverage by template ──
  const templateWidth = Math.min(
    Math.max(8, ...site.templates.map((t) => displayWidth(terminalSafe(t.template)))),
    Math.floor(width * 0.4),
  );
  const first = INDENT.length + templateWidth + GAP.length + 5 + GAP.length;
  const vendors = columns(site, width, first);
  out.push(
    '',
    `${INDENT}${pad('Template', templateWidth)}${GAP}Pages${GAP}${vendors.map((v) => pad(vendorName(v.vendor), Math.max(displayWidth(vendorName(v.vendor)), 7))).join(GAP)}`.trimEnd(),
  );
  for (const t of site.templates) {
    const pages = site.pages.filter((p) => t.pages.includes(p.url));
    const cells = vendors.map((v) => {
      const n = pages.filter((p) => p.vendors[v.vendor] === 'tracked').length;
      const mark = v.siteWide && n < pages.length ? '✗ ' : n === pages.length ? '✓ ' : '  ';
      // A page-specific vendor (a conversion pixel) absent from a template is normal: left blank.
      return pad(
        n === 0 && !v.siteWide ? '' : `${mark}${n}/${pages.length}`,
        Math.max(displayWidth(vendorName(v.vendor)), 7),
      );
    });
    out.push(
      `${INDENT}${pad(truncate(terminalSafe(t.template), templateWidth), templateWidth)}${GAP}${String(pages.length).padStart(5)}${GAP}${cells.join(GAP)}`.trimEnd(),
    );
  }
  const hidden = site.vendors.filter((v) => !vendors.includes(v));
  if (hidden.length)
    out.push(
      ...wrap(
        `Also seen: ${hidden.map((v) => `${vendorName(v.vendor)} (${count(v.tracked, 'page')})`).join(', ')}`,
        width - INDENT.length,
      ).map((l) => INDENT + l),
    );
  out.push(
    ...wrap(
      'n/m: pages of the template where the vendor sent its page-level hit (GA4 page_view, Meta PageView; any hit for others). ✗ a vendor on most pages is missing from some.',
      width - INDENT.length,
    ).map((l) => INDENT + l),
  );

  // ── what only shows across pages ──
  if (site.siteFindings.length) {
    out.push('', 'Across the site');
    for (const f of site.siteFindings) {
      wrap(terminalSafe(f.message), width - INDENT.length - 2).forEach((l, i) =>
        out.push(`${INDENT}${i === 0 ? (f.severity === 'warning' ? '! ' : '· ') : '  '}${l}`),
      );
    }
  }

  // ── each finding once, with its pages ──
  if (site.findingGroups.length) {
    out.push('', 'Findings by kind');
    for (const g of site.findingGroups) {
      const mark = g.severity === 'error' ? '✗' : g.severity === 'warning' ? '!' : '·';
      const line = `${terminalSafe(g.title)} — ${count(g.pages.length, 'page')}: ${pagesList(g.pages.map((p) => p.url))}`;
      wrap(line, width - INDENT.length - 2).forEach((l, i) => out.push(`${INDENT}${i === 0 ? `${mark} ` : '  '}${l}`));
    }
  }

  // ── accounts ──
  const withAccounts = site.vendors.filter((v) => v.accounts.length > 0);
  if (withAccounts.length) {
    out.push('', 'Accounts');
    for (const v of withAccounts) {
      const list = v.accounts.map((a) => `${terminalSafe(a.account)} (${count(a.pages.length, 'page')})`).join(', ');
      wrap(`${vendorName(v.vendor)}: ${list}`, width - INDENT.length).forEach((l, i) =>
        out.push(`${INDENT}${i === 0 ? '' : '  '}${l}`),
      );
    }
  }
  if (site.failed.length) {
    out.push('', 'Could not be audited');
    for (const f of site.failed)
      wrap(`${terminalSafe(shortUrl(f.url))}: ${terminalSafe(f.error)}`, width - INDENT.length).forEach((l, i) =>
        out.push(`${INDENT}${i === 0 ? '' : '  '}${l}`),
      );
  }
  return out.join('\n');
}
