// The crawl's idea of "the same page" and "this site": pure functions over URL strings, so the crawl, the
// shards, the roll-up and the baseline comparison all agree on which page is which.

/**
 * Query parameters that say where a visitor came from, not which page they are on. Two links that differ only
 * in these are one page (the crawl visits it once; a baseline compares it as one).
 */
const TRACKING_PARAMS = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'fbclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'srsltid',
  'ref_src',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * The canonical form of a page URL: no fragment, no tracking parameters, the remaining parameters in a stable
 * order, default ports dropped (the URL parser does that), an empty path as `/`. `undefined` for what is not
 * an http(s) URL. The page's own parameters are kept: `?page=2` is another page.
 */
export function normalizeUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([k]) => !isTrackingParam(k));
  // Sorted by name only (a stable sort keeps repeated names in their order): `?b=1&a=2` and `?a=2&b=1` are one page.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  return url.toString();
}

/** The host a site is known by: `www.shop.example` and `shop.example` are one site. */
export function siteHost(url: URL | string): string {
  const host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** Same site as the crawl's start: same host (with or without `www.`), http or https. */
export function isSameSite(url: string, start: string): boolean {
  try {
    return siteHost(url) === siteHost(start);
  } catch {
    return false;
  }
}

/** File types a link can point to that are not pages: the crawl does not load them (a browser would download them). */
const NOT_PAGES = new Set([
  'pdf',
  'zip',
  'gz',
  'tgz',
  'rar',
  '7z',
  'tar',
  'dmg',
  'exe',
  'msi',
  'apk',
  'iso',
  'bin',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'csv',
  'rtf',
  'txt',
  'epub',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'svg',
  'ico',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'mp3',
  'mp4',
  'm4a',
  'm4v',
  'mov',
  'avi',
  'webm',
  'ogg',
  'ogv',
  'wav',
  'flac',
  'mkv',
  'css',
  'js',
  'mjs',
  'json',
  'xml',
  'rss',
  'atom',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'map',
  'wasm',
]);

/** The extension of the URL's last path segment, lower case; '' when it has none. */
export function pathExtension(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    const dot = last.lastIndexOf('.');
    return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
  } catch {
    return '';
  }
}

/** Could this URL be a web page? Judged from its path alone; the browser's answer (content type) has the last word. */
export function looksLikePage(url: string): boolean {
  return !NOT_PAGES.has(pathExtension(url));
}

/** Is this response a web page a visitor sees (and the tags run in)? */
export function isHtmlContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true; // no header: browsers sniff, so do we
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

/** Why a link found on a page is not crawled, or `undefined` when it is. */
export type LinkVerdict = 'not_http' | 'off_site' | 'not_a_page';

export function linkVerdict(normalized: string | undefined, start: string): LinkVerdict | undefined {
  if (normalized === undefined) return 'not_http';
  if (!isSameSite(normalized, start)) return 'off_site';
  if (!looksLikePage(normalized)) return 'not_a_page';
  return undefined;
}

/** The path and query a person reads in a list of pages of one site: `/product/mug?colour=red`. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}` || '/';
  } catch {
    return url;
  }
}
