// Personal data in a tag hit: email addresses, phone numbers, and personal fields (`first_name=Jane`) that reach
// an ad or analytics vendor in clear. Values are looked at raw, URL-decoded and base64-decoded (a JWT or a
// `btoa(JSON.stringify(form))` in a parameter is a common leak). SHA-256 hashes are what vendors ask for
// (Meta's `ud[em]`, TikTok's `email`): they are not personal data here.
//
// Phone numbers are the hard part: ids and timestamps are digits too. A number counts only when it looks
// written for people: `+` and a country code, or a national number with separators (`06 12 34 56 78`,
// `(555) 123-4567`). Bare digit runs (`1763884800123`, GA's `123456789.1763884800`) never do.

export type PiiKind = 'email' | 'phone' | 'personal_field';
export type PiiEncoding = 'raw' | 'url-encoded' | 'base64';

export interface PiiMatch {
  kind: PiiKind;
  encoding: PiiEncoding;
  /** The value with most of it hidden (`j•••@example.com`): findings must not copy the leak. */
  sample: string;
  /** For personal_field: what the field holds, in words (`first name`). */
  field?: string;
}

// Compiled once: the check runs on every param of every hit.
// An address is found from its `@` outwards, not by a regex over the whole value: a scan from every start position
// is quadratic on long values (a page URL can be kilobytes).
const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,24})(?![A-Za-z0-9-])/;
const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;
/** `logo@2x.png` is a retina image, not an address. */
const FILE_TLDS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'avif',
  'ico',
  'js',
  'mjs',
  'css',
  'map',
  'json',
  'html',
  'htm',
  'php',
  'pdf',
  'woff',
  'woff2',
]);
const E164 = /(?<![\w+.\-/])\+[1-9][\d ().\-/]{6,22}\d(?![\w]|[.\-/]\d)/g;
const US = /(?<![\w.\-/+])(?:\(\d{3}\) ?\d{3}-\d{4}|\d{3}([ .-])\d{3}\1\d{4})(?![\w]|[.\-/]\d)/;
const NATIONAL = /(?<![\w.\-/+])0[1-9]\d{0,4}(?:[ .\-/]\d{2,8}){1,4}(?![\w]|[.\-/]\d)/g;
const BASE64_TOKEN = /[A-Za-z0-9+/_-]{8,}={0,2}/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
const SHA256 = /^[a-f0-9]{64}$/i;
const NOT_HEX_LIST = /[\s"'[\],]+/g;
const TRIVIAL = new Set([
  '',
  'undefined',
  'null',
  'none',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'n/a',
  'na',
  'redacted',
  '[redacted]',
  'unknown',
]);
const MAX_SCAN = 8_192;

/** A SHA-256 hex digest, or a list of them (`["ab…", "cd…"]`). */
export function isHashed(value: string): boolean {
  const parts = value.split(NOT_HEX_LIST).filter(Boolean);
  return parts.length > 0 && parts.every((p) => SHA256.test(p));
}

function digits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function separators(text: string): Set<string> {
  return new Set(text.replace(/[\d()+]/g, '').split(''));
}

/** `+44 20 7946 0958`, `+4915112345678`, `+1 (555) 123-4567`: 8 to 15 digits, one kind of separator. */
function plausibleE164(candidate: string): boolean {
  const n = digits(candidate);
  if (n < 8 || n > 15) return false;
  const seps = separators(candidate);
  seps.delete(' ');
  if (seps.size > 1) return false;
  // `+48.856614` is a coordinate: dotted numbers are phones only in short groups.
  if (seps.has('.') && candidate.split(/[^\d]+/).some((g) => g.length > 4)) return false;
  return true;
}

/** `06 12 34 56 78`, `020 7946 0958`, `0151-12345678`: 9 to 12 digits, one kind of separator throughout. */
function plausibleNational(candidate: string): boolean {
  const n = digits(candidate);
  if (n < 9 || n > 12) return false;
  return separators(candidate).size === 1;
}

function firstPhone(text: string): string | undefined {
  for (const m of text.matchAll(E164)) if (plausibleE164(m[0])) return m[0];
  const us = US.exec(text);
  if (us) return us[0];
  for (const m of text.matchAll(NATIONAL)) if (plausibleNational(m[0])) return m[0];
  return undefined;
}

function firstEmail(text: string): string | undefined {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && EMAIL_LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at) continue;
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 1 + MAX_DOMAIN));
    if (!domain || FILE_TLDS.has(domain[1]!.toLowerCase())) continue;
    return text.slice(start, at + 1) + domain[0];
  }
  return undefined;
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

export function maskPhone(phone: string): string {
  const compact = phone.replace(/[^\d+]/g, '');
  return `${compact.slice(0, compact.startsWith('+') ? 3 : 2)}•••${compact.slice(-2)}`;
}

export function maskValue(value: string): string {
  return value.length <= 1 ? '•••' : `${value.slice(0, 1)}•••`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Printable text decoded from a base64 or base64url token, or undefined when it decodes to bytes. */
function fromBase64(token: string): string | undefined {
  let b64 = token.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (b64.length % 4 === 1) return undefined;
  b64 += '='.repeat((4 - (b64.length % 4)) % 4);
  let text: string;
  try {
    text = UTF8.decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return undefined; // not base64, or bytes that are not UTF-8 text
  }
  if (text.length === 0) return undefined;
  const control = text.match(CONTROL)?.length ?? 0;
  return control / text.length <= 0.1 ? text : undefined;
}

interface ScanOptions {
  /** Look for phone numbers too (off where a business's own number is normal: page titles, link texts). */
  phones: boolean;
}

function scanText(text: string, encoding: PiiEncoding, options: ScanOptions): PiiMatch | undefined {
  const email = firstEmail(text);
  if (email) return { kind: 'email', encoding, sample: maskEmail(email) };
  if (options.phones) {
    const phone = firstPhone(text);
    if (phone) return { kind: 'phone', encoding, sample: maskPhone(phone) };
  }
  return undefined;
}

/** The first email address or phone number in a value, raw, URL-encoded or base64-encoded. */
export function scanValue(value: string, options: ScanOptions = { phones: true }): PiiMatch | undefined {
  const text = value.length > MAX_SCAN ? value.slice(0, MAX_SCAN) : value;
  if (isHashed(text)) return undefined;
  const raw = scanText(text, 'raw', options);
  if (raw) return raw;
  if (text.includes('%')) {
    // Twice: a URL inside a URL parameter arrives encoded twice (`%2540`).
    const once = safeDecode(text);
    const twice = once.includes('%') ? safeDecode(once) : once;
    const decoded = scanText(twice, 'url-encoded', options);
    if (decoded) return decoded;
  }
  for (const m of text.matchAll(BASE64_TOKEN)) {
    const decoded = fromBase64(m[0]);
    if (decoded === undefined) continue;
    const found = scanText(safeDecode(decoded), 'base64', options);
    if (found) return found;
  }
  return undefined;
}

// Field names that hold a person's data, by their last segment, snake_cased and lowercased.
const PERSONAL_FIELDS: Readonly<Record<string, string>> = {
  email: 'email address',
  e_mail: 'email address',
  email_address: 'email address',
  emailaddress: 'email address',
  mail: 'email address',
  phone: 'phone number',
  phone_number: 'phone number',
  phonenumber: 'phone number',
  tel: 'phone number',
  telephone: 'phone number',
  mobile: 'phone number',
  mobile_phone: 'phone number',
  mobile_number: 'phone number',
  cell: 'phone number',
  first_name: 'first name',
  firstname: 'first name',
  fname: 'first name',
  given_name: 'first name',
  last_name: 'last name',
  lastname: 'last name',
  lname: 'last name',
  surname: 'last name',
  family_name: 'last name',
  full_name: 'full name',
  fullname: 'full name',
  address: 'postal address',
  street: 'postal address',
  street_address: 'postal address',
  address1: 'postal address',
  address_1: 'postal address',
  address_line1: 'postal address',
  address_line_1: 'postal address',
  home_address: 'postal address',
  shipping_address: 'postal address',
  billing_address: 'postal address',
  birthday: 'date of birth',
  birthdate: 'date of birth',
  date_of_birth: 'date of birth',
  dob: 'date of birth',
  ssn: 'social security number',
};

// Meta's (and Pinterest's) short user-data keys, personal only under a user-data prefix.
const USER_DATA_FIELDS: Readonly<Record<string, string>> = {
  em: 'email address',
  ph: 'phone number',
  fn: 'first name',
  ln: 'last name',
  db: 'date of birth',
  ct: 'city',
  st: 'state',
  zp: 'postal code',
  ge: 'gender',
};

/** `user_data.em` → [`user_data`, `em`]; `ud[em]` → [`ud`, `em`]; `context.user.firstName` → […, `first_name`]. */
function segments(key: string): string[] {
  return key
    .replace(/\]/g, '')
    .split(/[.[]/)
    .map((s) =>
      s
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/[\s-]+/g, '_')
        .toLowerCase(),
    );
}

/** What a param of this name holds when it is a personal field (`first name`), else undefined. */
export function personalField(key: string): string | undefined {
  const parts = segments(key);
  const last = parts[parts.length - 1] ?? '';
  if (Object.hasOwn(PERSONAL_FIELDS, last)) return PERSONAL_FIELDS[last];
  const parent = parts[parts.length - 2];
  if ((parent === 'user_data' || parent === 'ud' || parent === 'pd') && Object.hasOwn(USER_DATA_FIELDS, last))
    return USER_DATA_FIELDS[last];
  return undefined;
}

/** Keys whose values are a site's own words, where its own phone number is normal. */
const NO_PHONE_KEYS = /title|text|label|link/i;

function meaningful(value: string): boolean {
  const trimmed = value.trim();
  if (TRIVIAL.has(trimmed.toLowerCase())) return false;
  if (/^[*x•.\-_\s]+$/i.test(trimmed)) return false; // a mask like ***** or xxx
  return (trimmed.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;
}

// The same params recur in every hit of a page (page_location, client_id, …) and the badge re-audits the page
// after each burst: remembering answers turns most scans into one lookup. Bounded; cleared when full.
const SCANNED = new Map<string, PiiMatch | null>();
const SCANNED_MAX = 20_000;

/** Personal data in one param: an address or number in its value, or a personal field with a clear value. */
export function scanParam(key: string, value: string): PiiMatch | undefined {
  if (!value) return undefined;
  const memo = `${key}\u0000${value}`;
  const known = SCANNED.get(memo);
  if (known !== undefined) return known ?? undefined;
  const found = scanParamUncached(key, value);
  if (SCANNED.size >= SCANNED_MAX) SCANNED.clear();
  SCANNED.set(memo, found ?? null);
  return found;
}

function scanParamUncached(key: string, value: string): PiiMatch | undefined {
  const found = scanValue(value, { phones: !NO_PHONE_KEYS.test(key) && !value.startsWith('tel:') });
  if (found) return found;
  const field = personalField(key);
  if (field && meaningful(value) && !isHashed(value))
    return { kind: 'personal_field', encoding: 'raw', sample: maskValue(value), field };
  return undefined;
}
