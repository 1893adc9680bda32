import { describe, expect, it } from 'vitest';
import { auditTab } from '../audit/audit-tab';
import type { StoredCookie, StoredSignal } from '../store/types';
import { reportToHtml } from '../audit/html-report';
import { consentView } from './consent';
import { session } from './fixtures';

describe('consentView', () => {
  const s = session();
  const t = s.startedAt;
  const signal = (at: number, source: 'gcm_default' | 'gcm_update', data: object): StoredSignal =>
    ({
      id: `e${at}`,
      sessionId: s.id,
      tabId: s.tabId,
      frameId: 0,
      at,
      kind: 'consent',
      source,
      data: JSON.stringify(data),
    }) as StoredSignal;
  const cookie = (name: string, at: number, expires?: number): StoredCookie => ({
    id: `${s.id}|shop.example|/|${name}`,
    sessionId: s.id,
    tabId: s.tabId,
    at,
    name,
    domain: 'shop.example',
    path: '/',
    via: 'cookie_store',
    ...(expires ? { expires } : {}),
  });

  it('lists the answers in order and the cookies, flagging those set before consent', () => {
    const { report, findings } = auditTab(
      [],
      {
        sessions: [s],
        hits: [],
        firings: [],
        signals: [
          signal(t + 100, 'gcm_default', { ad_storage: 'denied', analytics_storage: 'denied', wait_for_update: 500 }),
          signal(t + 2_000, 'gcm_update', { ad_storage: 'granted', analytics_storage: 'granted' }),
        ],
        cookies: [
          cookie('_fbp', t + 300, t + 300 + 90 * 86_400_000),
          cookie('_ga', t + 2_500, t + 2_500 + 400 * 86_400_000),
          cookie('cart', t + 400),
        ],
      },
      { generatedAt: t + 5_000 },
    );
    const view = consentView(report, findings, t);
    expect(
      view.timeline.map((r) => [r.when, r.source, r.kind, r.purposes.map((p) => `${p.label} ${p.state}`), r.notes]),
    ).toEqual([
      [
        '+0.100 s',
        'Consent Mode',
        'Default',
        ['ads denied', 'analytics denied'],
        ['Google tags wait 500 ms for an update'],
      ],
      ['+2.000 s', 'Consent Mode', 'Answer', ['ads granted', 'analytics granted'], []],
    ]);
    expect(view.cookies.map((c) => [c.name, c.vendor, c.purpose, c.expires, c.flagged])).toEqual([
      ['_fbp', 'Meta Pixel', 'ads', '90 days', 'error'],
      ['cart', undefined, undefined, 'session', undefined],
      ['_ga', 'Google Analytics 4', 'analytics', '400 days', undefined],
    ]);
    expect(view).toMatchObject({ trackingCookies: 2, errors: 1 });
  });
});

describe('the HTML report’s Consent section', () => {
  const s = session();
  const t = s.startedAt;
  it('shows the answers in order and the cookies, the one set before consent marked', () => {
    const { report } = auditTab(
      [],
      {
        sessions: [s],
        hits: [],
        firings: [],
        signals: [
          {
            id: 'c1',
            sessionId: s.id,
            tabId: s.tabId,
            frameId: 0,
            at: t + 100,
            kind: 'consent',
            source: 'gcm_default',
            data: JSON.stringify({ ad_storage: 'denied' }),
          } as StoredSignal,
          {
            id: 'c2',
            sessionId: s.id,
            tabId: s.tabId,
            frameId: 0,
            at: t + 2_000,
            kind: 'consent',
            source: 'gcm_update',
            data: JSON.stringify({ ad_storage: 'granted' }),
          } as StoredSignal,
        ],
        cookies: [
          {
            id: `${s.id}|shop.example|/|_fbp`,
            sessionId: s.id,
            tabId: s.tabId,
            at: t + 300,
            name: '_fbp',
            domain: 'shop.example',
            path: '/',
            via: 'cookie_store',
          },
        ],
      },
      { generatedAt: t + 5_000 },
    );
    const html = reportToHtml([report], { generatedAt: t + 5_000 });
    const section = html.slice(html.indexOf('<h3>Consent</h3>'));
    expect(section).toMatch(
      /<td[^>]*>\+0\.100 s<\/td><td>Consent Mode<\/td><td>Default<\/td><td><span class="bad">ads denied<\/span>/,
    );
    expect(section.indexOf('<td>Default</td>')).toBeLessThan(section.indexOf('<td>Answer</td>'));
    expect(section.indexOf('<td>Answer</td>')).toBeGreaterThan(0);
    expect(section).toMatch(
      /<td>_fbp<\/td><td>shop\.example<\/td><td>Meta Pixel<\/td><td>ads<\/td>.*set before consent/,
    );
  });

  it('is left out when the page said nothing about consent and set no cookie', () => {
    const { report } = auditTab(
      [],
      { sessions: [s], hits: [], firings: [], signals: [], cookies: [] },
      { generatedAt: t + 5_000 },
    );
    expect(reportToHtml([report], { generatedAt: t + 5_000 })).not.toContain('<h3>Consent</h3>');
  });
});
