import { describe, expect, it } from 'vitest';
import { buildReport } from '../audit/report';
import { T0 } from '../audit/testing';
import { hit } from '../audit/testing';
import {
  exportFile,
  exportHar,
  exportName,
  fileHost,
  fileStamp,
  withVisitFunnels,
  type ReportExportKind,
} from './export';

const report = buildReport({
  page: { url: 'https://shop.example:8443/checkout?step=2', title: 'Checkout' },
  plan: { version: 1, name: 'Shop', goals: [] },
  sessions: [],
  firings: [],
  hits: [],
  results: [],
  findings: [],
  generatedAt: T0,
});

// The stamp is the viewer's local time: built here from local parts so the test holds in any time zone.
const local = new Date(T0);
const pad = (n: number) => String(n).padStart(2, '0');
const STAMP = `${local.getFullYear()}${pad(local.getMonth() + 1)}${pad(local.getDate())}-${pad(local.getHours())}${pad(local.getMinutes())}`;

it('stamps files with the local date and time, to the minute', () => expect(fileStamp(T0)).toBe(STAMP));

it.each([
  ['https://shop.example/', 'shop.example'],
  ['https://Shop.Example:8443/x', 'shop.example-8443'],
  ['http://localhost:5173/', 'localhost-5173'],
  ['http://[::1]:8080/', '1-8080'],
  ['about:blank', 'page'],
  ['not a url', 'page'],
])('%s → %s in the file name', (url, host) => expect(fileHost(url)).toBe(host));

describe('exportFile', () => {
  it.each<[ReportExportKind, string, string]>([
    ['json', `tagwatch-report-shop.example-8443-${STAMP}.json`, 'application/json'],
    ['csv-hits', `tagwatch-hits-shop.example-8443-${STAMP}.csv`, 'text/csv'],
    ['csv-goals', `tagwatch-goals-shop.example-8443-${STAMP}.csv`, 'text/csv'],
    ['markdown', `tagwatch-report-shop.example-8443-${STAMP}.md`, 'text/markdown'],
  ])('%s is named %s', (kind, name, mime) => {
    expect(exportName(report, kind)).toBe(name);
    expect(exportFile(report, kind)).toMatchObject({ name, mime });
  });

  it('writes the JSON report exactly as it is', () => {
    expect(JSON.parse(exportFile(report, 'json').text)).toEqual(report);
  });

  it.each<[ReportExportKind, string]>([
    ['csv-hits', 'id,time,vendor,event,account,status,error,url,params,partial\r\n'],
    ['csv-goals', 'goal_id,goal_name,fired_at,element,vendor,event,status,hit_id,reason,owned_by\r\n'],
    ['markdown', '# Tracking audit: Checkout\n'],
  ])('writes %s in its human form', (kind, start) =>
    expect(exportFile(report, kind).text.startsWith(start)).toBe(true),
  );
});

describe('withVisitFunnels', () => {
  const funnel = {
    id: 'checkout',
    name: 'Checkout',
    steps: [{ goal: 'purchase', name: 'Purchase', reached: true, tracked: true, at: T0 }],
  };
  it('adds the visit’s funnels to the page’s report, for every export of it', () => {
    const withFunnels = withVisitFunnels(report, [funnel]);
    expect(withFunnels.funnels).toEqual([funnel]);
    expect(JSON.parse(exportFile(withFunnels, 'json').text).funnels).toEqual([funnel]);
    expect(exportFile(withFunnels, 'markdown').text).toContain('**Checkout** — 1 of 1 steps reached');
    // The report the popup holds is not changed.
    expect(report.funnels).toBeUndefined();
  });
  it.each([[undefined], [[]]])('leaves the report as it is without funnels (%j)', (funnels) =>
    expect(withVisitFunnels(report, funnels)).toBe(report),
  );
});

it('exports the page’s tag requests as HAR 1.2, this page’s only', () => {
  const session = {
    id: 's1',
    tabId: 1,
    url: 'https://shop.example:8443/checkout?step=2',
    startedAt: T0,
    navigations: [],
  };
  const hits = [
    hit('ga4', 'page_view', T0 + 10, { sessionId: 's1' }),
    hit('meta-pixel', 'PageView', T0 + 20, { sessionId: 'older-page' }),
  ];
  const file = exportHar(report, session, hits, '1.2.3');
  expect(file).toMatchObject({ name: `tagwatch-tags-shop.example-8443-${STAMP}.har`, mime: 'application/json' });
  const har = JSON.parse(file.text) as {
    log: { version: string; creator: { version: string }; entries: Array<{ request: { url: string } }> };
  };
  expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'Tagwatch', version: '1.2.3' } });
  expect(har.log.entries.map((e) => e.request.url)).toEqual([hits[0]!.url]);
});
