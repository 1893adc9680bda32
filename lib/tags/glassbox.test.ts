import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Shapes from Glassbox's web tag installation (the detector-dom.min.js script tag and its data-clsconfig reportURI).
const APP = 'e9d834e4-f152-3375-9a1b-0c2d3e4f5a6b';

describe('glassbox', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'detector',
      { url: 'https://cdn.gbqofs.com/acme/p/detector-dom.min.js' },
      { event: 'library_load', account: 'acme', params: { environment: 'p', script: 'detector-dom.min.js' } },
    ],
    [
      'session report',
      { url: `https://report.acme.gbqofs.io/reporting/${APP}/cls_report`, method: 'POST', body: '\u0000\u0001binary' },
      { event: 'recording', account: 'acme', params: { application_id: APP } },
    ],
    [
      'session report under a path prefix',
      { url: `https://report.acme-pov.gbqofs.io/rcqgqx3o/reporting/${APP}/cls_report?_cls_s=1`, method: 'POST' },
      { event: 'recording', account: 'acme-pov', params: { application_id: APP } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'glassbox', ...want }));

  it.each<HitRequest>([
    { url: 'https://cdn.gbqofs.com/sv/a/cls_worker.js' },
    { url: `https://report.acme.gbqofs.io/reporting/${APP}/config` },
    { url: `https://shop.example/reporting/${APP}/cls_report`, method: 'POST' },
  ])('does not read $url as a Glassbox hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'glassbox')).toEqual([]),
  );
});
