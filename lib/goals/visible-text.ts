// The text a visitor reads on an element, without layout (innerText forces a reflow on every click) and
// bounded in work: a click on <body> must not walk the whole page. Never a field's value.

const ELEMENT = 1;
const TEXT = 3;
/** Not read: code, and everything that holds what a visitor typed or chose. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'input', 'iframe', 'object']);
/** Elements that break a line, so `<div>Add</div><div>to cart</div>` reads "Add to cart". */
const BREAK = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'label', 'option',
]);
const MAX_NODES = 400;
const BUTTON_INPUTS = new Set(['submit', 'button', 'reset']);

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function hiddenByAttribute(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** The label of a button-like input (`value` of a submit input is its caption, not something typed). */
function inputCaption(el: Element): string | undefined {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (BUTTON_INPUTS.has(type)) return el.getAttribute('value') ?? (type === 'submit' ? 'Submit' : undefined);
  if (type === 'image') return el.getAttribute('alt') ?? undefined;
  return undefined;
}

/** Whitespace-collapsed visible text of `el`, at most `max` characters; falls back to aria-label, title, alt. */
export function visibleText(el: Element, max = 80): string {
  if (el.localName === 'input') return collapse(inputCaption(el) ?? el.getAttribute('aria-label') ?? '').slice(0, max);
  let out = '';
  let nodes = 0;
  // A string on the stack is text to add once an element's children are done (the line break after a block).
  const stack: (Node | string)[] = [el];
  while (stack.length > 0 && out.length < max * 2 && nodes++ < MAX_NODES) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    if (node.nodeType === TEXT) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const child = node as Element;
    if (child !== el && (SKIP.has(child.localName) || hiddenByAttribute(child))) continue;
    if (BREAK.has(child.localName)) {
      out += ' ';
      stack.push(' ');
    }
    const kids = child.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const text = collapse(out);
  if (text) return text.slice(0, max);
  const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.querySelector('img[alt]')?.getAttribute('alt');
  return collapse(label ?? '').slice(0, max);
}
