import { describe, expect, it } from 'vitest';
import { parseAuditArgs, UsageError } from './args';

describe('parseAuditArgs', () => {
  it('reads URLs and every option', () => {
    expect(
      parseAuditArgs([
        'https://a.example/',
        'https://b.example/x',
        '--plan',
        'p.json',
        '--journey',
        'j.json',
        '--out',
        'r.json',
        '--html',
        'r.html',
        '--concurrency',
        '3',
        '--browser',
        '/opt/chrome',
        '--stub-vendors',
        '--settle',
        '500',
        '--timeout',
        '9000',
        '--endpoint',
        'sst.shop.example=ga4',
        '--endpoint',
        'https://shop.example/ingest/=posthog',
        '--all-goals',
      ]),
    ).toEqual({
      urls: ['https://a.example/', 'https://b.example/x'],
      plan: 'p.json',
      journey: 'j.json',
      out: 'r.json',
      html: 'r.html',
      concurrency: 3,
      browser: '/opt/chrome',
      stubVendors: true,
      settleMs: 500,
      timeoutMs: 9000,
      endpoints: [
        { host: 'sst.shop.example', path: '/', vendor: 'ga4' },
        { host: 'shop.example', path: '/ingest/', vendor: 'posthog' },
      ],
      crawl: false,
      maxPages: 100,
      perHost: 2,
      retries: 1,
      allGoals: true,
    });
  });

  it('reads the whole-site options', () => {
    expect(
      parseAuditArgs([
        'https://a.example/',
        '--crawl',
        '--max-pages',
        '300',
        '--per-host',
        '3',
        '--retries',
        '0',
        '--state',
        'st',
        '--shard',
        '2/4',
        '--baseline',
        'b.json',
        '--har-out',
        'o.har',
      ]),
    ).toMatchObject({
      crawl: true,
      maxPages: 300,
      perHost: 3,
      retries: 0,
      state: 'st',
      shard: { index: 2, count: 4, text: '2/4' },
      baseline: 'b.json',
      harOut: 'o.har',
    });
    expect(parseAuditArgs(['--har', 'c.har'])).toMatchObject({ har: 'c.har', urls: [] });
    expect(parseAuditArgs(['https://a.example/', '--consent', 'reject'])).toMatchObject({ consent: 'reject' });
    expect(parseAuditArgs(['https://a.example/', '--crawl', '--consent', 'accept'])).toMatchObject({
      consent: 'accept',
      crawl: true,
    });
  });

  it('has defaults for a bare run (the demo)', () => {
    expect(parseAuditArgs([])).toEqual({
      urls: [],
      concurrency: 2,
      stubVendors: false,
      endpoints: [],
      settleMs: 3000,
      timeoutMs: 30000,
      crawl: false,
      maxPages: 100,
      perHost: 2,
      retries: 1,
      allGoals: false,
    });
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
    [['https://a.example/', '--shard', '5/4'], /--shard: this machine's number must be from 1 to 4/],
    [['--crawl'], /--crawl needs a URL/],
    [['https://a.example/', '--crawl', '--journey', 'j.json'], /do not go together/],
    [['--har', 'c.har', 'https://a.example/'], /--har audits a recorded file/],
    [['https://a.example/', '--state', 'st'], /use it with --crawl/],
    [['https://a.example/', '--consent', 'no'], /--consent expects accept or reject, got "no"/],
    [['https://a.example/', '--journey', 'j.json', '--consent', 'reject'], /put a \{ "consent": "accept" \}/],
    [['--har', 'c.har', '--consent', 'reject'], /a HAR file has none to answer/],
    [['https://a.example/', '--crawl', '--retries', '9'], /--retries expects a whole number from 0 to 5/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(UsageError);
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});
