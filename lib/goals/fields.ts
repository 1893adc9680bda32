// Which fields a form has — by kind (`email`, `tel`, `password`, `new-password`) and by name — so a
// trigger can say `hasField: "email"`. Read from attributes only: a field's value is never read.

/** Kinds in the order they are reported. `new-password` marks a signup (or change-password) form. */
export const FIELD_KINDS = ['email', 'tel', 'password', 'new-password'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const MAX_FIELDS = 200;
const MAX_NAMES = 50;
const MAX_NAME_LENGTH = 64;
const NOT_FIELDS = new Set(['submit', 'button', 'reset', 'image']);
/** Inputs whose name says what a visitor types; a checkbox named `email_optin` is not an email field. */
const TYPED = new Set(['', 'text', 'email', 'tel', 'password', 'number']);

// Words of a field's name or id (`user[email]`, `phoneNumber`, `billing-phone`) that give its kind.
const EMAIL_WORDS = new Set(['email', 'mail', 'emailaddress', 'courriel']);
const TEL_WORDS = new Set(['tel', 'phone', 'telephone', 'telefon', 'telefono', 'mobile', 'mobil', 'cell', 'cellphone', 'phonenumber', 'msisdn']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passwort']);

/** What people write in `hasField` for a kind. */
const ALIASES: Readonly<Record<string, FieldKind>> = {
  'e-mail': 'email', mail: 'email', phone: 'tel', telephone: 'tel', mobile: 'tel',
};

function words(text: string): string[] {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
}

function kindOfWords(text: string | null): FieldKind | undefined {
  if (!text) return undefined;
  for (const w of words(text)) {
    if (EMAIL_WORDS.has(w)) return 'email';
    if (TEL_WORDS.has(w)) return 'tel';
    if (PASSWORD_WORDS.has(w)) return 'password';
  }
  return undefined;
}

/** Autocomplete tokens (`section-x shipping tel-national`): the last token names the field. */
function kindOfAutocomplete(value: string | null): FieldKind | undefined {
  const token = value?.trim().toLowerCase().split(/\s+/).pop();
  if (!token) return undefined;
  if (token === 'email') return 'email';
  if (token === 'tel' || token.startsWith('tel-')) return 'tel';
  if (token === 'new-password') return 'new-password';
  if (token === 'current-password') return 'password';
  return undefined;
}

/** The form's own controls and those outside it that point at it with `form="id"`. */
function controlsOf(form: Element): Element[] {
  const id = form.getAttribute('id');
  const out: Element[] = [];
  for (const el of Array.from(form.querySelectorAll('input, select, textarea'))) {
    const owner = el.getAttribute('form');
    // A control with a `form` attribute belongs to that form, wherever it sits.
    if (owner === null || owner === id) out.push(el);
    if (out.length >= MAX_FIELDS) return out;
  }
  if (!id) return out;
  const root = form.getRootNode() as Partial<ParentNode>;
  if (typeof root.querySelectorAll !== 'function') return out;
  const quoted = id.replace(/["\\]/g, '\\$&');
  for (const el of Array.from(root.querySelectorAll(`[form="${quoted}"]`))) {
    if (!form.contains(el)) out.push(el);
    if (out.length >= MAX_FIELDS) break;
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
    const tag = el.localName;
    const type = tag === 'input' ? (el.getAttribute('type') ?? '').trim().toLowerCase() : tag;
    if (NOT_FIELDS.has(type)) continue;
    const name = (el.getAttribute('name') ?? el.getAttribute('id') ?? '').trim();
    if (name && name.length <= MAX_NAME_LENGTH && names.size < MAX_NAMES) names.add(name);
    if (!TYPED.has(type)) continue;
    const kind =
      kindOfAutocomplete(el.getAttribute('autocomplete')) ??
      (type === 'email' ? 'email' : type === 'tel' ? 'tel' : type === 'password' ? 'password' : undefined) ??
      kindOfWords(el.getAttribute('name')) ??
      kindOfWords(el.getAttribute('id'));
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
