import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHashed, personalField, scanParam, scanValue, type PiiEncoding, type PiiKind } from './pii';

const b64 = (text: string): string => btoa(text);
const b64url = (text: string): string => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const SHA = 'a'.repeat(32) + '0123456789abcdef0123456789abcdef';

describe('scanValue finds', () => {
  it.each<[string, string, PiiKind, PiiEncoding, string]>([
    ['a plain email', 'jane.doe@example.com', 'email', 'raw', 'j•••@example.com'],
    [
      'an email in a page URL',
      'https://shop.example/thanks?email=jane@example.co.uk&x=1',
      'email',
      'raw',
      'j•••@example.co.uk',
    ],
    [
      'a URL-encoded email',
      'https%3A%2F%2Fshop.example%2F%3Femail%3Djane%40example.com',
      'email',
      'url-encoded',
      'j•••@example.com',
    ],
    ['a twice URL-encoded email', 'email%3Djane%2540example.com', 'email', 'url-encoded', 'j•••@example.com'],
    ['a plus-addressed email', 'jane+news@example.com', 'email', 'raw', 'j•••@example.com'],
    ['a base64 email', b64('jane@example.com'), 'email', 'base64', 'j•••@example.com'],
    [
      'a base64 form inside a URL',
      `https://shop.example/?state=${b64('{"email":"jane@example.com","plan":"pro"}')}`,
      'email',
      'base64',
      'j•••@example.com',
    ],
    [
      'a JWT payload (base64url)',
      `eyJhbGciOiJIUzI1NiJ9.${b64url('{"sub":"1","email":"jane@example.com"}')}.sig`,
      'email',
      'base64',
      'j•••@example.com',
    ],
    ['E.164', '+4915112345678', 'phone', 'raw', '+49•••78'],
    ['E.164 with spaces', 'call +44 20 7946 0958 now', 'phone', 'raw', '+44•••58'],
    ['E.164 US with parentheses', '+1 (555) 123-4567', 'phone', 'raw', '+15•••67'],
    ['E.164 URL-encoded', 'phone=%2B33612345678', 'phone', 'url-encoded', '+33•••78'],
    ['a US national number', '(555) 123-4567', 'phone', 'raw', '55•••67'],
    ['a US number with dashes', 'tel 555-123-4567', 'phone', 'raw', '55•••67'],
    ['a US number with dots', '555.123.4567', 'phone', 'raw', '55•••67'],
    ['a French number', '06 12 34 56 78', 'phone', 'raw', '06•••78'],
    ['a UK number', '020 7946 0958', 'phone', 'raw', '02•••58'],
    ['a German mobile', '0151-12345678', 'phone', 'raw', '01•••78'],
    ['a base64 phone', b64('+4915112345678'), 'phone', 'base64', '+49•••78'],
  ])('%s', (_, value, kind, encoding, sample) => expect(scanValue(value)).toEqual({ kind, encoding, sample }));
});

describe('scanValue leaves alone', () => {
  it.each([
    ['a millisecond timestamp', '1763884800123'],
    ['a GA client id', '123456789.1763884800'],
    ['a GA session id', '1763884800'],
    ['a GA cookie', 'GA1.1.123456789.1763884800'],
    ['a SHA-256 hash (Meta ud[em])', SHA],
    ['a list of hashes', `["${SHA}","${SHA}"]`],
    ['a retina image', 'https://cdn.example/logo@2x.png'],
    ['an npm-style version', 'library@1.2.3'],
    ['a date', '01.02.2025'],
    ['a date and a time', '01.02.2025 10:42:03'],
    ['an ISO date', '2025-11-23T10:42:03.123Z'],
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a price', '0.99'],
    ['an IP address', '192.168.100.200'],
    ['a coordinate', '+48.856614'],
    ['a screen size', '1920x1080'],
    ['a dashed order id', 'ORD-2025-123456'],
    ['a long digit run', '4915112345678'],
    ['a fbp cookie', 'fb.1.1763884800123.1234567890'],
    ['a plain word in base64 alphabet', 'newsletter_signup_form'],
    ['a path', '/products/blue-shirt/size-42'],
    ['a GA4 gcd', '13r3r3r3r5l1'],
    ['an empty value', ''],
  ])('%s', (_, value) => expect(scanValue(value)).toBeUndefined());

  it('can skip phone numbers', () => expect(scanValue('+44 20 7946 0958', { phones: false })).toBeUndefined());
});

describe('personalField', () => {
  it.each<[string, string | undefined]>([
    ['email', 'email address'],
    ['user.email', 'email address'],
    ['ep.Email', 'email address'],
    ['phone_number', 'phone number'],
    ['first_name', 'first name'],
    ['firstName', 'first name'],
    ['context.user.lastName', 'last name'],
    ['address', 'postal address'],
    ['user_data.em', 'email address'],
    ['ud[ph]', 'phone number'],
    ['user_data.fn', 'first name'],
    ['em', undefined],
    ['items.0.item_name', undefined],
    ['name', undefined],
    ['event_name', undefined],
    ['ip_address', undefined],
    ['email_hash', undefined],
    ['page_location', undefined],
  ])('%s', (key, want) => expect(personalField(key)).toBe(want));
});

describe('scanParam', () => {
  it.each<[string, string, string, PiiKind | undefined]>([
    ['a first name in clear', 'first_name', 'Jane', 'personal_field'],
    ['a last name in clear (Meta user data)', 'user_data.ln', 'doe', 'personal_field'],
    ['a hashed email (Meta user data)', 'user_data.em', SHA, undefined],
    ['a raw email in Meta user data', 'user_data.em', 'jane@example.com', 'email'],
    ['an empty personal field', 'email', '', undefined],
    ['a flag, not a value', 'email', 'true', undefined],
    ['a mask', 'phone', '*****', undefined],
    ['undefined as text', 'first_name', 'undefined', undefined],
    ['an address', 'address', '12 Rue de Rivoli', 'personal_field'],
    ['a shop phone in the page title is not personal', 'page_title', 'Contact us: +44 20 7946 0958', undefined],
    ["a tel: link is the shop's", 'link_url', 'tel:+442079460958', undefined],
    ['a phone in the page URL is', 'page_location', 'https://shop.example/?phone=%2B442079460958', 'phone'],
    ['an email in the page title is', 'page_title', 'Reset password for jane@example.com', 'email'],
    ['an ordinary param', 'currency', 'EUR', undefined],
  ])('%s', (_, key, value, want) => expect(scanParam(key, value)?.kind).toBe(want));

  it('says what the field holds and hides the value', () =>
    expect(scanParam('firstName', 'Jane')).toEqual({
      kind: 'personal_field',
      encoding: 'raw',
      sample: 'J•••',
      field: 'first name',
    }));
});

describe('isHashed', () => {
  it.each<[string, boolean]>([
    [SHA, true],
    [SHA.toUpperCase(), true],
    [`["${SHA}"]`, true],
    ['abc', false],
    [`${SHA}x`, false],
    ['', false],
  ])('%s', (value, want) => expect(isHashed(value)).toBe(want));
});

describe('scanValue (properties)', () => {
  it('never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        scanValue(value);
        scanParam('email', value);
      }),
    );
  });

  it('never reads a digit run, a GA client id or a timestamp as a phone number', () => {
    const digitsArb = fc.bigInt({ min: 0n, max: 10n ** 16n }).map(String);
    fc.assert(
      fc.property(
        digitsArb,
        fc.integer({ min: 100_000_000, max: 2_147_483_647 }),
        fc.integer({ min: 1_500_000_000, max: 1_900_000_000 }),
        (run, cid, ts) => {
          expect(scanValue(run)).toBeUndefined();
          expect(scanValue(`${cid}.${ts}`)).toBeUndefined();
          expect(scanValue(`GA1.1.${cid}.${ts}`)).toBeUndefined();
          expect(scanValue(`${ts}123`)).toBeUndefined();
        },
      ),
    );
  });

  it('never reports a SHA-256 hash', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (sha) => {
        expect(scanParam('user_data.em', sha)).toBeUndefined();
      }),
    );
  });
});
