import type { StoredCookie } from './types';

/** A cookie as the browser reported it being set: names, scope and expiry — its value is never kept. */
export type CookieSeen = Pick<StoredCookie, 'name' | 'domain' | 'path' | 'via' | 'at'> & {
  expires?: number;
  url?: string;
};

/**
 * One `Set-Cookie` header of a response to `url` (RFC 6265 §5.2), as a CookieSeen: the name, Domain (default: the
 * request's host), Path (default `/`) and expiry (Max-Age wins over Expires). The value is skipped unread. A header
 * without a name, or that deletes the cookie (an expiry in the past), is none.
 */
export function parseSetCookie(header: string, url: string, at: number): CookieSeen | undefined {
  const [pair, ...attributes] = header.split(';');
  const eq = pair!.indexOf('=');
  const name = (eq < 0 ? '' : pair!.slice(0, eq)).trim();
  if (!name || name.length > 256) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  const out: CookieSeen = { name, domain: host, path: '/', via: 'set_cookie', at, url };
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const i = attribute.indexOf('=');
    const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
    const value = i < 0 ? '' : attribute.slice(i + 1).trim();
    if (key === 'domain' && value) out.domain = value.replace(/^\./, '').toLowerCase();
    else if (key === 'path' && value.startsWith('/')) out.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires') {
      const t = Date.parse(value);
      if (Number.isFinite(t)) out.expires = t;
    }
  }
  if (maxAge !== undefined) out.expires = at + maxAge * 1000;
  if (out.expires !== undefined && out.expires <= at) return undefined;
  return out;
}
