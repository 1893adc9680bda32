import type { ExpectedTag, ParamRule } from '../goals/types';
import type { TagHit } from '../tags/types';

// Does a hit satisfy one expected tag of the plan? Vendors name events case-sensitively (`Lead` is not `lead` for
// Meta), so events, accounts and values compare exactly. Rules are compiled once per expected tag: reconciliation
// runs the same rule against every hit of a tab.

/** One param rule, ready to test a value (undefined when the hit lacks the param). */
interface ParamTest {
  name: string;
  test: (value: string | undefined) => boolean;
  /** Why `value` fails the rule, in plain words. */
  why: (value: string | undefined) => string;
}

export interface CompiledTag {
  expected: ExpectedTag;
  /** True when the hit is what the plan asked for. */
  matches: (hit: TagHit) => boolean;
  /** Why a hit of the right vendor is not what the plan asked for; undefined when it matches. */
  mismatch: (hit: TagHit) => string | undefined;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function quote(value: string): string {
  return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
}

function compileParam(name: string, rule: ParamRule): ParamTest {
  if (typeof rule === 'string' || 'equals' in rule) {
    const want = typeof rule === 'string' ? rule : rule.equals;
    return {
      name,
      test: (value) => value === want,
      why: (value) =>
        value === undefined
          ? `${name} is missing (expected ${quote(want)})`
          : `${name} is ${quote(value)}, expected ${quote(want)}`,
    };
  }
  if ('exists' in rule) {
    // An empty value says nothing: `ep.value=` is as good as no value for the marketer.
    return rule.exists
      ? { name, test: present, why: () => `${name} is missing` }
      : {
          name,
          test: (value) => !present(value),
          why: (value) => `${name} is ${quote(value ?? '')}, expected no ${name}`,
        };
  }
  let re: RegExp | undefined;
  try {
    re = new RegExp(rule.regex);
  } catch {
    // The plan schema refuses bad patterns; a plan from elsewhere with one matches nothing rather than throwing.
    return {
      name,
      test: () => false,
      why: () => `the plan's pattern for ${name} (/${rule.regex}/) is not a valid regex`,
    };
  }
  const compiled = re;
  return {
    name,
    test: (value) => value !== undefined && compiled.test(value),
    why: (value) =>
      value === undefined
        ? `${name} is missing (expected /${rule.regex}/)`
        : `${name} ${quote(value)} does not match /${rule.regex}/`,
  };
}

/**
 * The expected event is the hit's event. A Google Ads ping also carries the gtag event behind it in
 * `event_name` (`remarketing` with `event_name=purchase`): a plan that says `{ vendor: 'google-ads', event:
 * 'purchase' }` means that one. A library load only satisfies a plan that asks for `library_load`.
 */
function eventMatches(expected: ExpectedTag, hit: TagHit): boolean {
  if (expected.event === undefined) return hit.event !== 'library_load';
  if (hit.event === expected.event) return true;
  return hit.vendor === 'google-ads' && hit.event !== 'library_load' && hit.params.event_name === expected.event;
}

/** `AW-123/AbC` (gtag's send_to) names the Ads account and the conversion label. */
function accountMatches(expected: string, hit: TagHit): boolean {
  if (hit.account === expected) return true;
  if (hit.vendor !== 'google-ads') return false;
  const slash = expected.indexOf('/');
  if (slash < 0) return false;
  return hit.account === expected.slice(0, slash) && hit.params.conversion_label === expected.slice(slash + 1);
}

export function compileTag(expected: ExpectedTag): CompiledTag {
  const params = Object.entries(expected.params ?? {}).map(([name, rule]) => compileParam(name, rule));
  const mismatch = (hit: TagHit): string | undefined => {
    if (hit.vendor !== expected.vendor) return `it is a ${hit.vendor} hit`;
    if (!eventMatches(expected, hit)) return `its event is ${hit.event === undefined ? 'missing' : quote(hit.event)}`;
    if (expected.account !== undefined && !accountMatches(expected.account, hit)) {
      return `its account is ${hit.account === undefined ? 'missing' : quote(hit.account)}, expected ${quote(expected.account)}`;
    }
    for (const p of params) {
      const value = Object.hasOwn(hit.params, p.name) ? hit.params[p.name] : undefined;
      if (!p.test(value)) return p.why(value);
    }
    return undefined;
  };
  return { expected, matches: (hit) => mismatch(hit) === undefined, mismatch };
}

const compiledCache = new WeakMap<ExpectedTag, CompiledTag>();

/** One-off check; compiles the expected tag once per object and remembers it. */
export function matchesTag(expected: ExpectedTag, hit: TagHit): boolean {
  let compiled = compiledCache.get(expected);
  if (!compiled) {
    compiled = compileTag(expected);
    compiledCache.set(expected, compiled);
  }
  return compiled.matches(hit);
}
