// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CMP_BUTTONS, consentSelectors } from './cmp-buttons';

describe('consentSelectors', () => {
  it("tries every known banner's button for the choice, in order", () => {
    expect(consentSelectors('reject').slice(0, 4)).toEqual([
      { cmp: 'OneTrust', selector: '#onetrust-reject-all-handler' },
      { cmp: 'Cookiebot', selector: '#CybotCookiebotDialogBodyButtonDecline' },
      { cmp: 'Usercentrics', selector: '[data-testid="uc-deny-all-button"]' },
      { cmp: 'Didomi', selector: '#didomi-notice-disagree-button' },
    ]);
    expect(consentSelectors('accept')[0]).toEqual({ cmp: 'OneTrust', selector: '#onetrust-accept-btn-handler' });
  });

  it("clicks only the journey's own selector when it names one", () => {
    expect(consentSelectors('accept', '#banner .ok')).toEqual([{ cmp: 'the page’s banner', selector: '#banner .ok' }]);
  });

  it.each(CMP_BUTTONS.map((b) => [b.cmp, b] as const))('%s has two different, valid selectors', (_, b) => {
    expect(b.accept).not.toBe(b.reject);
    for (const s of [b.accept, b.reject]) expect(() => document.querySelector(s)).not.toThrow();
  });
});
