import { expect, it } from 'vitest';
import { pageAccess } from './page-access';

it.each([
  ['https://shop.example/', true],
  ['http://localhost:5173/checkout', true],
  ['file:///home/me/page.html', true],
  [undefined, true],
  ['chrome://extensions/', false],
  ['chrome-extension://abcdef/popup.html', false],
  ['about:blank', false],
  ['edge://settings', false],
  ['view-source:https://shop.example/', false],
  ['https://chromewebstore.google.com/detail/x', false],
  ['https://chrome.google.com/webstore/category/extensions', false],
  ['https://addons.mozilla.org/en-US/firefox/', false],
])('%s → watchable: %s', (url, ok) => expect(pageAccess(url).ok).toBe(ok));

it('says what to do', () => {
  const access = pageAccess('chrome://newtab/');
  expect(access.ok).toBe(false);
  if (!access.ok) expect(access.message).toMatch(/browser page \(chrome:\).*Open a website/);
});
