// Which fields a form has — by kind (`email`, `tel`, `password`, `new-password`) and by name — so a
// trigger can say `hasField: "email"`. Read from attributes only: a field's value is never read.

/** Kinds in the order they are reported. `new-password` marks a signup (or change-password) form. */
export const FIELD_KINDS = ['email', 'tel', 'password', 'new-password'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const MAX_FIELDS = 200;
const MAX_NAMES = 50;
const MAX_NAME_LENGTH = 64;
const NOT_FIELDS = /^(submit|button|reset|image)$/;
/** Inputs whose name says what a visitor types; a checkbox named `email_optin` is not an email field. */
const TYPED = /^(|text|email|tel|password|number)$/;

/**
 * Words of a field's name or id (`user[email]`, `phoneNumber`, `billing-phone`) that give its kind: email, mail,
 * emailaddress, courriel; tel, telefon(o), telephone, phone, phonenumber, cell, cellphone, mobil(e), msisdn;
 * password, passwd, pwd, pass, passwort.
 */
const WORDS: Array<[RegExp, FieldKind]> = [
  [/^(e?mail|emailaddress|courriel)$/, 'email'],
  [/^(tel(efono?|ephone)?|cell(phone)?|phone(number)?|mobile?|msisdn)$/, 'tel'],
  [/^(pass(word|wd|wort)?|pwd)$/, 'password'],
];

/** What people write in `hasField` for a kind. */
const ALIASES: Readonly<Record<string, FieldKind>> = {
  'e-mail': 'email',
  mail: 'email',
  phone: 'tel',
  telephone: 'tel',
  mobile: 'tel',
};

function kindOfWords(text: string | null): FieldKind | undefined {
  const words = (text ?? '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  for (const w of words) for (const [re, kind] of WORDS) if (re.test(w)) return kind;
  return undefined;
}

/** Autocomplete tokens (`section-x shipping tel-national`): the last token names the field. */
function kindOfAutocomplete(value: string | null): FieldKind | undefined {
  const token = value?.trim().toLowerCase().split(/\s+/).pop() ?? '';
  return token === 'email' || token === 'new-password'
    ? token
    : /^tel(-|$)/.test(token)
      ? 'tel'
      : token === 'current-password'
        ? 'password'
        : undefined;
}

/** The form's own controls and those outside it that point at it with `form="id"`. */
function controlsOf(form: Element): Element[] {
  const id = form.getAttribute('id');
  // A control with a `form` attribute belongs to that form, wherever it sits.
  const out = [...form.querySelectorAll('input,select,textarea')]
    .filter((el) => {
      const owner = el.getAttribute('form');
      return owner === null || owner === id;
    })
    .slice(0, MAX_FIELDS);
  const root = form.getRootNode() as Partial<ParentNode>;
  if (id && typeof root.querySelectorAll === 'function') {
    for (const el of root.querySelectorAll(`[form="${id.replace(/["\\]/g, '\\$&')}"]`)) {
      if (out.length >= MAX_FIELDS) break;
      if (!form.contains(el)) out.push(el);
    }
  }
  return out;
}

/**
 * The kinds of fields `form` has (`email`, `tel`, `password`, `new-password`, in that order), then each
 * field's name (its id when it has no name), in document order, without duplicates. Buttons are left out.
 */
export function fieldKinds(form: Element): string[] {
  const kinds = new Set<FieldKind>();
  const names = new Set<string>();
  let passwords = 0;
  for (const el of controlsOf(form)) {
    const attr = (name: string) => el.getAttribute(name);
    const tag = el.localName;
    const type = tag === 'input' ? (attr('type') ?? '').trim().toLowerCase() : tag;
    if (NOT_FIELDS.test(type)) continue;
    const name = (attr('name') ?? attr('id') ?? '').trim();
    if (name && name.length <= MAX_NAME_LENGTH && names.size < MAX_NAMES) names.add(name);
    if (!TYPED.test(type)) continue;
    const kind =
      kindOfAutocomplete(attr('autocomplete')) ??
      (/^(email|tel|password)$/.test(type) ? (type as FieldKind) : undefined) ??
      kindOfWords(attr('name')) ??
      kindOfWords(attr('id'));
    if (!kind) continue;
    kinds.add(kind);
    if (kind === 'new-password') kinds.add('password');
    if (kind === 'password' || kind === 'new-password') passwords++;
  }
  // Password and "repeat password": a form that creates a password, whatever its autocomplete says.
  if (passwords >= 2) kinds.add('new-password');
  return [...FIELD_KINDS.filter((k) => kinds.has(k)), ...names];
}

/** Whether `form` has a field of kind `want` (`email`, `tel`/`phone`, `password`, `new-password`) or named `want`. */
export function hasField(form: Element, want: string): boolean {
  const w = want.trim().toLowerCase();
  const alias = ALIASES[w];
  return fieldKinds(form).some((f) => {
    const have = f.toLowerCase();
    return have === w || have === alias;
  });
}
