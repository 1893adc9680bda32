import { flatten, isRecord, parseJson, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Plausible: the script POSTs JSON to `https://plausible.io/api/event` — `{n: 'pageview' | <custom>, u: <url>,
// d: <site domain>, r: <referrer>, w: <width>, h: <hash mode>, p: <props>}` (`p` is a JSON string in older
// scripts, an object in newer ones; revenue rides as `$`/`revenue`). Self-hosted instances and first-party proxies
// use the same path on any host, so off plausible.io the body's shape (n and u) must confirm it.
// Libraries: `plausible.io/js/script*.js`, `plausible.io/js/plausible*.js`, `plausible.io/js/pa-<id>.js`.
// The site domain (`d`) is the account; a library URL does not name it (it is a data-domain attribute).

const NAMES: Readonly<Record<string, string>> = {
  u: 'page_url',
  r: 'referrer',
  w: 'screen_width',
  h: 'hash_mode',
  i: 'interactive',
  v: 'tracker_version',
};
const JS_SUFFIX = /\.js$/;
const HANDLED: ReadonlySet<string> = new Set(['n', 'd', 'p', '$', 'revenue']);

function isPlausibleHost(host: string): boolean {
  return host === 'plausible.io' || host.endsWith('.plausible.io');
}

function scriptFile(url: URL, path: string): string | undefined {
  if (!path.endsWith('.js')) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (file.startsWith('plausible.')) return file;
  if (isPlausibleHost(url.hostname) && path.startsWith('/js/')) return file;
  return undefined;
}

function props(value: unknown): Record<string, string> {
  if (isRecord(value)) return flatten(value);
  const parsed = typeof value === 'string' ? parseJson(value) : undefined;
  return isRecord(parsed) ? flatten(parsed) : {};
}

export const plausible: TagDecoder = {
  vendor: 'plausible',
  anyHost: true,
  // Off plausible.io: a proxied /api/event, a self-hosted plausible.*.js.
  pathMarks: /\/api\/event$|\/plausible\./,
  matches: (url, req) => {
    const path = url.pathname;
    if (path.endsWith('/api/event')) {
      if (isPlausibleHost(url.hostname)) return true;
      const body = req.body;
      return body !== undefined && body.includes('"n"') && body.includes('"u"');
    }
    return scriptFile(url, path) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    if (!url.pathname.endsWith('/api/event')) {
      const file = scriptFile(url, url.pathname);
      if (file === undefined) return [];
      const params: Record<string, string> = { script: file };
      // Each script extension (outbound-links, file-downloads, tagged-events, …) is a dot-separated part of the name.
      const extensions = file.replace(JS_SUFFIX, '').split('.').slice(1);
      if (extensions.length > 0) params.extensions = extensions.join(',');
      return [{ vendor: 'plausible', event: 'library_load', params }];
    }
    const json = parseJson(req.body);
    if (!isRecord(json)) {
      return [
        {
          vendor: 'plausible',
          params: {},
          partial: req.body ? 'the body is not a JSON object (truncated or not text)' : 'no request body',
        },
      ];
    }
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(json)) {
      if (HANDLED.has(key)) continue;
      const text = str(value);
      if (text !== undefined) params[NAMES[key] ?? key] = text;
    }
    const revenue = json.$ ?? json.revenue;
    if (isRecord(revenue)) flatten(revenue, 'revenue', params);
    Object.assign(params, props(json.p));
    return [{ vendor: 'plausible', event: str(json.n), account: str(json.d), params }];
  },
};
