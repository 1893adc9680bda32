import type { ExpectedTag, ParamRule } from '../goals/types';
import { vendorName, vendorShortName } from './vendors';

// What a goal expects a tag to send, in words: `purchase (currency = EUR, value set)`, `GA4 sign_up`.

function ruleWords(name: string, rule: ParamRule): string {
  if (typeof rule === 'string') return `${name} = ${rule}`;
  if ('equals' in rule) return `${name} = ${rule.equals}`;
  if ('exists' in rule) return rule.exists ? `${name} set` : `no ${name}`;
  return `${name} matching /${rule.regex}/`;
}

/** `Lead`, `purchase (account G-1, currency = EUR, value set)`, `any event`. */
export function expectedWords(expected: ExpectedTag): string {
  const what = expected.event ?? 'any event';
  const extra = [
    ...(expected.account !== undefined ? [`account ${expected.account}`] : []),
    ...Object.entries(expected.params ?? {}).map(([name, rule]) => ruleWords(name, rule)),
  ];
  return extra.length ? `${what} (${extra.join(', ')})` : what;
}

/** The object of "did not send …": the expected event, or `anything` for a vendor with no event named. */
export function expectedObject(expected: ExpectedTag): string {
  const words = expectedWords(expected);
  return words === 'any event' ? 'anything' : words;
}

/** One expected tag with its vendor, as marketers say it: `GA4 purchase (currency = EUR, value set)`. */
export function tagWords(expected: ExpectedTag): string {
  return `${vendorShortName(expected.vendor)} ${expectedWords(expected)}`;
}

/** `GA4 sign_up, Meta Pixel Lead`; a goal without tags is logged only. */
export function expectListWords(tags: readonly ExpectedTag[] | undefined): string {
  return tags && tags.length > 0 ? tags.map(tagWords).join(', ') : 'No tag expected (logged only)';
}

/** A table's label for an expected tag: `Google Analytics 4 · sign_up`, with the account when the plan names one. */
export function tagLabel(e: Pick<ExpectedTag, 'vendor' | 'event' | 'account'>): string {
  return `${vendorName(e.vendor)} · ${e.event ?? 'any event'}${e.account !== undefined ? ` (${e.account})` : ''}`;
}
