import type { TagHit } from '../tags/types';

// The params a vendor needs to make sense of an event: GA4's ecommerce events without currency, value or items
// count no revenue and show no products; a Meta Purchase without value cannot be optimised for; an Ads conversion
// value without currency is read in the account's currency, whatever the shop charged.

export interface ParamProblem {
  /** The param at fault. */
  param: string;
  /** In words, to follow "with": `no currency`, `value "9,99" that is not a number`. */
  problem: string;
}

export const GA4_ECOMMERCE_EVENTS: ReadonlySet<string> = new Set([
  'purchase',
  'refund',
  'add_to_cart',
  'remove_from_cart',
  'view_cart',
  'begin_checkout',
  'view_item',
  'add_payment_info',
  'add_shipping_info',
]);

/** GA4 needs these to tie the event to an order (refund: to find the order it undoes). */
const NEEDS_TRANSACTION: ReadonlySet<string> = new Set(['purchase', 'refund']);

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

function has(params: Record<string, string>, key: string): boolean {
  const v = Object.hasOwn(params, key) ? params[key] : undefined;
  return v !== undefined && v.trim() !== '';
}

function hasItems(params: Record<string, string>): boolean {
  for (const key in params) if (key.startsWith('items.') && params[key] !== '') return true;
  return false;
}

/** Value and currency, when present, in the shape vendors accept: `9.99` and `EUR`. */
function shapeProblems(params: Record<string, string>): ParamProblem[] {
  const out: ParamProblem[] = [];
  if (has(params, 'value') && !NUMBER.test(params.value!.trim()))
    out.push({ param: 'value', problem: `value "${params.value!}" that is not a number` });
  if (has(params, 'currency') && !CURRENCY.test(params.currency!.trim())) {
    out.push({
      param: 'currency',
      problem: `currency "${params.currency!}" that is not a three-letter code such as EUR`,
    });
  }
  return out;
}

function needed(params: Record<string, string>, keys: readonly string[]): ParamProblem[] {
  return keys.filter((k) => !has(params, k)).map((k) => ({ param: k, problem: `no ${k}` }));
}

/** What is missing or malformed in a hit's params; [] when the hit is fine or has no rules. */
export function paramProblems(hit: TagHit): ParamProblem[] {
  const p = hit.params;
  switch (hit.vendor) {
    case 'ga4': {
      if (hit.event === undefined || !GA4_ECOMMERCE_EVENTS.has(hit.event)) return [];
      const out = needed(p, ['currency', 'value']);
      if (!hasItems(p)) out.push({ param: 'items', problem: 'no items' });
      if (NEEDS_TRANSACTION.has(hit.event)) out.push(...needed(p, ['transaction_id']));
      return [...out, ...shapeProblems(p)];
    }
    case 'meta-pixel':
      return hit.event === 'Purchase' ? [...needed(p, ['value', 'currency']), ...shapeProblems(p)] : [];
    case 'google-ads':
      // The first-party copy repeats the conversion: judged once, on the original.
      if (hit.event !== 'conversion' || p.endpoint === '1p-conversion') return [];
      return [
        ...(has(p, 'value') && !has(p, 'currency') ? [{ param: 'currency', problem: 'a value but no currency' }] : []),
        ...shapeProblems(p),
      ];
    default:
      return [];
  }
}
