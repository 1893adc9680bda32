import { boundedJson } from './snapshot';
import type { ConsentSource, PageSignal } from './signals';

type Fn = (...args: unknown[]) => unknown;
// A page object whose shape we cannot know: any property may be anything, any call may throw (`read` is safe).
type Loose = ((...args: unknown[]) => Loose) & { [key: string]: Loose | undefined };

/**
 * The consent managers' own state, read in the page's main world: OneTrust, Cookiebot and Usercentrics announce
 * changes with window events (read a task later, once applied); Didomi is asked once it is there, and on its
 * `consent.changed`. Injected by the worker only into frames that load one of them (lib/consent/cmp-hosts.ts), so
 * other pages never pay for it. It only reads: nothing the page's code gets back changes.
 */
export function installCmpHooks(win: Window & typeof globalThis, post: (signal: PageSignal) => void): void {
  const w = win as unknown as Loose;
  const yes = (v: unknown) => v === true;
  const no = (v: unknown) => v === false;
  const read = (source: ConsentSource, state: () => unknown) => {
    try {
      post({ kind: 'consent', source, data: boundedJson(state(), 4096), at: win.Date.now() });
    } catch {
      /* a CMP not ready, or hostile: nothing to report */
    }
  };
  const on = (types: string[], state: (e: Event) => unknown, source: ConsentSource) => {
    for (const type of types)
      win.addEventListener(type, (e) => void win.setTimeout(() => read(source, () => state(e))), { passive: true });
  };
  const onetrust = () => ({
    groups: String(w.OptanonActiveGroups ?? ''),
    answered: yes(w.OneTrust?.IsAlertBoxClosed?.()),
  });
  on(['OneTrustGroupsUpdated'], onetrust, 'onetrust');
  const cookiebot = () => {
    const c = w.Cookiebot;
    const k = c?.consent;
    return {
      preferences: k?.preferences,
      statistics: k?.statistics,
      marketing: k?.marketing,
      answered: yes(c?.hasResponse),
    };
  };
  on(['CookiebotOnConsentReady', 'CookiebotOnAccept', 'CookiebotOnDecline'], cookiebot, 'cookiebot');
  const usercentrics = (e?: Event) => {
    const uc = w.UC_UI!;
    const list = uc.getServicesBaseInfo!();
    const services: unknown[] = [];
    for (let i = 0; i < Number(list.length) && i < 200; i++)
      services[i] = [String(list[i]?.categorySlug), yes(list[i]?.consent?.status)];
    const type = String(((e as CustomEvent | undefined)?.detail as Loose | undefined)?.type);
    return { services, answered: /^(ACCEPT_ALL|DENY_ALL|SAVE)$/.test(type) || no(uc.isConsentRequired?.()) };
  };
  on(['UC_UI_INITIALIZED', 'UC_UI_CMP_EVENT'], usercentrics, 'usercentrics');
  // Injected after the page started: a CMP that is already there is read at once.
  if (w.Cookiebot?.consent) read('cookiebot', cookiebot);
  if (typeof w.UC_UI?.getServicesBaseInfo === 'function') read('usercentrics', usercentrics);
  if (w.OptanonActiveGroups !== undefined) read('onetrust', onetrust);
  let didomi = false;
  let tries = 0;
  const poll = () => {
    const d = w.Didomi;
    if (!didomi && typeof d?.getUserStatus === 'function') {
      didomi = true;
      const state = () => {
        const global = d.getUserStatus!().purposes?.global;
        return { enabled: global?.enabled, disabled: global?.disabled, answered: no(d.shouldConsentBeCollected?.()) };
      };
      read('didomi', state);
      (d.on as Fn | undefined)?.('consent.changed', () => read('didomi', state));
      return;
    }
    if (tries++ < 20) win.setTimeout(poll, 500);
  };
  poll();
}
