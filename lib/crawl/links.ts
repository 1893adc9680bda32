// Links in a page's HTML, read without a browser: a sharded crawl still has to follow the links of pages
// another machine audits, and fetching their HTML is far cheaper than loading them with the extension.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
  '#x2F': '/',
  '#47': '/',
};

function unescapeAttr(value: string): string {
  return value.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
    const known = ENTITIES[name] ?? ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    const n = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : /^#/.test(name) ? parseInt(name.slice(1), 10) : NaN;
    return Number.isFinite(n) ? String.fromCodePoint(n) : all;
  });
}

const ATTR = /[\s/]href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/**
 * The absolute URLs of `<a href>` and `<area href>` in `html`, resolved against `<base href>` or the page URL;
 * in document order, repeats kept (the caller de-duplicates canonical URLs). Comments and scripts are skipped.
 */
export function extractLinks(html: string, pageUrl: string): string[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  let base = pageUrl;
  const baseTag = /<base\b[^>]*>/i.exec(text);
  const baseHref = baseTag ? ATTR.exec(baseTag[0]) : null;
  if (baseHref) {
    try {
      base = new URL(unescapeAttr(baseHref[1] ?? baseHref[2] ?? baseHref[3] ?? ''), pageUrl).toString();
    } catch {
      // a broken <base>: browsers fall back to the document URL, so do we
    }
  }
  const out: string[] = [];
  for (const tag of text.matchAll(/<(?:a|area)\b[^>]*>/gi)) {
    const m = ATTR.exec(tag[0]);
    if (!m) continue;
    const href = unescapeAttr((m[1] ?? m[2] ?? m[3] ?? '').trim());
    try {
      out.push(new URL(href, base).toString());
    } catch {
      // not a URL: a browser would not follow it either
    }
  }
  return out;
}
