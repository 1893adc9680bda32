import { describe, expect, it } from 'vitest';
import { firing, hit, newsletter, T0 } from '../audit/testing';
import type { Plan } from '../goals/types';
import type { StoredCookie } from '../store/types';
import { createAuditHandler, createAuditRequests, withReportHits, type AuditResponse } from './audit-request';
import { session } from './fixtures';
import { pageAudit, type PageAuditInput } from './page-audit';

const plans: Plan[] = [{ version: 1, name: 'Shop', goals: [newsletter] }];
const page = session({ url: 'https://shop.example/', title: 'Shop', startedAt: T0 - 10_000 });
const signup = firing('newsletter_signup', T0, { tabId: 7 });
const h1 = hit('ga4', 'page_view', T0 - 5_000, { id: 'h1', tabId: 7 });
const h2 = hit('ga4', 'sign_up', T0 + 50, { id: 'h2', tabId: 7 });
const h2Failed = { ...h2, status: 'failed' as const };
const h3 = hit('meta-pixel', 'Lead', T0 + 400, { id: 'h3', tabId: 7 });

const input = (hits: PageAuditInput['hits'], firings: PageAuditInput['firings'] = [signup]): PageAuditInput => ({
  session: page,
  hits,
  auditHits: hits,
  firings,
  signals: [],
});

/** The answer as the view sees it: the report's hits made again from what it sent. */
const restored = (answer: AuditResponse, sent: PageAuditInput): AuditResponse =>
  'audit' in answer ? { id: answer.id, audit: withReportHits(answer.audit, sent.auditHits) } : answer;

describe('the audit worker protocol', () => {
  // Each step: what the view holds now. The worker's audit must be the audit of exactly that.
  const steps: Array<[string, PageAuditInput]> = [
    ['the first audit', input([h1], [])],
    ['a goal fired and its hit arrived', input([h1, h2])],
    ['one more hit', input([h1, h2, h3])],
    ['a hit read again with its outcome', input([h1, h2Failed, h3])],
    ['the oldest dropped', input([h2Failed, h3])],
    ['a clear', input([], [])],
  ];

  it('sends only what changed, and the worker audits what the view holds', () => {
    const requests = createAuditRequests();
    const handle = createAuditHandler();
    const sentHits: number[] = [];
    steps.forEach(([, shown], i) => {
      const request = requests.request(i, plans, shown, T0 + 60_000);
      sentHits.push(request.lists.hits.tail.length);
      const answer = handle(request);
      expect('audit' in answer && answer.audit.audit.report.hits).toEqual([]); // not sent back
      expect(restored(answer, shown)).toEqual({ id: i, audit: pageAudit(plans, shown, T0 + 60_000) });
    });
    // 1, then 1 new, 1 new, 2 from the changed one on, 2 (the list starts differently), 0.
    expect(sentHits).toEqual([1, 1, 1, 2, 2, 0]);
  });

  it('starts over with whole lists after the worker failed, rather than audit a list it does not hold', () => {
    const requests = createAuditRequests();
    const handle = createAuditHandler();
    handle(requests.request(1, plans, input([h1, h2]), T0));
    // The worker restarted (it holds nothing) while the view still thinks it holds h1, h2.
    const lost = handle(createAuditRequests().request(2, plans, input([]), T0));
    expect(lost).toMatchObject({ id: 2 });
    const next = requests.request(3, plans, input([h1, h2, h3]), T0);
    const fresh = createAuditHandler();
    expect(fresh(next)).toMatchObject({ id: 3, error: expect.stringMatching(/keeps 2 items of a list of 0/) });
    requests.reset();
    const again = requests.request(4, plans, input([h1, h2, h3]), T0);
    expect(again.lists.hits).toEqual({ keep: 0, tail: [h1, h2, h3] });
    expect(restored(fresh(again), input([h1, h2, h3]))).toEqual({
      id: 4,
      audit: pageAudit(plans, input([h1, h2, h3]), T0),
    });
  });

  it('leaves the cookies out when the view did not read them, and sends them when it did', () => {
    const requests = createAuditRequests();
    const handle = createAuditHandler();
    const first = requests.request(1, plans, input([h1]), T0);
    expect(first.lists.cookies).toBeUndefined();
    expect(restored(handle(first), input([h1]))).toEqual({ id: 1, audit: pageAudit(plans, input([h1]), T0) });
    const cookie: StoredCookie = {
      id: `${page.id}|shop.example|/|_ga`,
      tabId: 7,
      sessionId: page.id,
      at: T0,
      name: '_ga',
      domain: 'shop.example',
      path: '/',
      via: 'cookie_store',
    };
    const withCookies = { ...input([h1]), cookies: [cookie] };
    const request = requests.request(2, plans, withCookies, T0);
    expect(request.lists.cookies).toEqual({ keep: 0, tail: [cookie] });
    expect(restored(handle(request), withCookies)).toEqual({ id: 2, audit: pageAudit(plans, withCookies, T0) });
  });
});

it("makes the report's hits again only when they are read, once, and puts them in its JSON", () => {
  const shown = input([h3, h1, h2]);
  const full = pageAudit(plans, shown, T0);
  const answer = createAuditHandler()(createAuditRequests().request(1, plans, shown, T0));
  if (!('audit' in answer)) throw new Error(answer.error);
  const view = withReportHits(answer.audit, shown.auditHits);
  const report = view.audit.report;
  expect(report.hits).toBe(report.hits); // made once
  expect(report.hits.map((h) => h.id)).toEqual(['h1', 'h2', 'h3']);
  expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(JSON.stringify(full.audit.report)));
});
