import { hostIs, nameTable, parseForm, type Query, queryOf, readBody, safeDecode, withForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Criteo OneTag (account = `a`): GET https://sslwidget.criteo.com/event?a=ACCOUNT&v=5.x&p0=…&p1=…&…&tld=…&fu=…
// Each pN is one queued criteo_q call, itself URL-encoded: `e=vh`, `e=vl&p=[id,id]`, `e=vp&p=id`,
// `e=vb&p=[i=…&pr=…&q=…,…]` (items encoded once more), `e=vc&id=ORDER&p=[…]`. Setter calls (exd: site type,
// zipcode, referrer; ce: hashed email; setcurrency) apply to every event of the request, and `e=dis` asks for
// the display sync. One hit per event; a request with none is still one (event-less) hit.
// Older tags call https://dis.criteo.com/dis/dis.aspx?p=ACCOUNT&p1=v%3D2%26wi%3D…&t1=sendevent.
// Library: https://static.criteo.net/js/ld/ld.js, https://dynamic.criteo.com/js/ld/ld.js?a=ACCOUNT

const P_KEY = /^p(\d+)$/;
const MAX_ITEMS = 50;
const MAX_EVENTS = 100;
const LIST_BRACKETS = /^\[|\]$/g;

const EVENTS = nameTable({ vh: 'viewHome', vl: 'viewList', vp: 'viewItem', vb: 'viewBasket', vc: 'trackTransaction' });
const SETTERS: ReadonlySet<string> = new Set(['exd', 'ce', 'setcurrency', 'dis']);
const SETTER_NAMES = nameTable({ z: 'zipcode', ref: 'referrer', ci: 'customer_id', m: 'hashed_email', c: 'currency' });
const EVENT_NAMES = nameTable({ id: 'transaction_id', c: 'currency' });
const ITEM_NAMES = nameTable({ i: 'id', pr: 'price', q: 'quantity' });
const URL_NAMES = nameTable({
  v: 'version',
  tld: 'domain',
  fu: 'page_url',
  pu: 'referrer',
  dtycbr: 'cache_buster',
  cb: 'cache_buster',
  wi: 'widget_id',
  pt1: 'page_type',
});
const DOUBLE_ENCODED = /^https?%3A/i;

function isLibrary(url: URL): boolean {
  return (hostIs(url, 'criteo.net') || hostIs(url, 'criteo.com')) && url.pathname === '/js/ld/ld.js';
}

function endpoint(url: URL): 'event' | 'dis' | undefined {
  if (!hostIs(url, 'criteo.com')) return undefined;
  if (url.pathname === '/event') return 'event';
  if (url.pathname === '/dis/dis.aspx') return 'dis';
  return undefined;
}

/** `[a,b]` lists of product ids, or of items each URL-encoded as `i=…&pr=…&q=…`; a bare value is one product. */
function readItems(value: string, out: Record<string, string>): void {
  if (!value.startsWith('[')) {
    out.product_id = value;
    return;
  }
  const inner = value.slice(1, value.endsWith(']') ? -1 : undefined);
  if (inner === '') return;
  inner.split(',', MAX_ITEMS).forEach((part, i) => {
    const text = safeDecode(part);
    if (!text.includes('=')) {
      out[`items.${i}.id`] = text;
      return;
    }
    for (const [k, v] of parseForm(text)) out[`items.${i}.${ITEM_NAMES[k] ?? k}`] = v;
  });
}

/** Page URLs arrive encoded twice (fu=https%253A…); decode the second layer. */
function urlValue(value: string): string {
  return DOUBLE_ENCODED.test(value) ? safeDecode(value) : value;
}

function disHit(fields: Query): TagHit {
  const params: Record<string, string> = {};
  for (const [key, value] of fields) {
    if (key === 'p' || key === 't1') continue;
    if (key === 'p1') for (const [k, v] of parseForm(value)) params[URL_NAMES[k] ?? k] = v;
    else params[URL_NAMES[key] ?? key] = value;
  }
  return { vendor: 'criteo', event: fields.get('t1') ?? undefined, account: fields.get('p') ?? undefined, params };
}

export const criteo: TagDecoder = {
  vendor: 'criteo',
  matches: (url) => endpoint(url) !== undefined || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url))
      return [{ vendor: 'criteo', event: 'library_load', account: queryOf(url).get('a') ?? undefined, params: {} }];
    const kind = endpoint(url);
    if (kind === undefined) return [];
    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const partial =
      body.kind === 'broken' ? 'body is not valid JSON (cut at the capture limit?): only the URL was read' : undefined;
    if (kind === 'dis') return [{ ...disHit(fields), ...(partial ? { partial } : {}) }];

    const shared: Record<string, string> = {};
    const calls: Array<{ n: number; form: Query }> = [];
    for (const [key, value] of fields) {
      const p = P_KEY.exec(key);
      if (p) calls.push({ n: Number(p[1]), form: parseForm(value) });
      else if (key !== 'a') shared[URL_NAMES[key] ?? key] = key === 'fu' || key === 'pu' ? urlValue(value) : value;
    }
    calls.sort((l, r) => l.n - r.n);

    const events: Array<{ event: string; params: Record<string, string> }> = [];
    let dropped = false;
    for (const { form } of calls) {
      const code = form.get('e');
      if (!code) continue;
      if (SETTERS.has(code)) {
        for (const [k, v] of form) {
          if (k === 'e') continue;
          // ce sends the hashed email as a one-element list: [hash], or [] when there is none.
          const value = k === 'm' && code === 'ce' ? safeDecode(v.replace(LIST_BRACKETS, '')) : v;
          if (value !== '') shared[SETTER_NAMES[k] ?? k] = value;
        }
        continue;
      }
      if (events.length === MAX_EVENTS) {
        dropped = true;
        continue;
      }
      const params: Record<string, string> = {};
      for (const [k, v] of form) {
        if (k === 'e') continue;
        if (k === 'p') readItems(v, params);
        else params[EVENT_NAMES[k] ?? k] = v;
      }
      events.push({ event: EVENTS[code] ?? code, params });
    }

    const account = fields.get('a') ?? undefined;
    const hits: TagHit[] =
      events.length === 0
        ? [{ vendor: 'criteo', account, params: shared }]
        : events.map((e) => ({ vendor: 'criteo', event: e.event, account, params: { ...shared, ...e.params } }));
    if (partial) hits[0]!.partial = partial;
    if (dropped) hits[hits.length - 1]!.partial = `request cut at ${MAX_EVENTS} events`;
    return hits;
  },
};
