// Goal ids are what reports and per-site overrides refer to: short, lower-case, `_`-separated, stable.

const MAX_ID = 60;

/** `Newsletter signup (form#newsletter)` → `newsletter_signup_form_newsletter`; accents dropped; `goal` when nothing is left. */
export function slug(text: string, separator = '_'): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .slice(0, MAX_ID);
  const edges = new RegExp(`^\\${separator}+|\\${separator}+$`, 'g');
  return base.replace(edges, '');
}

/** A slug of `name` no id in `taken` has: `add_to_cart`, then `add_to_cart_2`, `add_to_cart_3`… */
export function slugId(name: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const base = slug(name) || 'goal';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}_${n}`;
    if (!used.has(id)) return id;
  }
}
