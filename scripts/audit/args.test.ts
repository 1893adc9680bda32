import { describe, expect, it } from 'vitest';
import { parseAuditArgs, UsageError } from './args';

describe('parseAuditArgs', () => {
  it('reads URLs and every option', () => {
    expect(
      parseAuditArgs(['https://a.example/', 'https://b.example/x', '--plan', 'p.json', '--journey', 'j.json', '--out', 'r.json', '--html', 'r.html', '--concurrency', '3', '--browser', '/opt/chrome', '--stub-vendors', '--settle', '500', '--timeout', '9000', '--endpoint', 'sst.shop.example=ga4', '--endpoint', 'https://shop.example/ingest/=posthog']),
    ).toEqual({
      urls: ['https://a.example/', 'https://b.example/x'], plan: 'p.json', journey: 'j.json', out: 'r.json', html: 'r.html',
      concurrency: 3, browser: '/opt/chrome', stubVendors: true, settleMs: 500, timeoutMs: 9000,
      endpoints: [{ host: 'sst.shop.example', path: '/', vendor: 'ga4' }, { host: 'shop.example', path: '/ingest/', vendor: 'posthog' }],
    });
  });

  it('has defaults for a bare run (the demo)', () => {
    expect(parseAuditArgs([])).toEqual({ urls: [], concurrency: 2, stubVendors: false, endpoints: [], settleMs: 3000, timeoutMs: 30000 });
  });

  it('answers help', () => expect(parseAuditArgs(['--help'])).toBe('help'));

  it.each([
    [['--concurency', '2'], /Unknown option '--concurency'.*--help/],
    [['--concurrency', '0'], /--concurrency expects a whole number from 1 to 16, got "0"/],
    [['--concurrency', 'lots'], /--concurrency expects a whole number/],
    [['shop.example'], /"shop.example" is not a URL. Give full URLs/],
    [['--plan'], /--plan/],
    [['--endpoint', 'sst.shop.example'], /--endpoint expects HOST\[\/PATH\]=VENDOR/],
    [['--endpoint', 'sst.shop.example=google'], /unknown vendor "google" \(expected one of ga4, /],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(UsageError);
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});
