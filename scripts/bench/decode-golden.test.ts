import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '../../lib/tags';
import { decoderCorpus, nonTagCorpus } from './corpus';

// The decoders' output on the bench corpus and on the requests of the vendors' unit tables, recorded before they
// were made faster: a speed-up must not change a single decoded field. Each vendor's own table tests what its hits
// mean; this pins every field they carry. The table requests (decode-golden-requests.json) are those the
// lib/tags/*.test.ts tables handed decodeRequest, at most forty per host, bodies up to 4 KiB.
// After a deliberate change of output, rewrite it with `GOLDEN=write npx vitest run scripts/bench/decode-golden.test.ts`
// and review the diff.
const FILE = fileURLToPath(new URL('./decode-golden.json', import.meta.url));
const TABLE_REQUESTS = fileURLToPath(new URL('./decode-golden-requests.json', import.meta.url));

describe('decoder output on the bench corpus and the unit tables’ requests', () => {
  const tables = JSON.parse(readFileSync(TABLE_REQUESTS, 'utf8')) as HitRequest[];
  const requests = [...decoderCorpus(2), ...nonTagCorpus(10), ...tables];
  const decoded = requests.map((req) => ({ url: req.url, hits: decodeRequest(req) }));

  // One entry a line: a change shows as the lines of the requests it touched.
  if (process.env.GOLDEN === 'write')
    writeFileSync(FILE, `[\n${decoded.map((d) => JSON.stringify(d)).join(',\n')}\n]\n`);

  it('is what it was when recorded, hit for hit and field for field', () => {
    const golden = JSON.parse(readFileSync(FILE, 'utf8')) as typeof decoded;
    expect(decoded.length).toBe(golden.length);
    for (let i = 0; i < golden.length; i++) expect(decoded[i], golden[i]!.url).toEqual(golden[i]);
  });

  it('covers every vendor of the corpus with events, not just library loads', () => {
    const corpus = decoded.slice(0, requests.length - tables.length);
    const vendors = new Set(
      corpus.flatMap((d) => d.hits.filter((h) => h.event !== 'library_load').map((h) => h.vendor)),
    );
    expect([...vendors].sort()).toEqual([
      'adobe-analytics',
      'adobe-web-sdk',
      'amplitude',
      'at-internet',
      'braze',
      'comscore',
      'ga4',
      'google-ads',
      'linkedin',
      'matomo',
      'meta-pixel',
      'microsoft-uet',
      'optimizely',
      'pinterest',
      'piwik-pro',
      'plausible',
      'posthog',
      'reddit',
      'segment',
      'taboola',
      'the-trade-desk',
      'tiktok',
      'vwo',
    ]);
  });

  it('covers every decoder of the registry through the unit tables’ requests', async () => {
    const { DECODERS } = await import('../../lib/tags/registry');
    const vendors = new Set(decoded.flatMap((d) => d.hits.map((h) => h.vendor)));
    expect(DECODERS.map((d) => d.vendor).filter((v) => !vendors.has(v))).toEqual([]);
  });
});
