import type { Finding } from '../audit/findings';
import { KIND_GOALS, KIND_NAMES } from '../goals/default-plan';
import type { SiteReading } from '../goals/site-kind';
import { count, listWords } from '../words';
import type { GoalView } from './goals';

// The one line at the top of the popup that says what to do next: fix the first problem, or try what has not
// been tried yet. Pure: the popup passes the audit's findings and its goal views.

/** How many of the goals that did not fire are named in the suggestion. */
const SUGGESTED = 3;

export function nextStep(findings: readonly Finding[], goals: readonly GoalView[]): string {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const top = errors[0] ?? warnings[0];
  if (top) {
    const more = errors.length + warnings.length - 1;
    return more > 0 ? `${top.todo} (${count(more, 'more problem')} in Findings.)` : top.todo;
  }
  const waiting = goals.filter((g) => g.state === 'not_triggered' && g.tags.length > 0).map((g) => `“${g.name}”`);
  const fired = goals.some((g) => g.state !== 'not_triggered' && g.state !== 'owned');
  const tryThese =
    waiting.length > 0
      ? ` Try ${listWords(waiting.slice(0, SUGGESTED), 'or')}${waiting.length > SUGGESTED ? ' and the rest' : ''}.`
      : '';
  if (!fired)
    return `Nothing to check yet: do on the page what a visitor does, and each step's tags are checked as it happens.${tryThese}`;
  return `Every goal that fired sent its tags.${tryThese ? `${tryThese.replace('Try', 'To check more, try')}` : ''}`;
}

/** `Read as a shop (add-to-cart button, product markup): Tagwatch checks its 5 micro-conversions and the purchase.` */
export function siteLine(site: SiteReading | undefined, defaultsInForce: boolean): string | undefined {
  if (!site || site.kinds.length === 0 || !defaultsInForce) return undefined;
  const [kind] = site.kinds;
  const goals = KIND_GOALS[kind!];
  const micro = goals.micro.length;
  const macro = goals.macro.length > 0 ? ' and the macro conversion' : '';
  const signs = site.signs.length > 0 ? ` (${site.signs.join(', ')})` : '';
  return `This page reads as ${listWords(site.kinds.map((k) => KIND_NAMES[k]))}${signs}: the default plan checks its ${micro} micro-conversions${macro}.`;
}
