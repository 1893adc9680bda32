// The "Accept all" and "Reject all" buttons of the common consent banners, as their own markup names them: a
// journey's `{ "consent": "accept" }` clicks the first one found (`"selector"` names any other banner's).
// Selectors that reach into a shadow root (Usercentrics) work where the runner's selector engine pierces open
// shadow roots, as Playwright's does.

export type ConsentChoice = 'accept' | 'reject';

export interface CmpButtons {
  cmp: string;
  accept: string;
  reject: string;
}

export const CMP_BUTTONS: readonly CmpButtons[] = [
  { cmp: 'OneTrust', accept: '#onetrust-accept-btn-handler', reject: '#onetrust-reject-all-handler' },
  {
    cmp: 'Cookiebot',
    accept: '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll',
    reject: '#CybotCookiebotDialogBodyButtonDecline',
  },
  { cmp: 'Usercentrics', accept: '[data-testid="uc-accept-all-button"]', reject: '[data-testid="uc-deny-all-button"]' },
  { cmp: 'Didomi', accept: '#didomi-notice-agree-button', reject: '#didomi-notice-disagree-button' },
  {
    cmp: 'Quantcast Choice',
    accept: '.qc-cmp2-summary-buttons button[mode="primary"]',
    reject: '.qc-cmp2-summary-buttons button[mode="secondary"]',
  },
  { cmp: 'TrustArc', accept: '#truste-consent-button', reject: '#truste-consent-required' },
  { cmp: 'CookieYes', accept: '.cky-btn-accept', reject: '.cky-btn-reject' },
  { cmp: 'Complianz', accept: '.cmplz-btn.cmplz-accept', reject: '.cmplz-btn.cmplz-deny' },
  { cmp: 'Axeptio', accept: '#axeptio_btn_acceptAll', reject: '#axeptio_btn_dismiss' },
];

/** The selectors to try for a choice: the journey's own, or every built-in banner's. */
export function consentSelectors(choice: ConsentChoice, selector?: string): Array<{ cmp: string; selector: string }> {
  if (selector) return [{ cmp: 'the page’s banner', selector }];
  return CMP_BUTTONS.map((b) => ({ cmp: b.cmp, selector: b[choice] }));
}
