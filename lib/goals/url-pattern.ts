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

const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
const REGEX_PATTERN = /^\/(.+)\/([dgimsuyv]*)$/s;
/** `scheme://host[:port]` with nothing after it but an optional `/`. */
const ORIGIN_PATTERN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]+\/?$/i;
const CACHE_MAX = 1_000;
/** A compiled pattern: a test of a URL. */
type Test = (url: string) => boolean;
const cache = new Map<string, Test>();

/** `/source/flags` → its parts, or undefined when the pattern is a glob. */
export function regexParts(pattern: string): { source: string; flags: string } | undefined {
  const m = REGEX_PATTERN.exec(pattern);
  return m ? { source: m[1]!, flags: m[2]! } : undefined;
}

const withoutScheme = (url: string): string => url.replace(SCHEME, '');
/** Where the path (with query and hash) starts after the scheme: the first `/`, `?` or `#` of the rest. */
const rest = (url: string): [string, number] => {
  const r = withoutScheme(url);
  return [r, r.search(/[/?#]/)];
};
/** The path, query and hash of a URL (or the URL itself when it is already a path). */
const pathOf = (url: string): string => {
  if (url.startsWith('/')) return url;
  const [r, at] = rest(url);
  return at === -1 ? '/' : r[at] === '/' ? r.slice(at) : `/${r.slice(at)}`;
};
/** `scheme://host[:port]` of a URL. */
const originOf = (url: string): string => {
  const scheme = SCHEME.exec(url);
  if (!scheme) return url;
  const [r, at] = rest(url);
  return scheme[0] + (at === -1 ? r : r.slice(0, at));
};

function compile(pattern: string, scope: boolean): Test {
  const regex = REGEX_PATTERN.exec(pattern);
  if (regex) {
    try {
      // `g` and `y` make RegExp#test stateful (lastIndex): meaningless for a yes/no match, and a bug source.
      const re = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ''));
      return (url) => re.test(url);
    } catch {
      return () => false;
    }
  }
  // Globs ignore case: the pattern and the part of the URL it is matched against are lower-cased.
  let glob = pattern.toLowerCase();
  let part = (url: string) => url;
  if (ORIGIN_PATTERN.test(pattern)) {
    if (glob.endsWith('/')) glob = glob.slice(0, -1);
    if (scope) part = originOf;
    else glob += '/';
  } else if (!SCHEME.test(pattern)) {
    if (pattern.startsWith('/') && !pattern.startsWith('//')) part = pathOf;
    else {
      part = withoutScheme;
      if (glob.startsWith('//')) glob = glob.slice(2);
    }
  }
  return (url) => globMatch(glob, part(url.toLowerCase()));
}

function compiled(pattern: string, scope: boolean): Test {
  const key = (scope ? 's' : 'u') + pattern;
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

/** Whether `url` matches a plan URL pattern (see the top of this file). An invalid regex matches nothing. */
export function matchUrlPattern(pattern: string, url: string): boolean {
  return compiled(pattern, false)(url);
}

/**
 * Whether a plan or goal `scope` admits `url`: absent or empty → everywhere. An entry that is only an
 * origin (`https://shop.example`, `https://*.shop.example`) admits every URL of that origin; any other
 * entry is a URL pattern.
 */
export function inScope(scope: readonly string[] | undefined, url: string): boolean {
  return !scope?.length || scope.some((pattern) => compiled(pattern, true)(url));
}
