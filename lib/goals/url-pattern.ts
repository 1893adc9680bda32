// URL patterns of the tracking plan: globs (`*` any run of characters, `?` one character) or `/regex/flags`.
// The content script runs these on every navigation, so each pattern is compiled once and cached.
//
// Where a glob is matched depends on how it starts:
//   `https://shop.example/checkout*`  has a scheme   → the full URL
//   `/checkout*`                      starts with / → the path, query and hash (any host)
//   `*/checkout*`, `shop.example/*`   anything else → the URL without its scheme (`shop.example/checkout?x=1`)
//   `https://shop.example`            no path       → that origin's home page
// A pattern that starts with `/` and ends with `/` and optional flags is a regex: `/checkout/` is the regex
// "checkout" (anywhere in the URL); the path glob for that folder is `/checkout/*`.
// Globs ignore case (marketers type `*/Thank-You*`); a regex has its own flags. Globs are matched by a
// two-pointer scan, not a RegExp, so a pattern full of `*` cannot backtrack for ever on a long URL.

type Compiled =
  | { type: 'regex'; re: RegExp }
  | { type: 'glob'; mode: 'full' | 'path' | 'no-scheme' | 'origin'; glob: string }
  | { type: 'never' };

const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
const REGEX_PATTERN = /^\/(.+)\/([dgimsuyv]*)$/s;
/** `scheme://host[:port]` with nothing after it but an optional `/`. */
const ORIGIN_PATTERN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]+\/?$/i;
const CACHE_MAX = 1_000;
const cache = new Map<string, Compiled>();

/** `/source/flags` → its parts, or undefined when the pattern is a glob. */
export function regexParts(pattern: string): { source: string; flags: string } | undefined {
  const m = REGEX_PATTERN.exec(pattern);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

function compile(pattern: string, scope: boolean): Compiled {
  const regex = regexParts(pattern);
  if (regex) {
    try {
      // `g` and `y` make RegExp#test stateful (lastIndex): meaningless for a yes/no match, and a bug source.
      return { type: 'regex', re: new RegExp(regex.source, regex.flags.replace(/[gy]/g, '')) };
    } catch {
      return { type: 'never' };
    }
  }
  const glob = pattern.toLowerCase();
  if (ORIGIN_PATTERN.test(pattern)) {
    const origin = glob.endsWith('/') ? glob.slice(0, -1) : glob;
    return scope ? { type: 'glob', mode: 'origin', glob: origin } : { type: 'glob', mode: 'full', glob: `${origin}/` };
  }
  if (SCHEME.test(pattern)) return { type: 'glob', mode: 'full', glob };
  if (pattern.startsWith('/') && !pattern.startsWith('//')) return { type: 'glob', mode: 'path', glob };
  return { type: 'glob', mode: 'no-scheme', glob: glob.startsWith('//') ? glob.slice(2) : glob };
}

function compiled(pattern: string, scope: boolean): Compiled {
  const key = scope ? `s${pattern}` : `u${pattern}`;
  let c = cache.get(key);
  if (!c) {
    if (cache.size >= CACHE_MAX) cache.clear();
    c = compile(pattern, scope);
    cache.set(key, c);
  }
  return c;
}

/** Classic `*` / `?` glob match, O(pattern × text) at worst, linear on the usual patterns. */
export function globMatch(glob: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = glob[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === text[t])) {
      p++;
      t++;
    } else if (c === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (glob[p] === '*') p++;
  return p === glob.length;
}

function withoutScheme(url: string): string {
  const m = SCHEME.exec(url);
  return m ? url.slice(m[0].length) : url;
}

/** The part of the URL a glob of this mode is matched against (lower-cased: globs ignore case). */
function subject(mode: 'full' | 'path' | 'no-scheme' | 'origin', url: string): string {
  const lower = url.toLowerCase();
  switch (mode) {
    case 'full':
      return lower;
    case 'no-scheme':
      return withoutScheme(lower);
    case 'path': {
      if (lower.startsWith('/')) return lower;
      const rest = withoutScheme(lower);
      const at = rest.search(/[/?#]/);
      return at === -1 ? '/' : rest[at] === '/' ? rest.slice(at) : `/${rest.slice(at)}`;
    }
    case 'origin': {
      const scheme = SCHEME.exec(lower);
      if (!scheme) return lower;
      const rest = lower.slice(scheme[0].length);
      const at = rest.search(/[/?#]/);
      return scheme[0] + (at === -1 ? rest : rest.slice(0, at));
    }
  }
}

function test(c: Compiled, url: string): boolean {
  switch (c.type) {
    case 'never':
      return false;
    case 'regex':
      return c.re.test(url);
    case 'glob':
      return globMatch(c.glob, subject(c.mode, url));
  }
}

/** Whether `url` matches a plan URL pattern (see the top of this file). An invalid regex matches nothing. */
export function matchUrlPattern(pattern: string, url: string): boolean {
  return test(compiled(pattern, false), url);
}

/**
 * Whether a plan or goal `scope` admits `url`: absent or empty → everywhere. An entry that is only an
 * origin (`https://shop.example`, `https://*.shop.example`) admits every URL of that origin; any other
 * entry is a URL pattern.
 */
export function inScope(scope: readonly string[] | undefined, url: string): boolean {
  if (!scope || scope.length === 0) return true;
  for (const pattern of scope) if (test(compiled(pattern, true), url)) return true;
  return false;
}
