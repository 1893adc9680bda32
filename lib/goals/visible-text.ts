// The text a visitor reads on an element, without layout (innerText forces a reflow on every click) and
// bounded in work: a click on <body> must not walk the whole page. Never a field's value.

/** Not read: code, and everything that holds what a visitor typed or chose. */
const SKIP = /^(script|style|noscript|template|textarea|select|input|iframe|object)$/;
/** Elements that break a line, so `<div>Add</div><div>to cart</div>` reads "Add to cart". */
const BREAK = /^(br|p|div|li|ul|ol|t[dhr]|d[td]|h[1-6]|section|article|header|footer|nav|aside|label|option)$/;
const MAX_NODES = 400;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whitespace-collapsed visible text of `el`, at most `max` characters; falls back to aria-label, title, alt. */
export function visibleText(el: Element, max = 80): string {
  const attr = (name: string) => el.getAttribute(name);
  if (el.localName === 'input') {
    // The label of a button-like input (`value` of a submit input is its caption, not something typed).
    const type = (attr('type') ?? 'text').toLowerCase();
    const caption = /^(submit|button|reset)$/.test(type)
      ? (attr('value') ?? (type === 'submit' ? 'Submit' : null))
      : type === 'image'
        ? attr('alt')
        : null;
    return collapse(caption ?? attr('aria-label') ?? '').slice(0, max);
  }
  let out = '';
  let nodes = 0;
  // A string on the stack is text to add once an element's children are done (the line break after a block).
  const stack: (Node | string)[] = [el];
  while (stack.length > 0 && out.length < max * 2 && nodes++ < MAX_NODES) {
    const node = stack.pop()!;
    if (typeof node === 'string' || node.nodeType === 3) {
      out += typeof node === 'string' ? node : (node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const name = child.localName;
    if (
      child !== el &&
      (SKIP.test(name) || child.hasAttribute('hidden') || child.getAttribute('aria-hidden') === 'true')
    )
      continue;
    if (BREAK.test(name)) {
      out += ' ';
      stack.push(' ');
    }
    const kids = child.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return collapse(
    collapse(out) || (attr('aria-label') ?? attr('title') ?? el.querySelector('img[alt]')?.getAttribute('alt') ?? ''),
  ).slice(0, max);
}
