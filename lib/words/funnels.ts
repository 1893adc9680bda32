import type { FunnelResult, FunnelStepResult } from '../audit/funnels';
import { pagePath } from '../audit/funnels';
import { clock } from './numbers';
import { STATUS_SYMBOL } from './statuses';
import { vendorName } from './vendors';

// A funnel step in words, the same in the popup, the CLI, Markdown and HTML: ✓ reached and tracked, ✗ reached
// but a tag never sent (the one that breaks the vendor's funnel), – not reached.

export type StepState = 'tracked' | 'untracked' | 'not_reached';

export function stepState(step: FunnelStepResult): StepState {
  return !step.reached ? 'not_reached' : step.tracked ? 'tracked' : 'untracked';
}

export const STEP_SYMBOL: Readonly<Record<StepState, string>> = {
  tracked: STATUS_SYMBOL.sent,
  untracked: STATUS_SYMBOL.missing,
  not_reached: STATUS_SYMBOL.not_triggered,
};

export const STEP_WORDS: Readonly<Record<StepState, string>> = {
  tracked: 'reached, tracked',
  untracked: 'reached, not tracked',
  not_reached: 'not reached',
};

/** `on /checkout at 10:02:03 — Google Analytics 4 begin_checkout never sent`; `not reached`. */
export function stepDetail(step: FunnelStepResult, timeZone?: string): string {
  if (!step.reached) return STEP_WORDS.not_reached;
  const where = `on ${step.page ? pagePath(step.page) : 'a page'}${step.at !== undefined ? ` at ${clock(step.at, timeZone)}` : ''}`;
  const gaps = (step.missing ?? []).map(
    (m) => `${vendorName(m.vendor)} ${m.event ?? 'hit'} ${m.status === 'missing' ? 'never sent' : m.status}`,
  );
  return gaps.length ? `${where} — ${gaps.join(', ')}` : where;
}

/** `3 of 4 steps reached, 1 not tracked`. */
export function funnelSummary(funnel: FunnelResult): string {
  const reached = funnel.steps.filter((s) => s.reached).length;
  const untracked = funnel.steps.filter((s) => s.reached && !s.tracked).length;
  return `${reached} of ${funnel.steps.length} steps reached${untracked ? `, ${untracked} not tracked` : ''}`;
}
