// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldKinds, hasField } from './fields';

function form(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('form')!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('fieldKinds', () => {
  it.each([
    ['type=email', '<form><input type="email" name="subscriber"></form>', ['email', 'subscriber']],
    ['name email', '<form><input name="email"></form>', ['email', 'email']],
    ['bracketed name', '<form><input type="text" name="user[email]"></form>', ['email', 'user[email]']],
    ['Drupal "mail"', '<form><input name="mail"></form>', ['email', 'mail']],
    ['e-mail in the id', '<form><input id="e-mail-field"></form>', ['email', 'e-mail-field']],
    ['autocomplete email', '<form><input name="f1" autocomplete="email"></form>', ['email', 'f1']],
    ['type=tel', '<form><input type="tel" name="n"></form>', ['tel', 'n']],
    ['name phone', '<form><input name="phone"></form>', ['tel', 'phone']],
    ['camelCase phoneNumber', '<form><input name="phoneNumber"></form>', ['tel', 'phoneNumber']],
    ['name mobile', '<form><input name="billing_mobile"></form>', ['tel', 'billing_mobile']],
    [
      'autocomplete tel-national with a section',
      '<form><input name="f2" autocomplete="section-a shipping tel-national"></form>',
      ['tel', 'f2'],
    ],
    ['hotel is not a phone', '<form><input name="hotel"></form>', ['hotel']],
    ['type=password', '<form><input type="password" name="pw"></form>', ['password', 'pw']],
    ['current-password', '<form><input name="secret" autocomplete="current-password"></form>', ['password', 'secret']],
    [
      'new-password',
      '<form><input type="password" name="pw" autocomplete="new-password"></form>',
      ['password', 'new-password', 'pw'],
    ],
    [
      'password and its confirmation',
      '<form><input type="password" name="pw"><input type="password" name="pw2"></form>',
      ['password', 'new-password', 'pw', 'pw2'],
    ],
    [
      'a checkbox named email_optin is not an email field',
      '<form><input type="checkbox" name="email_optin"></form>',
      ['email_optin'],
    ],
    ['a hidden email is not an email field', '<form><input type="hidden" name="email"></form>', ['email']],
    [
      'buttons are not fields',
      '<form><input type="submit" name="op"><button name="go">Go</button><input name="q"></form>',
      ['q'],
    ],
    [
      'select and textarea',
      '<form><select name="country"></select><textarea name="message"></textarea></form>',
      ['country', 'message'],
    ],
    [
      'kinds in a fixed order, names once',
      '<form><input name="phone"><input type="email" name="email"><input name="email"></form>',
      ['email', 'tel', 'phone', 'email'],
    ],
    ['no fields', '<form><p>Nothing</p></form>', []],
  ])('%s', (_, html, want) => expect(fieldKinds(form(html))).toEqual(want));

  it('includes fields outside the form that point at it with form="id"', () => {
    document.body.innerHTML = `
      <form id="signup"><button>Join</button></form>
      <input type="email" name="email" form="signup">
      <input name="other" form="elsewhere">`;
    expect(fieldKinds(document.getElementById('signup')!)).toEqual(['email', 'email']);
  });

  it('leaves out fields inside the form that belong to another form', () => {
    document.body.innerHTML = `
      <form id="a"><input name="mine"><input type="email" name="theirs" form="b"></form>
      <form id="b"></form>`;
    expect(fieldKinds(document.getElementById('a')!)).toEqual(['mine']);
    expect(fieldKinds(document.getElementById('b')!)).toEqual(['email', 'theirs']);
  });

  it('finds form="id" fields inside the same shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<form id="s"></form><input type="tel" name="phone" form="s">';
    expect(fieldKinds(root.querySelector('form')!)).toEqual(['tel', 'phone']);
  });

  it('never reads a value', () => {
    const f = form('<form><input type="email" name="email"></form>');
    const input = f.querySelector('input')!;
    Object.defineProperty(input, 'value', {
      get: () => {
        throw new Error('read a value');
      },
    });
    expect(fieldKinds(f)).toEqual(['email', 'email']);
  });

  it('is bounded on huge forms', () => {
    const f = form(`<form>${Array.from({ length: 500 }, (_, i) => `<input name="f${i}">`).join('')}</form>`);
    expect(fieldKinds(f)).toHaveLength(50);
  });
});

describe('hasField', () => {
  it.each([
    ['<form><input type="email" name="x"></form>', 'email', true],
    ['<form><input type="email" name="x"></form>', 'Email', true],
    ['<form><input type="email" name="x"></form>', 'e-mail', true],
    ['<form><input type="tel" name="x"></form>', 'phone', true],
    ['<form><input type="tel" name="x"></form>', 'tel', true],
    ['<form><input name="newsletter_consent" type="checkbox"></form>', 'newsletter_consent', true],
    ['<form><input name="q"></form>', 'email', false],
    ['<form><input type="password" name="p"></form>', 'new-password', false],
  ])('%s has %s → %s', (html, want, result) => expect(hasField(form(html), want)).toBe(result));
});
