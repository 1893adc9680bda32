// The audit journey (contract: DESIGN.md): steps run in order in one browser page.

export type JourneyStep =
  | { goto: string }
  | { fill: string; value: string }
  | { click: string }
  | { submit: string }
  | { play: string }
  | { scroll: number }
  | { wait: number }
  | { expectGoal: string };

export type Journey = JourneyStep[];

const KINDS = ['goto', 'fill', 'click', 'submit', 'play', 'scroll', 'wait', 'expectGoal'] as const;
type Kind = (typeof KINDS)[number];

export type JourneyResult = { ok: true; journey: Journey } | { ok: false; errors: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function step(raw: unknown, at: string, errors: string[]): JourneyStep | undefined {
  if (!isRecord(raw)) {
    errors.push(`${at}: expected an object such as { "click": "#subscribe" }`);
    return undefined;
  }
  const keys = Object.keys(raw);
  const kinds = keys.filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  if (kinds.length !== 1) {
    const unknown = keys.filter((k) => k !== 'value');
    errors.push(
      kinds.length === 0
        ? `${at}: unknown step ${unknown.map((k) => `"${k}"`).join(', ') || '{}'} (expected one of ${KINDS.join(', ')})`
        : `${at}: one step per object, found ${kinds.join(' and ')}`,
    );
    return undefined;
  }
  const kind = kinds[0]!;
  const extra = keys.filter((k) => k !== kind && !(kind === 'fill' && k === 'value'));
  if (extra.length > 0) errors.push(`${at}: unexpected key ${extra.map((k) => `"${k}"`).join(', ')} in a "${kind}" step`);
  const arg = raw[kind];
  switch (kind) {
    case 'scroll':
      if (typeof arg !== 'number' || arg < 0 || arg > 100) return void errors.push(`${at}.scroll: expected a percent from 0 to 100`);
      return { scroll: arg };
    case 'wait':
      if (typeof arg !== 'number' || arg < 0 || arg > 120_000) return void errors.push(`${at}.wait: expected milliseconds from 0 to 120000`);
      return { wait: arg };
    case 'fill':
      if (typeof arg !== 'string' || arg === '') return void errors.push(`${at}.fill: expected a CSS selector`);
      if (typeof raw.value !== 'string') return void errors.push(`${at}.value: a "fill" step needs the text to type, as a string`);
      return { fill: arg, value: raw.value };
    default:
      if (typeof arg !== 'string' || arg === '') {
        return void errors.push(`${at}.${kind}: expected ${kind === 'goto' ? 'a URL' : kind === 'expectGoal' ? 'a goal id' : 'a CSS selector'}`);
      }
      return { [kind]: arg } as JourneyStep;
  }
}

/** Validate a journey; every error names the step (`journey[3].click: expected a CSS selector`). */
export function parseJourney(input: unknown): JourneyResult {
  if (!Array.isArray(input)) return { ok: false, errors: ['journey: expected a JSON list of steps, such as [{ "goto": "https://shop.example/" }]'] };
  const errors: string[] = [];
  const steps = input.map((raw, i) => step(raw, `journey[${i}]`, errors));
  if (input.length === 0) errors.push('journey: the list is empty; add at least one step');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, journey: steps as Journey };
}

export function parseJourneyText(text: string): JourneyResult {
  try {
    return parseJourney(JSON.parse(text) as unknown);
  } catch (error) {
    return { ok: false, errors: [`journey: not valid JSON (${(error as Error).message})`] };
  }
}

/** Relative `goto` URLs are resolved against the first URL given (or the demo site). */
export function resolveGoto(step: { goto: string }, base: string | undefined): string {
  try {
    return new URL(step.goto, base).href;
  } catch {
    return step.goto;
  }
}
