// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { installCmpHooks } from './cmp-hooks';
import type { PageSignal } from './signals';

type Win = Window & typeof globalThis;
let signals: PageSignal[];
let win: Win;

describe('installCmpHooks', () => {
  type Loose = Record<string, unknown>;
  const consents = () =>
    signals.flatMap((s) => (s.kind === 'consent' ? [{ source: s.source, data: JSON.parse(s.data) as unknown }] : []));
  const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
  // Each test its own window: the hooks' listeners and polls of another test must not answer here.
  let fresh: Window & typeof globalThis;
  const install = () => {
    fresh = new HappyWindow({ url: 'https://shop.example/' }) as unknown as Window & typeof globalThis;
    win = fresh as Win;
    signals = [];
    installCmpHooks(fresh, (s) => signals.push(s));
  };
  afterEach(() => (fresh as unknown as { happyDOM: { close(): Promise<void> } }).happyDOM.close());

  it('reads OneTrust, Cookiebot and Usercentrics when they announce a change', async () => {
    install();
    const w = win as unknown as Loose;
    w.OptanonActiveGroups = ',C0001,C0002,';
    w.OneTrust = { IsAlertBoxClosed: () => true };
    w.Cookiebot = {
      consent: { necessary: true, preferences: false, statistics: true, marketing: false },
      hasResponse: true,
    };
    w.UC_UI = {
      getServicesBaseInfo: () => [{ categorySlug: 'marketing', consent: { status: false } }],
      isConsentRequired: () => true,
    };
    win.dispatchEvent(new Event('OneTrustGroupsUpdated'));
    win.dispatchEvent(new Event('CookiebotOnAccept'));
    win.dispatchEvent(new CustomEvent('UC_UI_CMP_EVENT', { detail: { type: 'DENY_ALL' } }));
    await tick();
    expect(consents()).toEqual([
      { source: 'onetrust', data: { groups: ',C0001,C0002,', answered: true } },
      { source: 'cookiebot', data: { preferences: false, statistics: true, marketing: false, answered: true } },
      { source: 'usercentrics', data: { services: [['marketing', false]], answered: true } },
    ]);
  });

  it('reads Didomi once it is there, and again when consent changes', async () => {
    install();
    let changed: (() => void) | undefined;
    let status: { purposes: { global: { enabled: string[]; disabled: string[] } } } = {
      purposes: { global: { enabled: [], disabled: ['cookies'] } },
    };
    (win as unknown as Loose).Didomi = {
      getUserStatus: () => status,
      shouldConsentBeCollected: () => true,
      on: (event: string, fn: () => void) => {
        if (event === 'consent.changed') changed = fn;
      },
    };
    await tick(600);
    status = { purposes: { global: { enabled: ['cookies'], disabled: [] } } };
    changed?.();
    expect(consents()).toEqual([
      { source: 'didomi', data: { enabled: [], disabled: ['cookies'], answered: false } },
      { source: 'didomi', data: { enabled: ['cookies'], disabled: [], answered: false } },
    ]);
  });

  it('a CMP whose API throws costs the page nothing', async () => {
    install();
    (win as unknown as Loose).UC_UI = {
      getServicesBaseInfo: () => {
        throw new Error('not ready');
      },
    };
    expect(() => win.dispatchEvent(new Event('UC_UI_INITIALIZED'))).not.toThrow();
    await tick();
    expect(consents()).toEqual([]);
  });
});

describe('installCmpHooks, injected after the CMP loaded', () => {
  it('reads the state that is already there', () => {
    const fresh = new HappyWindow({ url: 'https://shop.example/' }) as unknown as Win;
    Object.assign(fresh, {
      OptanonActiveGroups: ',C0001,',
      OneTrust: { IsAlertBoxClosed: () => false },
      Cookiebot: { consent: { preferences: true, statistics: false, marketing: false }, hasResponse: false },
    });
    const got: PageSignal[] = [];
    installCmpHooks(fresh, (s) => got.push(s));
    expect(got.map((s) => (s.kind === 'consent' ? [s.source, JSON.parse(s.data)] : []))).toEqual([
      ['cookiebot', { preferences: true, statistics: false, marketing: false, answered: false }],
      ['onetrust', { groups: ',C0001,', answered: false }],
    ]);
    void (fresh as unknown as { happyDOM: { close(): Promise<void> } }).happyDOM.close();
  });
});
